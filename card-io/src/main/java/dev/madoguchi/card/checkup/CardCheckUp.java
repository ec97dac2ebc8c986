package dev.madoguchi.card.checkup;

import dev.madoguchi.card.apdu.Response;
import dev.madoguchi.card.detect.CardType;
import dev.madoguchi.card.detect.CardTypeDetector;
import dev.madoguchi.card.mynumber.CardHealth;
import dev.madoguchi.card.mynumber.CardInfo;
import dev.madoguchi.card.mynumber.CardProfile;
import dev.madoguchi.card.mynumber.FirstGenerationProfile;
import dev.madoguchi.card.mynumber.PinKind;
import dev.madoguchi.card.mynumber.PinStatus;
import dev.madoguchi.card.reader.ApduChannel;
import dev.madoguchi.card.reader.CardConnection;
import dev.madoguchi.card.reader.CardIoError;
import dev.madoguchi.card.reader.CardIoException;
import dev.madoguchi.card.reader.CardReaders;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The volunteer's card check-up (docs/volunteer.md): what kind of card lies on the reader, and for a My Number Card
 * the tries of its four PINs, the 利用者証明用電子証明書's dates and the card's expiry. Sends only free commands: SELECT,
 * READ BINARY, READ RECORD and VERIFY <em>without</em> data, which consumes no try. The only VERIFY with data is the
 * resident's own {@link #selfTest}, refused unless the PIN still has all of its tries.
 *
 * <p>Synchronous, for the {@code card-io} thread. Reuses card detection ({@link CardTypeDetector}) and the health check
 * of the card's {@link CardProfile}; keeps nothing personal (see {@link CheckUp}).
 */
public final class CardCheckUp {

    private static final Logger LOG = LoggerFactory.getLogger(CardCheckUp.class);

    private final CardReaders readers;
    private final List<CardProfile> profiles;
    private final Clock clock;

    public CardCheckUp(CardReaders readers, List<CardProfile> profiles, Clock clock) {
        this.readers = readers;
        this.profiles = List.copyOf(profiles);
        this.clock = clock;
    }

    /** Today's cards; dates in Japan time. */
    public CardCheckUp(CardReaders readers) {
        this(readers, List.of(new FirstGenerationProfile()), Clock.system(ZoneId.of("Asia/Tokyo")));
    }

    /** Connects to the card on the reader (null: the first holding a card), checks it and lets go. */
    public CheckUp checkUp(String readerName) throws CardIoException {
        try (CardConnection card = readers.connect(readerName)) {
            return checkUpOn(card);
        }
    }

    /**
     * Checks the card on a connection the caller holds.
     *
     * @throws CardIoException {@link CardIoError#CARD_REMOVED} when the card leaves mid-check-up,
     *     {@link CardIoError#CORRUPT_DATA} when the certificate or the 共通AP record does not have its documented
     *     structure, {@link CardIoError#UNSUPPORTED_CARD} for an answer no card should give
     */
    public CheckUp checkUpOn(ApduChannel connection) throws CardIoException {
        Counting card = new Counting(connection);
        LocalDate today = LocalDate.now(clock);
        CardType type = new CardTypeDetector().detect(card);
        boolean myNumber = type.kind() == CardType.Kind.MY_NUMBER_CARD
                || (type instanceof CardType.SpecifiedCard specified && specified.myNumberSide());
        if (!myNumber) {
            LOG.info("check-up: {} card, {} APDUs", type.code(), card.commands);
            return CheckUp.notMyNumberCard(type, today, card.commands);
        }
        CardProfile profile = profile(card);
        CardHealth health = profile.health(card);
        Optional<PinStatus> registry = profile.pinStatus(card, PinKind.RESIDENT_REGISTRY_PIN);
        List<PinTries> pins = new ArrayList<>();
        pins.add(tries(PinKind.TEXT_PIN, health.textPin()));
        health.authPin().ifPresent(s -> pins.add(tries(PinKind.AUTH_PIN, s)));
        health.signPassword().ifPresent(s -> pins.add(tries(PinKind.SIGN_PASSWORD, s)));
        registry.ifPresent(s -> pins.add(tries(PinKind.RESIDENT_REGISTRY_PIN, s)));
        Optional<CertificateValidity> certificate = Optional.empty();
        if (health.authCertificateValidFrom().isPresent() && health.authCertificateValidUntil().isPresent()) {
            certificate = Optional.of(CertificateValidity.on(health.authCertificateValidFrom().get(),
                    health.authCertificateValidUntil().get(), today));
        }
        Optional<CardValidity> cardValidity = health.cardInfo().map(CardInfo::expiry)
                .map(expiry -> CardValidity.on(expiry, today));
        LOG.info("check-up: {} card, {} APDUs", type.code(), card.commands);
        return new CheckUp(type, today, pins, certificate, cardValidity, card.commands);
    }

