package dev.madoguchi.app.volunteer;

import dev.madoguchi.app.counter.PrintDestination;
import dev.madoguchi.app.demo.DemoEnvironment;
import dev.madoguchi.app.i18n.Language;
import dev.madoguchi.app.i18n.Messages;
import dev.madoguchi.app.resident.VolunteerResidentViewModel;
import dev.madoguchi.app.task.InlineTaskRunner;
import dev.madoguchi.app.volunteer.screen.VolunteerSteps;
import dev.madoguchi.card.apdu.Response;
import dev.madoguchi.card.checkup.CardCheckUp;
import dev.madoguchi.card.detect.CardType;
import dev.madoguchi.card.mynumber.FirstGenerationProfile;
import dev.madoguchi.card.reader.CardConnection;
import dev.madoguchi.card.reader.CardIoException;
import dev.madoguchi.card.reader.CardReaders;
import dev.madoguchi.card.reader.ReaderSnapshot;
import dev.madoguchi.card.reader.ReaderSource;
import dev.madoguchi.card.simulated.MyNumberCardContent;
import dev.madoguchi.card.simulated.SimulatedCard;
import dev.madoguchi.card.simulated.SimulatedCardReaders;
import dev.madoguchi.forms.print.FormPrinter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The volunteer mode without the toolkit: a simulated reader with cards in each state the check-up must name, the
 * real check-up on a fixed day, the inline task runner, a ticker the test moves, an advisor that says which PINs are
 * locked, and the APDUs logged so that a test can count the VERIFYs with data.
 */
