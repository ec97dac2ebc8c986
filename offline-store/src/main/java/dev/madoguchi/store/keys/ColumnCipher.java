package dev.madoguchi.store.keys;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Column-level encryption of 特定個人情報 (the My Number) inside the already encrypted file: AES-256-GCM with a random
 * 12-byte IV per value ({@code iv || ciphertext+tag}), under a key derived from the data key for this column only; and
 * a blind index (HMAC-SHA256 under a second derived key) so a lookup by My Number needs no decryption.
 */
public final class ColumnCipher {

    private static final int IV_BYTES = 12;
    private final SecretKeySpec encryptionKey;
    private final SecretKeySpec indexKey;
    private final String column;
    private final SecureRandom random;

    public ColumnCipher(DataKey key, String column, SecureRandom random) {
        this.encryptionKey = new SecretKeySpec(key.derive("column:" + column), "AES");
        this.indexKey = new SecretKeySpec(key.derive("index:" + column), "HmacSHA256");
        this.column = column;
        this.random = random;
    }

    public byte[] encrypt(String value) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(128, iv));
            cipher.updateAAD(column.getBytes(StandardCharsets.US_ASCII));
            byte[] sealed = cipher.doFinal(value.getBytes(StandardCharsets.UTF_8));
            byte[] out = Arrays.copyOf(iv, IV_BYTES + sealed.length);
            System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    public String decrypt(byte[] sealed) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(128, sealed, 0, IV_BYTES));
            cipher.updateAAD(column.getBytes(StandardCharsets.US_ASCII));
            return new String(cipher.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("an encrypted " + column + " value does not authenticate", e);
        }
    }

    /** Deterministic keyed hash for equality lookups. */
    public byte[] blindIndex(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(indexKey);
            return mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    @Override
    public String toString() {
        return "ColumnCipher[" + column + "]";
    }
}
