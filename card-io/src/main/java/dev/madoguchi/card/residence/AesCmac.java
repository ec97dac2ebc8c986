package dev.madoguchi.card.residence;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-CMAC (NIST SP 800-38B, RFC 4493) with a 128-bit key, on the JDK's AES: the MAC of the second-generation
 * residence card's mutual authentication (which keeps its first 8 bytes). Tested against RFC 4493's examples and the
 * specification's own vectors.
 */
public final class AesCmac {

    private AesCmac() {}

    /** The full 16-byte CMAC of {@code data}. */
    public static byte[] compute(byte[] key, byte[] data) {
        try {
            Cipher aes = Cipher.getInstance("AES/ECB/NoPadding");
            aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"));
            byte[] k1 = doubled(aes.doFinal(new byte[16]));
            byte[] k2 = doubled(k1);
            int blocks = Math.max(1, (data.length + 15) / 16);
            boolean complete = data.length > 0 && data.length % 16 == 0;
            byte[] x = new byte[16];
            for (int b = 0; b < blocks - 1; b++) {
                for (int i = 0; i < 16; i++) {
                    x[i] ^= data[16 * b + i];
                }
                x = aes.doFinal(x);
            }
            byte[] last = new byte[16];
            int at = 16 * (blocks - 1);
            int rest = data.length - at;
            System.arraycopy(data, at, last, 0, rest);
            if (!complete) {
                last[rest] = (byte) 0x80;
            }
            byte[] subkey = complete ? k1 : k2;
            for (int i = 0; i < 16; i++) {
                x[i] ^= (byte) (last[i] ^ subkey[i]);
            }
            return aes.doFinal(x);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES is part of every Java runtime", e);
        }
    }

    /** Multiplication by x in GF(2^128): shift left one bit, XOR 0x87 into the last byte when a bit fell off. */
    private static byte[] doubled(byte[] in) {
        byte[] out = new byte[16];
        for (int i = 0; i < 16; i++) {
            int next = i < 15 ? (in[i + 1] & 0xFF) >>> 7 : 0;
            out[i] = (byte) ((in[i] << 1) | next);
        }
        if ((in[0] & 0x80) != 0) {
            out[15] ^= (byte) 0x87;
        }
        return out;
    }
}
