package dev.madoguchi.card.residence;

import dev.madoguchi.card.detect.CardType;
import dev.madoguchi.card.detect.CardTypeDetector;
import dev.madoguchi.card.reader.CardConnection;
import dev.madoguchi.card.reader.CardIoError;
import dev.madoguchi.card.reader.CardIoException;
import dev.madoguchi.card.reader.CardReaders;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;

/**
 * Reads residence cards and 特別永住者証明書 on a reader, and tells any card's type. Synchronous; call it from the
 * {@code card-io} thread. Each call connects, works and disconnects; exclusive access is held only during a read, and
 * the card is reset afterwards so it forgets the session.
 *
 * <p>A card number the card refused ({@code 63 00}) is remembered (as a salted digest, in memory) and refused here
 * without a command until {@link #cardChanged()}: the same number is never sent twice.
 */
public final class ResidenceCardService {

    private final CardReaders readers;
    private final ResidenceTrust trust;
    private final SecureSession.Nonces nonces;
    private final Clock clock;
    private final byte[] salt = SecureSession.Nonces.secure().next(16);
    private final Set<String> refused = new HashSet<>();

    public ResidenceCardService(CardReaders readers, ResidenceTrust trust, SecureSession.Nonces nonces, Clock clock) {
        this.readers = readers;
        this.trust = trust;
        this.nonces = nonces;
        this.clock = clock;
    }

    public ResidenceCardService(CardReaders readers, ResidenceTrust trust) {
        this(readers, trust, SecureSession.Nonces.secure(), Clock.systemUTC());
    }

    /** The type of the card on the reader; free commands only. */
    public CardType detect(String readerName) throws CardIoException {
        try (CardConnection card = readers.connect(readerName)) {
            return new CardTypeDetector().detect(card);
        }
    }

    /** Forgets the numbers refused so far: call when another card is put on the reader. */
    public synchronized void cardChanged() {
        refused.clear();
    }

    /**
     * Authenticates with the card number the clerk typed and reads what {@code options} ask for.
     *
     * @throws CardIoException {@link CardIoError#WRONG_CARD_NUMBER} (also, without touching the card, for a number
     *     refused before), {@link CardIoError#NOT_RESIDENCE_CARD}, {@link CardIoError#UNSUPPORTED_CARD} (a specified
     *     card), {@link CardIoError#CARD_AUTHENTICATION_FAILED}, {@link CardIoError#CORRUPT_DATA},
     *     {@link CardIoError#CARD_REMOVED} and the reader's errors
     */
    public ResidenceCardRead read(String readerName, CardNumber number, ResidenceReadOptions options)
            throws CardIoException {
        String digest = digest(number);
        synchronized (this) {
            if (refused.contains(digest)) {
                throw new CardIoException(CardIoError.WRONG_CARD_NUMBER, "this card number was refused already");
            }
        }
        try (CardConnection card = readers.connect(readerName)) {
            card.beginExclusive();
            try {
                CardTypeDetector detector = new CardTypeDetector();
                CardType type = detector.detect(card);
                if (type instanceof CardType.SpecifiedCard) {
                    throw new CardIoException(CardIoError.UNSUPPORTED_CARD,
                            "specified card: its residence side's key exchange is not implemented");
                }
                if (!(type instanceof CardType.ResidenceCard residence)) {
                    throw new CardIoException(CardIoError.NOT_RESIDENCE_CARD, "card type " + type.code());
                }
                card.resetWhenClosed();
                SmCipher cipher = residence.generation() == CardType.Generation.FIRST ? SmCipher.FIRST_GENERATION
                        : SmCipher.SECOND_GENERATION;
                SecureSession session = null;
                try {
                    session = SecureSession.open(card, number, cipher, nonces);
                    session.verify(number);
                    ResidenceCardRead read = residence.generation() == CardType.Generation.FIRST
                            ? readFirst(session, residence, options) : readSecond(session, residence, options);
                    return new ResidenceCardRead(read.type(), read.printed(), read.back(), read.images(),
                            read.signature(), detector.commands() + session.commands());
                } catch (CardIoException e) {
                    if (e.error() == CardIoError.WRONG_CARD_NUMBER) {
                        synchronized (this) {
                            refused.add(digest);
                        }
                    }
                    throw e;
                } finally {
                    if (session != null) {
                        session.close();
                    }
                }
            } finally {
                card.endExclusive();
            }
        }
    }

