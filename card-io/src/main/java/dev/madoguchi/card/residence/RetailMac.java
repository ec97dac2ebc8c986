package dev.madoguchi.card.residence;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * ISO/IEC 9797-1 MAC algorithm 3 ("retail MAC") with DES and padding method 2, as the first-generation residence card
 * uses it in the mutual authentication: single-DES CBC with K1 over every block, then the last result is decrypted
 * with K2 and encrypted with K1 again. The key is 16 bytes (K1‖K2). Written on the JDK's DES so card-io needs no
 * cryptography library (ADR 0019).
 */
public final class RetailMac {

    private RetailMac() {}

    /** The 8-byte MAC of {@code data} (padded here with {@code 80 00…}). */
    public static byte[] compute(byte[] key, byte[] data) {
        if (key.length != 16) {
            throw new IllegalArgumentException("retail MAC keys are 16 bytes");
        }
        byte[] padded = SmCipher.FIRST_GENERATION.pad(data);
        try {
            Cipher k1 = des(Cipher.ENCRYPT_MODE, Arrays.copyOfRange(key, 0, 8));
            byte[] chain = new byte[8];
            for (int at = 0; at < padded.length; at += 8) {
                for (int i = 0; i < 8; i++) {
                    chain[i] ^= padded[at + i];
                }
                chain = k1.doFinal(chain);
            }
            byte[] middle = des(Cipher.DECRYPT_MODE, Arrays.copyOfRange(key, 8, 16)).doFinal(chain);
            return k1.doFinal(middle);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("DES is part of every Java runtime", e);
        }
    }

    private static Cipher des(int mode, byte[] key) throws GeneralSecurityException {
        Cipher c = Cipher.getInstance("DES/ECB/NoPadding");
        c.init(mode, new SecretKeySpec(key, "DES"));
        return c;
    }
}
