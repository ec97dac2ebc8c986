package dev.madoguchi.card.residence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.madoguchi.card.apdu.Response;
import dev.madoguchi.card.detect.CardType;
import dev.madoguchi.card.detect.CardTypeDetector;
import dev.madoguchi.card.reader.CardIoError;
import dev.madoguchi.card.reader.CardIoException;
import dev.madoguchi.card.simulated.ResidenceCardContent;
import dev.madoguchi.card.simulated.ResidenceCardModel;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Random, truncated and mutated residence card answers: always a result or a typed error (never an unchecked
 * exception), and never a result from an answer that failed its checks.
 */
class ResidencePropertiesTest {

    private static final CardNumber NUMBER = CardNumber.parse("AB12345678CD");
    private static final ResidenceCardModel CARD = ResidenceCardModel.of(
            ResidenceCardContent.demoSecondGeneration("AB12345678CD"), OfficialVectorsTest.Issuers.shared());
    private static final ResidenceCardModel FIRST = ResidenceCardModel.of(
            ResidenceCardContent.demoFirstGeneration("AB12345678CD"), OfficialVectorsTest.Issuers.shared());
    private static final Set<CardIoError> TYPED = Set.of(CardIoError.CORRUPT_DATA,
            CardIoError.CARD_AUTHENTICATION_FAILED, CardIoError.UNSUPPORTED_CARD, CardIoError.WRONG_CARD_NUMBER);

    private interface Parser {
        void parse(byte[] data) throws CardIoException;
    }

    private static void onlyCorruptData(Parser parser, byte[] data) {
        try {
            parser.parse(data);
        } catch (CardIoException e) {
            assertThat(e.error()).isEqualTo(CardIoError.CORRUPT_DATA);
        }
    }

    @Property(tries = 20_000)
    void everyFileParserGivesAResultOrCorruptData(@ForAll @Size(max = 120) byte[] data) {
        onlyCorruptData(ResidenceFields::cardNumber, data);
        onlyCorruptData(d -> ResidenceFields.printedEntries(d, CardType.Document.RESIDENCE_CARD), data);
        onlyCorruptData(d -> ResidenceFields.printedEntries(d, CardType.Document.SPECIAL_PERMANENT_RESIDENT_CERTIFICATE),
                data);
        onlyCorruptData(ResidenceFields::signedPrintedEntries, data);
        onlyCorruptData(d -> ResidenceFields.secondGenerationBack(d, d, d), data);
        onlyCorruptData(d -> ResidenceFields.firstGenerationBack(d, d, d, d), data);
        onlyCorruptData(d -> ResidenceFields.image(d, 0xD1, 3000), data);
        onlyCorruptData(d -> ResidenceFields.image(d, 0xDFD1, 2500), data);
        assertThat(ResidenceSignature.check(CardType.Generation.SECOND, data, data, ResidenceTrust.none(),
                Instant.EPOCH).verified()).isFalse();
    }

    @Property(tries = 100_000)
    void randomSecureMessagingAnswersGiveTypedErrors(@ForAll @Size(max = 64) byte[] answer,
            @ForAll boolean firstGeneration) throws CardIoException {
        SecureSession session = firstGeneration ? firstSession() : secondSession();
        nextAnswer = answer;
        try {
            byte[] data = session.readSecure(0x83);
            // only a correctly encrypted and padded answer can give data; random bytes almost never are
            assertThat(data.length).isLessThan(answer.length);
        } catch (CardIoException e) {
            assertThat(e.error()).isIn(TYPED);
        }
    }

