package dev.madoguchi.card.residence;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * The residence card's two key derivations, the same for both generations (docs/residence-card.md):
 * the base key {@code Kenc = Kmac = SHA-1(card number in ASCII)[0..16]}, and the session key
 * {@code KSenc = SHA-1((K.IFD ⊕ K.ICC) ‖ 00 00 00 01)[0..16]}.
 */
public final class KeyDerivation {

    private static final byte[] COUNTER_ONE = {0, 0, 0, 1};

    private KeyDerivation() {}

    /** Kenc (= Kmac) from the 12 characters printed on the card. */
    public static byte[] baseKey(CardNumber number) {
        return Arrays.copyOf(sha1(number.value().getBytes(StandardCharsets.US_ASCII)), 16);
    }

    /** KSenc from the two 16-byte key halves exchanged in the mutual authentication. */
    public static byte[] sessionKey(byte[] kIfd, byte[] kIcc) {
        if (kIfd.length != 16 || kIcc.length != 16) {
            throw new IllegalArgumentException("K.IFD and K.ICC are 16 bytes");
        }
        byte[] input = new byte[20];
        for (int i = 0; i < 16; i++) {
            input[i] = (byte) (kIfd[i] ^ kIcc[i]);
        }
        System.arraycopy(COUNTER_ONE, 0, input, 16, 4);
        return Arrays.copyOf(sha1(input), 16);
    }

    static byte[] sha1(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-1").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every Java runtime", e);
        }
    }
}
