package dev.madoguchi.store.keys;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The store's random 256-bit data key. It never leaves memory unwrapped: on disk it exists only wrapped under a
 * clerk's passphrase ({@link Keyring}). Every other key is derived from it by HMAC-SHA256 with a purpose label, so the
 * H2 file password, the H2 user password and the column keys are independent of each other.
 */
public final class DataKey {

    private static final int BYTES = 32;
    private final byte[] key;

    private DataKey(byte[] key) {
        if (key.length != BYTES) {
            throw new IllegalArgumentException("a data key has " + BYTES + " bytes");
        }
        this.key = key.clone();
    }

    /** A fresh random key. */
    public static DataKey generate(SecureRandom random) {
        byte[] bytes = new byte[BYTES];
        random.nextBytes(bytes);
        return new DataKey(bytes);
    }

    static DataKey of(byte[] bytes) {
        return new DataKey(bytes);
    }

    byte[] bytes() {
        return key.clone();
    }

    /** A 32-byte key for one purpose, e.g. {@code "column:my-number"}. */
    public byte[] derive(String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /**
     * The H2 connection password {@code "<filePassword> <userPassword>"} for {@code CIPHER=AES}: two hex strings
     * derived from this key (no spaces inside either).
     */
    public char[] h2Password() {
        String file = HexFormat.of().formatHex(derive("h2:file"));
        String user = HexFormat.of().formatHex(derive("h2:user"));
        return (file + " " + user).toCharArray();
    }

    /** Constant-time comparison, for tests and the keyring's consistency checks. */
    public boolean sameAs(DataKey other) {
        return java.security.MessageDigest.isEqual(key, other.key);
    }

    /** Overwrites the key bytes; the object is unusable afterwards. */
    public void destroy() {
        Arrays.fill(key, (byte) 0);
    }

    @Override
    public String toString() {
        return "DataKey[hidden]";
    }
}