    @Property(tries = 20_000)
    void truncatedOrMutatedRealAnswersGiveTypedErrorsOrTheTruth(@ForAll @IntRange(min = 0, max = 200) int cut,
            @ForAll @IntRange(min = 0, max = 200) int flipAt, @ForAll byte flip) throws CardIoException {
        CARD.reset();
        SecureSession honest = SecureSession.open(CARD, NUMBER, SmCipher.SECOND_GENERATION,
                SecureSession.Nonces.secure());
        honest.verify(NUMBER);
        honest.select(dev.madoguchi.card.residence.ResidenceFiles.DF1);
        byte[] real = CARD.process(new byte[] {0x08, (byte) 0xB0, (byte) 0x83, 0, 0, 0, 4, (byte) 0x96, 2, 0, 0, 0, 0});
        byte[] truth = CARD.file(ResidenceFiles.DF1, ResidenceFiles.G2_PRINTED);
        byte[] mutated = Arrays.copyOf(real, Math.min(real.length, cut + 2));
        if (flipAt < mutated.length - 2) {
            mutated[flipAt] ^= flip;
        }
        mutated[mutated.length - 2] = (byte) 0x90;
        mutated[mutated.length - 1] = 0x00;
        byte[] answer = Arrays.copyOf(mutated, mutated.length - 2);
        SecureSession session = authenticated(CARD, false, answer);
        try {
            byte[] data = session.readSecure(0x83);
            PrintedEntries p = ResidenceFields.printedEntries(data, CardType.Document.RESIDENCE_CARD);
            assertThat(p).isNotNull();
            if (Arrays.equals(answer, Arrays.copyOf(real, real.length - 2))) {
                assertThat(data).isEqualTo(truth);
            }
        } catch (CardIoException e) {
            assertThat(e.error()).isIn(TYPED);
        }
    }

    @Property(tries = 20_000)
    void randomAnswersToDetectionNeverThrow(@ForAll @Size(max = 12) byte[] ef02, @ForAll @Size(max = 12) byte[] ef01)
            throws CardIoException {
        CardType type = new CardTypeDetector().detect(command -> {
            int p1 = command.length > 2 ? command[2] & 0xFF : 0;
            return Response.of(p1 == 0x8A ? ef02 : p1 == 0x8B ? ef01 : new byte[] {0x6A, (byte) 0x82});
        });
        assertThat(type).isNotNull();
    }

    /** The answer the shared sessions' channel gives after authentication. */
    private static byte[] nextAnswer = new byte[0];
    private static SecureSession first;
    private static SecureSession second;

    /** One session per generation for the 100,000 tries (authenticating each time would cost more than the test). */
    private static synchronized SecureSession firstSession() throws CardIoException {
        if (first == null) {
            first = shared(FIRST, true);
        }
        return first;
    }

    private static synchronized SecureSession secondSession() throws CardIoException {
        if (second == null) {
            second = shared(CARD, false);
        }
        return second;
    }

    private static SecureSession shared(ResidenceCardModel card, boolean firstGeneration) throws CardIoException {
        card.reset();
        int[] count = {0};
        SecureSession s = SecureSession.open(command -> {
            if (count[0]++ >= 4) {
                byte[] raw = Arrays.copyOf(nextAnswer, nextAnswer.length + 2);
                raw[nextAnswer.length] = (byte) 0x90;
                return Response.of(raw);
            }
            return card.transmit(command);
        }, NUMBER, firstGeneration ? SmCipher.FIRST_GENERATION : SmCipher.SECOND_GENERATION,
                SecureSession.Nonces.secure());
        s.verify(NUMBER);
        s.select(ResidenceFiles.DF1);
        return s;
    }

    /**
     * A session authenticated with the real card, whose next answer (after GET CHALLENGE, MUTUAL AUTHENTICATE,
     * VERIFY and SELECT) is {@code answer} followed by 9000.
     */
    private static SecureSession authenticated(ResidenceCardModel card, boolean first, byte[] answer)
            throws CardIoException {
        card.reset();
        int[] count = {0};
        SecureSession s = SecureSession.open(command -> {
            if (count[0]++ >= 4) {
                byte[] raw = Arrays.copyOf(answer, answer.length + 2);
                raw[answer.length] = (byte) 0x90;
                return Response.of(raw);
            }
            return card.transmit(command);
        }, NUMBER, first ? SmCipher.FIRST_GENERATION : SmCipher.SECOND_GENERATION, SecureSession.Nonces.secure());
        s.verify(NUMBER);
        s.select(ResidenceFiles.DF1);
        return s;
    }
}
