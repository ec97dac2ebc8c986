package dev.madoguchi.card.residence;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The block cipher and MAC of one residence-card generation (docs/residence-card.md): CBC with a zero IV and no
 * padding of its own (callers pad with {@code 80 00…}), and the MAC of the mutual authentication, 8 bytes.
 *
 * <ul>
 *   <li>{@link #FIRST_GENERATION}: two-key triple DES (16-byte key K1‖K2), 8-byte blocks, ISO/IEC 9797-1 MAC
 *       algorithm 3 (retail MAC) with padding method 2.</li>
 *   <li>{@link #SECOND_GENERATION}: AES-128, 16-byte blocks, AES-CMAC truncated to 8 bytes.</li>
 * </ul>
 * Keys are always 16 bytes. Every method is pure; a wrong input length is a programming error
 * ({@link IllegalArgumentException}), never a card failure.
 */
public enum SmCipher {

    FIRST_GENERATION(8) {
        @Override
        public byte[] encrypt(byte[] key, byte[] data) {
            return cbc(Cipher.ENCRYPT_MODE, "DESede", tripleDesKey(key), data, 8);
        }

        @Override
        public byte[] decrypt(byte[] key, byte[] data) {
            return cbc(Cipher.DECRYPT_MODE, "DESede", tripleDesKey(key), data, 8);
        }

        @Override
        public byte[] mac(byte[] key, byte[] data) {
            return RetailMac.compute(key, data);
        }
    },

    SECOND_GENERATION(16) {
        @Override
        public byte[] encrypt(byte[] key, byte[] data) {
            return cbc(Cipher.ENCRYPT_MODE, "AES", checked(key), data, 16);
        }

        @Override
        public byte[] decrypt(byte[] key, byte[] data) {
            return cbc(Cipher.DECRYPT_MODE, "AES", checked(key), data, 16);
        }

        @Override
        public byte[] mac(byte[] key, byte[] data) {
            return Arrays.copyOf(AesCmac.compute(key, data), 8);
        }
    };

    private final int blockSize;

    SmCipher(int blockSize) {
        this.blockSize = blockSize;
    }

    /** The cipher's block size in bytes (8 or 16). */
    public int blockSize() {
        return blockSize;
    }

    /** CBC encryption with a zero IV; {@code data} must be whole blocks. */
    public abstract byte[] encrypt(byte[] key, byte[] data);

    /** CBC decryption with a zero IV; {@code data} must be whole blocks. */
    public abstract byte[] decrypt(byte[] key, byte[] data);

    /** The 8-byte MAC of the mutual authentication. */
    public abstract byte[] mac(byte[] key, byte[] data);

    /** {@code data ‖ 80 00…} up to the next whole block (ISO/IEC 7816-4 padding; always adds at least one byte). */
    public byte[] pad(byte[] data) {
        int length = (data.length / blockSize + 1) * blockSize;
        byte[] out = Arrays.copyOf(data, length);
        out[data.length] = (byte) 0x80;
        return out;
    }

    /** Removes {@code 80 00…} padding; empty when the bytes are not padded that way (a garbled or wrong answer). */
    public static java.util.Optional<byte[]> unpad(byte[] data) {
        int i = data.length - 1;
        while (i >= 0 && data[i] == 0x00) {
            i--;
        }
        if (i < 0 || data[i] != (byte) 0x80 || data.length - i > 16) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(Arrays.copyOf(data, i));
    }

    private static byte[] cbc(int mode, String algorithm, byte[] key, byte[] data, int block) {
        if (data.length % block != 0) {
            throw new IllegalArgumentException(data.length + " bytes are not whole " + block + "-byte blocks");
        }
        try {
            Cipher cipher = Cipher.getInstance(algorithm + "/CBC/NoPadding");
            cipher.init(mode, new SecretKeySpec(key, algorithm), new IvParameterSpec(new byte[block]));
            return cipher.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + "/CBC is part of every Java runtime", e);
        }
    }

    /** K1‖K2 → K1‖K2‖K1, the form the JDK's DESede takes for two-key triple DES. */
    static byte[] tripleDesKey(byte[] key) {
        checked(key);
        byte[] out = Arrays.copyOf(key, 24);
        System.arraycopy(key, 0, out, 16, 8);
        return out;
    }

    private static byte[] checked(byte[] key) {
        if (key.length != 16) {
            throw new IllegalArgumentException("keys are 16 bytes, not " + key.length);
        }
        return key;
    }
}
