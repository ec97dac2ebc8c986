package dev.madoguchi.card.mynumber;

import dev.madoguchi.card.reader.CardConnection;
import dev.madoguchi.card.reader.CardIoError;
import dev.madoguchi.card.reader.CardIoException;
import dev.madoguchi.card.reader.CardReaders;
import java.util.List;

/**
 * Reads My Number Cards on a reader: the use cases of the counter and the volunteer. Synchronous; call it from the
 * {@code card-io} thread. Each call connects, works and disconnects: nothing is held while a person types.
 */
public final class MyNumberCardService {

    private final CardReaders readers;
    private final List<CardProfile> profiles;

    public MyNumberCardService(CardReaders readers, List<CardProfile> profiles) {
        this.readers = readers;
        this.profiles = List.copyOf(profiles);
    }

    /** The service for today's cards. */
    public MyNumberCardService(CardReaders readers) {
        this(readers, List.of(new FirstGenerationProfile()));
    }

    /** Tries left on the credential before the resident types it; consumes none, sends no PIN. */
    public PinStatus triesLeft(String readerName, CardProfile.TextCredentialKind kind) throws CardIoException {
        try (CardConnection card = readers.connect(readerName)) {
            return detect(card).textKeyStatus(card, kind);
        }
    }

    /**
     * Reads 基本4情報 (and the 個人番号 when asked) with a PIN or 照合番号B the person has already entered. Exclusive access
     * is held only for this call; the card is reset afterwards so it forgets the verified credential.
     */
    public TextRead read(String readerName, TextCredential credential, ReadOptions options) throws CardIoException {
        try (CardConnection card = readers.connect(readerName)) {
            card.beginExclusive();
            try {
                CardProfile profile = detect(card);
                TextRead read = profile.readText(card, credential, options);
                return new TextRead(read.basicFour(), read.myNumber(), read.genuineness(), read.commands() + 1);
            } finally {
                card.endExclusive();
            }
        }
    }

    /** The health check: tries left, certificate dates, expiry and municipality; no PIN, no try consumed. */
    public CardHealth check(String readerName) throws CardIoException {
        try (CardConnection card = readers.connect(readerName)) {
            return detect(card).health(card);
        }
    }

    /**
     * The JPKI user-authentication challenge with the 利用者証明用 PIN the resident has entered, validated against the
     * pinned roots (never against certificates read from the same card). Only for first-generation cards here.
     */
    public JpkiAuthentication authenticate(String readerName, String authPin,
            java.util.Set<java.security.cert.TrustAnchor> roots, java.time.Instant now) throws CardIoException {
        try (CardConnection card = readers.connect(readerName)) {
            card.beginExclusive();
            try {
                CardProfile profile = detect(card);
                if (!(profile instanceof FirstGenerationProfile first)) {
                    throw new CardIoException(CardIoError.UNSUPPORTED_CARD, "JPKI challenge for " + profile.name());
                }
                return first.authenticateJpki(card, authPin, roots, now);
            } finally {
                card.endExclusive();
            }
        }
    }

    private CardProfile detect(CardConnection card) throws CardIoException {
        for (CardProfile profile : profiles) {
            if (profile.detect(card)) {
                return profile;
            }
        }
        throw new CardIoException(CardIoError.NOT_MY_NUMBER_CARD, "no profile's text AP on " + card.readerName());
    }
}
