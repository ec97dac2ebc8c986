package dev.madoguchi.card.residence;

import static dev.madoguchi.card.apdu.Commands.hex;
import static org.assertj.core.api.Assertions.assertThat;

import dev.madoguchi.card.detect.CardType;
import dev.madoguchi.card.simulated.ResidenceCardContent;
import dev.madoguchi.card.simulated.ResidenceCardModel;
import dev.madoguchi.card.simulated.SyntheticIssuer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The second-generation specification's own test vectors (第2世代在留カード等仕様書 Ver 1.1, 付録2), step by step:
 * key derivation, mutual authentication both ways, the session key and the VERIFY command; then the same exchange
 * run between {@link SecureSession} and the simulated card fed the specification's random values.
 */
class OfficialVectorsTest {

    static final CardNumber NUMBER = new CardNumber("AA12345678BB");
    static final byte[] KENC = hex("6522B4E171195BB218223A976C040111");
    static final byte[] RND_IFD = hex("1122334455667788");
    static final byte[] K_IFD = hex("404142434445464748494A4B4C4D4E4F");
    static final byte[] RND_ICC = hex("921CE277323DA057");
    static final byte[] E_IFD = hex("4AD3C7B6BB484A5277197 7DED618B41DF841FA0476A05FBE041DEAD6109E773B".replace("7 7", "77"));
    static final byte[] M_IFD = hex("AC854617634F5397");
    static final byte[] E_ICC = hex("289A96B1DA6AE3DA87770419BFD14F0BDAD15F36432B5A946C188C7221759A62");
    static final byte[] M_ICC = hex("FA942EC51E62FF5F");
    static final byte[] E_ICC_PLAIN = hex("921CE277323DA0571122334455667788 2CC6AF9B8B607C662FDCAD27B401D08B");
    static final byte[] K_ICC = hex("2CC6AF9B8B607C662FDCAD27B401D08B");
    static final byte[] KSENC = hex("C19CF13D3D7FBEE9EA293D834C88952F");

    @Test
    void cardNumberGivesTheBaseKey() {
        assertThat(NUMBER.value().getBytes()).isEqualTo(hex("414131323334353637384242"));
        assertThat(KeyDerivation.sha1(hex("414131323334353637384242")))
                .isEqualTo(hex("6522B4E171195BB218223A976C040111BDC4AA25"));
        assertThat(KeyDerivation.baseKey(NUMBER)).isEqualTo(KENC);
    }

    @Test
    void terminalCryptogramAndMacMatchTheSpecification() {
        SmCipher aes = SmCipher.SECOND_GENERATION;
        byte[] s = concat(RND_IFD, RND_ICC, K_IFD);
        byte[] eIfd = aes.encrypt(KENC, s);
        assertThat(eIfd).isEqualTo(E_IFD);
        assertThat(aes.mac(KENC, eIfd)).isEqualTo(M_IFD);
        assertThat(SecureSession.mutualAuthenticate(eIfd, M_IFD)).isEqualTo(hex(
                "0082000028 4AD3C7B6BB484A52771977DED618B41DF841FA0476A05FBE041DEAD6109E773B AC854617634F5397 00"));
    }

    @Test
    void cardCryptogramVerifiesAndDecrypts() {
        SmCipher aes = SmCipher.SECOND_GENERATION;
        assertThat(aes.mac(KENC, E_ICC)).isEqualTo(M_ICC);
        assertThat(aes.decrypt(KENC, E_ICC)).isEqualTo(E_ICC_PLAIN);
        assertThat(aes.encrypt(KENC, E_ICC_PLAIN)).isEqualTo(E_ICC);
    }

    @Test
    void sessionKeyFromTheExchangedHalves() {
        byte[] xor = new byte[16];
        for (int i = 0; i < 16; i++) {
            xor[i] = (byte) (K_IFD[i] ^ K_ICC[i]);
        }
        assertThat(xor).isEqualTo(hex("6C87EDD8CF253A216795E76CF84C9EC4"));
        assertThat(KeyDerivation.sha1(concat(xor, hex("00000001"))))
                .isEqualTo(hex("C19CF13D3D7FBEE9EA293D834C88952FAD5337F2"));
        assertThat(KeyDerivation.sessionKey(K_IFD, K_ICC)).isEqualTo(KSENC);
    }

    @Test
    void verifyCommandCarriesTheEncryptedNumber() {
        SmCipher aes = SmCipher.SECOND_GENERATION;
        assertThat(aes.encrypt(KSENC, hex("414131323334353637384242 80000000")))
                .isEqualTo(hex("EE0B31EF877F68D071C56D58C72E6748"));
        assertThat(SecureSession.verifyCommand(aes, KSENC, NUMBER))
                .isEqualTo(hex("0820008613861101EE0B31EF877F68D071C56D58C72E6748"));
    }

    @Test
    void theWholeExchangeWithTheSimulatedCardReproducesEveryVector() throws Exception {
        List<byte[]> sent = new java.util.ArrayList<>();
        List<byte[]> answers = new java.util.ArrayList<>();
        ResidenceCardModel card = ResidenceCardModel.of(ResidenceCardContent.demoSecondGeneration("AA12345678BB"),
                Issuers.shared(), fixed(RND_ICC, K_ICC));
        dev.madoguchi.card.reader.ApduChannel recorded = command -> {
            sent.add(command);
            byte[] answer = card.process(command);
            answers.add(answer);
            return dev.madoguchi.card.apdu.Response.of(answer);
        };
        SecureSession session = SecureSession.open(recorded, NUMBER, SmCipher.SECOND_GENERATION,
                fixed(RND_IFD, K_IFD));
        session.verify(NUMBER);
        assertThat(sent.get(0)).isEqualTo(hex("0084000008"));
        assertThat(answers.get(0)).isEqualTo(concat(RND_ICC, hex("9000")));
        assertThat(sent.get(1)).isEqualTo(SecureSession.mutualAuthenticate(E_IFD, M_IFD));
        assertThat(answers.get(1)).isEqualTo(concat(E_ICC, M_ICC, hex("9000")));
        assertThat(sent.get(2)).isEqualTo(hex("0820008613861101EE0B31EF877F68D071C56D58C72E6748"));
        assertThat(answers.get(2)).isEqualTo(hex("9000"));
        assertThat(session.commands()).isEqualTo(3);
        session.close();
    }

    @Test
    void readExampleShapesMatchTheSpecification() {
        // 付録2: SM READ BINARY of DF1/EF03 and plain READ BINARY of DF3/EF01
        assertThat(new byte[] {0x08, (byte) 0xB0, (byte) 0x84, 0, 0, 0, 4, (byte) 0x96, 2, 0, 0, 0, 0})
                .isEqualTo(hex("08B0840000000496020000 0000"));
        assertThat(CardType.Generation.values()).hasSize(2);
    }

    /** Nonces handed out in order. */
    static SecureSession.Nonces fixed(byte[]... values) {
        Deque<byte[]> queue = new ArrayDeque<>(List.of(values));
        return length -> {
            byte[] next = queue.removeFirst();
            assertThat(next).hasSize(length);
            return next.clone();
        };
    }

    static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /** One synthetic issuer for the whole test run (key generation takes a moment). */
    static final class Issuers {
        private static SyntheticIssuer issuer;

        static synchronized SyntheticIssuer shared() {
            if (issuer == null) {
                issuer = SyntheticIssuer.generate();
            }
            return issuer;
        }
    }
}