    private ResidenceCardRead readSecond(SecureSession s, CardType.ResidenceCard type, ResidenceReadOptions options)
            throws CardIoException {
        boolean residenceCard = type.document() == CardType.Document.RESIDENCE_CARD;
        s.select(ResidenceFiles.DF1);
        byte[] printedFile = s.readSecure(ResidenceFiles.G2_PRINTED);
        PrintedEntries printed = ResidenceFields.printedEntries(printedFile, type.document());
        byte[] imageFile = options.readsImages() ? s.readSecure(ResidenceFiles.G2_NAME_AND_PHOTO) : new byte[0];
        try {
            Optional<byte[]> name = ResidenceFields.image(imageFile, 0xD0, ResidenceFields.G2_NAME_IMAGE_LENGTH);
            Optional<byte[]> photo = ResidenceFields.image(imageFile, 0xD1, ResidenceFields.G2_PHOTO_LENGTH);
            Optional<byte[]> address = Optional.empty();
            if (options.keepImages()) {
                address = ResidenceFields.image(s.readSecure(ResidenceFiles.G2_ADDRESS_IMAGE), 0xDFD1, 2500);
            }
            s.select(ResidenceFiles.DF2);
            byte[] permission = residenceCard ? s.readPlain(ResidenceFiles.G2_PERMISSION) : null;
            byte[] application = residenceCard ? s.readPlain(ResidenceFiles.G2_APPLICATION) : null;
            BackEntries back = ResidenceFields.secondGenerationBack(permission, application,
                    s.readPlain(ResidenceFiles.G2_OTHER));
            SignatureCheck signature = SignatureCheck.NOT_CHECKED;
            if (options.checkSignature()) {
                s.select(ResidenceFiles.DF3);
                byte[] df3 = s.readPlain(ResidenceFiles.SIGNATURE);
                if (name.isEmpty() || photo.isEmpty()) {
                    signature = new SignatureCheck(SignatureCheck.Status.MALFORMED, Optional.empty(), false);
                } else {
                    byte[] target = ResidenceSignature.secondGenerationTarget(
                            ResidenceFields.signedPrintedEntries(printedFile), photo.get(), name.get());
                    signature = ResidenceSignature.check(type.generation(), df3, target, trust, clock.instant());
                    Arrays.fill(target, (byte) 0);
                }
            }
            CardImages images = new CardImages(options.keepImages() ? name : Optional.empty(),
                    options.keepPhoto() ? photo : Optional.empty(), address);
            photo.ifPresent(p -> Arrays.fill(p, (byte) 0));
            name.ifPresent(n -> Arrays.fill(n, (byte) 0)); // a kept image is a copy (CardImages)
            return new ResidenceCardRead(type, Optional.of(printed), back, images, signature, 0);
        } finally {
            Arrays.fill(imageFile, (byte) 0);
        }
    }

    private ResidenceCardRead readFirst(SecureSession s, CardType.ResidenceCard type, ResidenceReadOptions options)
            throws CardIoException {
        boolean residenceCard = type.document() == CardType.Document.RESIDENCE_CARD;
        Optional<byte[]> front = Optional.empty();
        Optional<byte[]> photo = Optional.empty();
        if (options.readsImages()) {
            s.select(ResidenceFiles.DF1);
            front = ResidenceFields.image(s.readSecure(ResidenceFiles.G1_FRONT_IMAGE), 0xD0,
                    ResidenceFields.G1_FRONT_IMAGE_LENGTH);
            byte[] photoFile = s.readSecure(ResidenceFiles.G1_PHOTO);
            photo = ResidenceFields.image(photoFile, 0xD1, ResidenceFields.G1_PHOTO_LENGTH);
            Arrays.fill(photoFile, (byte) 0);
        }
        try {
            s.select(ResidenceFiles.DF2);
            byte[] address = s.readPlain(ResidenceFiles.G1_ADDRESS);
            BackEntries back = ResidenceFields.firstGenerationBack(address,
                    residenceCard ? s.readPlain(ResidenceFiles.G1_COMPREHENSIVE_PERMISSION) : null,
                    residenceCard ? s.readPlain(ResidenceFiles.G1_INDIVIDUAL_PERMISSION) : null,
                    residenceCard ? s.readPlain(ResidenceFiles.G1_APPLICATION) : null);
            SignatureCheck signature = SignatureCheck.NOT_CHECKED;
            if (options.checkSignature()) {
                s.select(ResidenceFiles.DF3);
                byte[] df3 = s.readPlain(ResidenceFiles.SIGNATURE);
                if (front.isEmpty() || photo.isEmpty()) {
                    signature = new SignatureCheck(SignatureCheck.Status.MALFORMED, Optional.empty(), false);
                } else {
                    byte[] target = ResidenceSignature.firstGenerationTarget(front.get(), photo.get());
                    signature = ResidenceSignature.check(type.generation(), df3, target, trust, clock.instant());
                    Arrays.fill(target, (byte) 0);
                }
            }
            CardImages images = new CardImages(options.keepImages() ? front : Optional.empty(),
                    options.keepPhoto() ? photo : Optional.empty(), Optional.empty());
            return new ResidenceCardRead(type, Optional.empty(), back, images, signature, 0);
        } finally {
            photo.ifPresent(p -> Arrays.fill(p, (byte) 0));
            front.ifPresent(f -> Arrays.fill(f, (byte) 0)); // a kept image is a copy (CardImages)
        }
    }

    private String digest(CardNumber number) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            return HexFormat.of().formatHex(sha.digest(number.value().getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
