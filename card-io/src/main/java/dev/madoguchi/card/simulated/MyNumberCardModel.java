package dev.madoguchi.card.simulated;

import dev.madoguchi.card.mynumber.BasicFourFile;
import dev.madoguchi.card.mynumber.FirstGenerationProfile;
import dev.madoguchi.card.mynumber.IntegrityRecord;
import dev.madoguchi.card.mynumber.MyNumberFile;
import dev.madoguchi.card.reader.CardIoException;
import dev.madoguchi.card.tlv.BerTlv;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;

/** Builds the {@link CardModel} of a first-generation My Number Card (docs/card-protocol.md §1.3–1.6) from its content. */
public final class MyNumberCardModel {

    private static final int BLOCKED_KEY = 0x0012;
    private static final int COLLATION_A = 0x0014;
    private static final int COLLATION_B = 0x0015;
    private static final int TEXT_PIN = 0x0011;

    private MyNumberCardModel() {}

    public static CardModel of(MyNumberCardContent content, CardKeys keys) {
        CardModel card = new CardModel();
        byte[] myNumberFile = MyNumberFile.encode(content.myNumber());
        byte[] basicFourBytes = BasicFourFile.encode(content.basicFour());
        BasicFourFile basicFour;
        try {
            basicFour = BasicFourFile.parse(basicFourBytes);
        } catch (CardIoException e) {
            throw new IllegalArgumentException("the card's text cannot be encoded", e);
        }
        byte[] integrity = IntegrityRecord.encode(myNumberFile, basicFour,
                sign(keys.issuerKey().getPrivate(), IntegrityRecord.signedPart(myNumberFile, basicFour)));
        byte[] apKey = apKeyFile(keys);
        String collationB = dev.madoguchi.card.mynumber.TextCredential.CollationNumberB.of(
                content.basicFour().birthDate(), content.expiry().getYear(), content.securityCode()).digits();
        card.application(FirstGenerationProfile.TEXT_AP)
                .file(0x0001, myNumberFile, TEXT_PIN, COLLATION_A)
                .file(0x0002, withFiller(basicFourBytes, 32), TEXT_PIN, COLLATION_B)
                .file(0x0003, integrity, TEXT_PIN, COLLATION_A, COLLATION_B)
                .file(0x0007, apKey, TEXT_PIN, COLLATION_A, COLLATION_B)
                .pin(TEXT_PIN, ascii(content.textPin()), 3, content.textPinTriesLeft())
                .pin(BLOCKED_KEY, new byte[0], 3, 0)
                .pin(COLLATION_A, ascii(content.myNumber()), 10, 10)
                .pin(COLLATION_B, ascii(collationB), 10, 10)
                .signingKey(0, keys.textApKey().getPrivate());
        CardModel.Application jpki = card.application(FirstGenerationProfile.JPKI_AP)
                .file(0x0006, Arrays.copyOf(padded("JPKIAPICCTOKEN2", 32), 160))
                .file(0x0008, new byte[] {(byte) 0x8F, (byte) (content.signPassword() == null ? 0x00 : 0x8F), 0x00})
                .pin(0x0018, ascii(content.authPin()), 3, content.authPinTriesLeft())
                .pin(0x001B, ascii(content.signPassword() == null ? "" : content.signPassword()), 5,
                        content.signPasswordTriesLeft())
                .signingKey(0x0017, keys.jpkiAuthKey().getPrivate(), 0x0018);
        if (content.authCertificate() != null) {
            jpki.file(0x000A, SyntheticIssuer.jpkiAuthCertificate(keys.jpkiAuthKey().getPublic(),
                    keys.issuerKey().getPrivate(), content.authCertificate().validFrom(),
                    content.authCertificate().validUntil()));
        } else if (keys.jpkiAuthCertificate() != null) {
            jpki.file(0x000A, keys.jpkiAuthCertificate());
        }
        byte[] record = new byte[30];
        record[0] = 0x01;
        record[1] = 28;
        System.arraycopy(ascii(content.serial() + content.municipalityCode() + String.format("%04d%02d%02d",
                content.expiry().getYear(), content.expiry().getMonthValue(), content.expiry().getDayOfMonth())),
                0, record, 2, 28);
        if (content.corruptCommonRecord()) {
            record[22] = 'X'; // a card-expiry digit that is not a digit
        }
        card.application(FirstGenerationProfile.COMMON_AP)
                .recordFile(0x0001, record)
                .pin(0x001C, ascii(content.textPin()), 3, 3);
        card.application(FirstGenerationProfile.RESIDENT_REGISTRY_AP)
                .pin(0x001C, ascii(content.textPin()), 3, content.residentRegistryPinTriesLeft());
        return card;
    }

    /** EF 0007: {@code FF50 {DF51 {90 exponent, 91 modulus}, DF52 issuer signature over DF51}}. */
    private static byte[] apKeyFile(CardKeys keys) {
        RSAPublicKey pub = (RSAPublicKey) keys.textApKey().getPublic();
        byte[] df51 = BerTlv.encode(0xDF51, BerTlv.encode(0x90, unsigned(pub.getPublicExponent())),
                BerTlv.encode(0x91, unsigned(pub.getModulus())));
        return BerTlv.encode(0xFF50, df51, BerTlv.encode(0xDF52, sign(keys.issuerKey().getPrivate(), df51)));
    }

    private static byte[] sign(PrivateKey key, byte[] data) {
        try {
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initSign(key);
            s.update(data);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA signing failed", e);
        }
    }

    private static byte[] unsigned(BigInteger n) {
        byte[] b = n.toByteArray();
        return b[0] == 0 && b.length > 1 ? Arrays.copyOfRange(b, 1, b.length) : b;
    }

    private static byte[] withFiller(byte[] content, int filler) {
        byte[] out = Arrays.copyOf(content, content.length + filler);
        Arrays.fill(out, content.length, out.length, (byte) 0xFF);
        return out;
    }

    private static byte[] padded(String text, int length) {
        byte[] out = new byte[length];
        Arrays.fill(out, (byte) ' ');
        byte[] t = ascii(text);
        System.arraycopy(t, 0, out, 0, t.length);
        return out;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
