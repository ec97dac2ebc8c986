package dev.madoguchi.forms.qr;

import java.security.PublicKey;
import java.time.Instant;
import java.util.Objects;

/**
 * A terminal's public key the verifier accepts.
 *
 * @param keyId the first 8 bytes of the SHA-256 of the key's X.509 SubjectPublicKeyInfo (as the EU DCC's kid)
 * @param notAfter payloads signed after this instant are rejected as {@link QrError#EXPIRED_KEY}; {@code null}: no end
 */
public record TrustedKey(String label, byte[] keyId, PublicKey publicKey, Instant notAfter) {

    public TrustedKey {
        Objects.requireNonNull(publicKey, "publicKey");
        keyId = keyId.clone();
    }

    public static TrustedKey of(String label, PublicKey publicKey, Instant notAfter) {
        return new TrustedKey(label, TerminalKey.keyId(publicKey), publicKey, notAfter);
    }

    @Override
    public byte[] keyId() {
        return keyId.clone();
    }
}
