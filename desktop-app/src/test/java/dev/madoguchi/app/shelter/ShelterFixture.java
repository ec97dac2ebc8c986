package dev.madoguchi.app.shelter;

import dev.madoguchi.app.demo.DemoEnvironment;
import dev.madoguchi.app.i18n.Language;
import dev.madoguchi.app.i18n.Messages;
import dev.madoguchi.app.shelter.screen.ShelterSteps;
import dev.madoguchi.app.store.StoreService;
import dev.madoguchi.app.task.InlineTaskRunner;
import dev.madoguchi.card.simulated.SimulatedCardReaders;
import dev.madoguchi.demo.DemoMunicipality;
import dev.madoguchi.demo.Resident;
import dev.madoguchi.domain.testing.MovableClock;
import dev.madoguchi.forms.qr.TerminalKey;
import dev.madoguchi.store.StoreOptions;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * The shelter desk's real parts on a temporary folder: the demo municipality in a real encrypted store (real
 * migrations) signed in as the demo shelter account, the simulated reader with the demo deck, the shelter desk with the inline task runner,
 * a municipality pre-registration key, and household / person ids the test can predict.
 */
public final class ShelterFixture implements AutoCloseable {

    public static final Instant TODAY = Instant.parse("2026-11-20T01:00:00Z");
    private static DemoEnvironment sharedDemo;

    public final DemoEnvironment demo;
    public final StoreService store;
    public final SimulatedCardReaders reader;
    public final InlineTaskRunner tasks = new InlineTaskRunner();
    /** Where the daily report is exported. */
    public final Path exports;
    public final MovableClock clock = new MovableClock(TODAY, ZoneId.of("Asia/Tokyo"));
    public final TerminalKey municipalityKey = TerminalKey.generate();
    public final ShelterRecords records;
    public final ShelterSteps steps;
    private final AtomicInteger households = new AtomicInteger();
    private final AtomicInteger people = new AtomicInteger();

    public ShelterFixture(Path dir) {
        this(dir, records -> records);
    }

    /** @param around wraps the store's records (the harness times them) */
    public ShelterFixture(Path dir, java.util.function.UnaryOperator<ShelterRecords> around) {
        this.demo = demo();
        this.store = new StoreService(dir.resolve("store"), demo,
                new StoreOptions("shelter-terminal", 1_000, Clock.systemUTC(), new SecureRandom()).withClock(clock));
        store.signIn(DemoEnvironment.DEMO_SHELTER, DemoEnvironment.DEMO_SHELTER_PASSPHRASE.toCharArray());
        this.reader = new SimulatedCardReaders(demo.cardDeck());
        this.records = around.apply(new StoreShelterRecords(store::store));
        CheckInCoordinator desk = new CheckInCoordinator(new Messages(Language.JAPANESE), tasks, records,
                new ShelterCards(reader), () -> "H-" + households.incrementAndGet());
        this.exports = dir.resolve("exports");
        this.steps = ShelterSteps.create(desk, () -> List.of(municipalityKey.trusted("架空市")), clock,
                () -> "P-" + people.incrementAndGet()).exportingTo(exports);
    }

    public static synchronized DemoEnvironment demo() {
        if (sharedDemo == null) {
            sharedDemo = new DemoEnvironment(DemoMunicipality.DEFAULT_SEED, 400);
        }
        return sharedDemo;
    }

    public Resident cardHolder(Predicate<Resident> which) {
        return demo.municipality().cardHolders().stream().filter(which).findFirst().orElseThrow();
    }

    /** Puts the resident's card on the reader and lets the watch see it. */
    public void putCard(Resident r) {
        reader.place(r.id());
        steps.identify().onReaderEvents(pollQuietly());
    }

    public void takeCard() {
        reader.remove();
        steps.identify().onReaderEvents(pollQuietly());
    }

    private List<dev.madoguchi.card.watch.ReaderEvent> pollQuietly() {
        try {
            return steps.desk().cards().pollReaders();
        } catch (dev.madoguchi.card.reader.CardIoException e) {
            throw new AssertionError(e);
        }
    }

    public void typePin(String digits) {
        digits.chars().forEach(c -> steps.identify().pressPinDigit(c - '0'));
    }

    @Override
    public void close() {
        store.close();
    }
}