    /**
     * The resident's "does my PIN work?", typed by the resident on the resident's own pad. Sends exactly one VERIFY
     * with data, and only when the PIN still has all of its tries; the card is reset afterwards so it forgets the
     * verified PIN. The {@code pin} array is wiped before this returns, whatever happens.
     *
     * @throws CardIoException {@link CardIoError#SELF_TEST_REFUSED} (nothing sent) when the tries are below the
     *     maximum or not reported; {@link CardIoError#NOT_MY_NUMBER_CARD}; transport failures
     * @throws IllegalArgumentException when {@code pin} does not have the kind's form (nothing sent; the message holds
     *     no part of it)
     */
    public SelfTestResult selfTest(String readerName, PinKind kind, char[] pin) throws CardIoException {
        try {
            requireForm(kind, pin);
            try (CardConnection card = readers.connect(readerName)) {
                card.beginExclusive();
                try {
                    return selfTestOn(card, kind, pin);
                } finally {
                    card.endExclusive();
                }
            }
        } finally {
            wipe(pin);
        }
    }

    /** As {@link #selfTest(String, PinKind, char[])} on a connection the caller holds (exclusively, ideally). */
    public SelfTestResult selfTestOn(CardConnection connection, PinKind kind, char[] pin) throws CardIoException {
        byte[] ascii = null;
        try {
            requireForm(kind, pin);
            Counting card = new Counting(connection);
            CardProfile profile = profile(card);
            PinStatus status = profile.pinStatus(card, kind).orElseThrow(() -> new CardIoException(
                    CardIoError.UNSUPPORTED_CARD, "the card has no " + kind.code()));
            if (!status.reported() || status.triesLeft() != kind.maxTries()) {
                throw new CardIoException(CardIoError.SELF_TEST_REFUSED, status.triesLeft(), kind.code() + " has "
                        + status.triesLeft() + " of " + kind.maxTries() + " tries; nothing sent", null);
            }
            ascii = ascii(kind, pin);
            connection.resetWhenClosed();
            try {
                profile.verifyPin(card, kind, ascii);
                LOG.info("self-test of {}: correct", kind.code());
                return new SelfTestResult(kind, true, kind.maxTries(), kind.maxTries(), card.commands);
            } catch (CardIoException e) {
                if (e.error() == CardIoError.WRONG_PIN || e.error() == CardIoError.PIN_BLOCKED) {
                    int left = e.triesLeft().orElse(0);
                    LOG.info("self-test of {}: not correct, {} left", kind.code(), left);
                    return new SelfTestResult(kind, false, left, kind.maxTries(), card.commands);
                }
                throw e;
            }
        } finally {
            wipe(pin);
            if (ascii != null) {
                Arrays.fill(ascii, (byte) 0);
            }
        }
    }

    private static void requireForm(PinKind kind, char[] pin) {
        if (!kind.accepts(pin)) {
            wipe(pin);
            throw new IllegalArgumentException("not the form of a " + kind.code() + "; nothing sent");
        }
    }

    private static byte[] ascii(PinKind kind, char[] pin) {
        byte[] out = new byte[pin.length];
        for (int i = 0; i < pin.length; i++) {
            char c = kind == PinKind.SIGN_PASSWORD ? Character.toUpperCase(pin[i]) : pin[i];
            out[i] = (byte) c;
        }
        return out;
    }

    private static void wipe(char[] pin) {
        if (pin != null) {
            Arrays.fill(pin, '\0');
        }
    }

    private CardProfile profile(ApduChannel card) throws CardIoException {
        for (CardProfile profile : profiles) {
            if (profile.detect(card)) {
                return profile;
            }
        }
        throw new CardIoException(CardIoError.NOT_MY_NUMBER_CARD, "no profile's text AP");
    }

    private static PinTries tries(PinKind kind, PinStatus status) {
        int left = status.reported() ? status.triesLeft() : PinTries.NOT_REPORTED;
        return new PinTries(kind, left, Math.max(kind.maxTries(), left));
    }

    /** Counts the commands sent through it. */
    private static final class Counting implements ApduChannel {
        private final ApduChannel card;
        int commands;

        Counting(ApduChannel card) {
            this.card = card;
        }

        @Override
        public Response transmit(byte[] command) throws CardIoException {
            commands++;
            return card.transmit(command);
        }
    }
}