final class VolunteerFixture {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 7);
    static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    static final Duration IDLE = Duration.ofMinutes(3);
    private static MyNumberCardContent base;

    final SimulatedCardReaders simulated;
    final LoggingReaders readers;
    final InlineTaskRunner tasks = new InlineTaskRunner();
    final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    final Messages messages = new Messages(Language.JAPANESE);
    final List<String> spoken = new ArrayList<>();
    final VolunteerSteps steps;
    final VolunteerResidentViewModel resident;
    /** The store the check-ups are counted in (none: not counted). */
    dev.madoguchi.store.LocalStore store;
    /** When set, the card is taken away at this command of the next check-up (a card pulled mid-check-up). */
    int pullAtCommand = -1;

    VolunteerFixture(Path printFolder) {
        this(printFolder, null);
    }

    /** @param advisor the advice to use, or null for the test's own (which names the locked PINs) */
    VolunteerFixture(Path printFolder, Advisor realAdvisor) {
        MyNumberCardContent fine = fine();
        simulated = new SimulatedCardReaders(List.of(
                new SimulatedCard("full", "full", fine),
                new SimulatedCard("auth-locked", "auth locked", fine.withAuthPinTriesLeft(0)),
                new SimulatedCard("text-one", "text pin 1", fine.withTextPinTriesLeft(1)),
                new SimulatedCard("expired", "expired", fine.withAuthCertificate(LocalDate.of(2021, 11, 1),
                        LocalDate.of(2026, 11, 1))),
                new SimulatedCard("renewal", "renewal", fine.withAuthCertificate(LocalDate.of(2022, 1, 20),
                        LocalDate.of(2027, 1, 20))),
                new SimulatedCard("sign-locked", "sign password locked", fine.withSignPasswordTriesLeft(0)),
                new SimulatedCard("sign-four", "sign password at 4 tries", fine.withSignPasswordTriesLeft(4)),
                new SimulatedCard("not-my-number", "a transit card"),
                SimulatedCard.smartphone("android", "an Android phone", CardType.Platform.ANDROID),
                SimulatedCard.smartphone("iphone", "an iPhone", CardType.Platform.IPHONE)));
        readers = new LoggingReaders(simulated, this);
        CardCheckUp checkUps = new CardCheckUp(readers, List.of(new FirstGenerationProfile()),
                Clock.fixed(TODAY.atTime(10, 0).atZone(TOKYO).toInstant(), TOKYO));
        Advisor advisor = realAdvisor != null ? realAdvisor : (checkUp, language) -> {
            List<AdviceLine> out = new ArrayList<>();
            checkUp.pins().stream().filter(p -> p.locked()).forEach(p -> out.add(new AdviceLine("action",
                    "locked " + p.kind().code() + " " + language, "go to the counter", "窓口市役所 1階",
                    List.of("card", "ID"))));
            if (out.isEmpty()) {
                out.add(new AdviceLine("ok", "all fine " + language, "nothing to do", "", List.of()));
            }
            return out;
        };
        ReadAloud speech = new ReadAloud() {
            @Override
            public void say(String text, String language) {
                spoken.add(language + ":" + text);
            }
        };
        TakeawaySheet sheet = (checkUp, language) -> TestPdf.onePage("check-up " + language);
        VolunteerOutput output = new VolunteerOutput(advisor, speech, new SheetOutput(sheet, new FormPrinter(),
                Clock.systemUTC()), () -> new PrintDestination.Folder(printFolder));
        steps = VolunteerSteps.create(messages, tasks, new VolunteerService(readers, checkUps,
                new CheckUpCounter(() -> java.util.Optional.ofNullable(store))), output, nanos::get, IDLE);
        resident = new VolunteerResidentViewModel(steps);
        steps.start();
    }

    /** A demo card with every PIN at full tries and a certificate far from its renewal window. */
    static synchronized MyNumberCardContent fine() {
        if (base == null) {
            base = new DemoEnvironment(7, 60).cardDeck().stream().map(c -> c.content())
                    .filter(c -> c != null && c.textPinTriesLeft() == 3 && c.authPinTriesLeft() == 3
                            && c.signPasswordTriesLeft() == 5 && c.expiry().isAfter(TODAY.plusYears(1)))
                    .findFirst().orElseThrow();
        }
        return base.withAuthCertificate(LocalDate.of(2024, 2, 17), LocalDate.of(2029, 2, 17));
    }

    void put(String cardId) {
        simulated.place(cardId);
        tasks.tick();
    }

    void takeAway() {
        simulated.remove();
        tasks.tick();
    }

    void seconds(long s) {
        nanos.addAndGet(s * 1_000_000_000L);
    }

    /** The VERIFY commands that carried data (a PIN): INS 20 with a body. */
    long verifiesWithData() {
        return readers.log.stream().filter(c -> c.length > 5 && (c[1] & 0xff) == 0x20).count();
    }

    /** Readers that log every command and can take the card away in the middle of a check-up. */
    static final class LoggingReaders implements CardReaders {
        final List<byte[]> log = new ArrayList<>();
        /** Nanoseconds spent in the card (connect, commands, close): the card's own time. */
        long cardNanos;
        private final SimulatedCardReaders inner;
        private final VolunteerFixture fixture;

        LoggingReaders(SimulatedCardReaders inner, VolunteerFixture fixture) {
            this.inner = inner;
            this.fixture = fixture;
        }

        @Override
        public ReaderSource source() {
            return inner.source();
        }

        @Override
        public ReaderSnapshot snapshot() {
            return inner.snapshot();
        }

        @Override
        public CardConnection connect(String readerName) throws CardIoException {
            long t0 = System.nanoTime();
            CardConnection card = inner.connect(readerName);
            cardNanos += System.nanoTime() - t0;
            int[] sent = {0};
            return new CardConnection() {
                @Override
                public String readerName() {
                    return card.readerName();
                }

                @Override
                public Response transmit(byte[] command) throws CardIoException {
                    log.add(command.clone());
                    if (++sent[0] == fixture.pullAtCommand) {
                        inner.remove();
                    }
                    long t0 = System.nanoTime();
                    try {
                        return card.transmit(command);
                    } finally {
                        cardNanos += System.nanoTime() - t0;
                    }
                }

                @Override
                public void beginExclusive() throws CardIoException {
                    card.beginExclusive();
                }

                @Override
                public void endExclusive() {
                    card.endExclusive();
                }

                @Override
                public void resetWhenClosed() {
                    card.resetWhenClosed();
                }

                @Override
                public void close() {
                    card.close();
                }
            };
        }
    }
}
