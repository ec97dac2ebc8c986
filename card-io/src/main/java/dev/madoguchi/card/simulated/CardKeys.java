package dev.madoguchi.card.simulated;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;

/**
 * The key material a simulated card uses: the 券面事項入力補助AP key (PIN-less challenge), the stand-in for the
 * issuer's key that signs EF 0003 and EF 0007, and the JPKI user-authentication key with its certificate (DER, may be
 * absent). Generating RSA-2048 keys takes a while, so one set is usually shared by many simulated cards.
 */
public record CardKeys(KeyPair textApKey, KeyPair issuerKey, KeyPair jpkiAuthKey, byte[] jpkiAuthCertificate) {

    public CardKeys {
        Objects.requireNonNull(textApKey, "textApKey");
        Objects.requireNonNull(issuerKey, "issuerKey");
        Objects.requireNonNull(jpkiAuthKey, "jpkiAuthKey");
        jpkiAuthCertificate = jpkiAuthCertificate == null ? null : jpkiAuthCertificate.clone();
    }

    @Override
    public byte[] jpkiAuthCertificate() {
        return jpkiAuthCertificate == null ? null : jpkiAuthCertificate.clone();
    }

    /** Fresh RSA-2048 keys, no JPKI certificate. */
    public static CardKeys generate() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return new CardKeys(g.generateKeyPair(), g.generateKeyPair(), g.generateKeyPair(), null);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has RSA", e);
        }
    }

    /** The same keys with a JPKI user-authentication certificate (DER) for {@link #jpkiAuthKey()}. */
    public CardKeys withJpkiAuthCertificate(byte[] der) {
        return new CardKeys(textApKey, issuerKey, jpkiAuthKey, der);
    }

    @Override
    public String toString() {
        return "CardKeys[certificate=" + (jpkiAuthCertificate != null) + "]";
    }
}
