package dev.madoguchi.forms.qr;

/**
 * Base32 (RFC 4648 §6, without padding): 32 characters, upper-case letters and the digits 2–7 only. Every one of them
 * is typed by the same key on every keyboard layout a Japanese office uses, and all are in QR alphanumeric mode; a
 * decoder that upper-cases first is immune to Caps Lock. Used for texts that pass through a keyboard-wedge scanner.
 */
final class Base32 {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private Base32() {
    }

    static String encode(byte[] bytes) {
        StringBuilder out = new StringBuilder((bytes.length * 8 + 4) / 5);
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(ALPHABET.charAt((buffer >> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(ALPHABET.charAt((buffer << (5 - bits)) & 31));
        }
        return out.toString();
    }

    /** @throws IllegalArgumentException on a character outside the alphabet or a length no encoding has */
    static byte[] decode(CharSequence text) {
        int length = text.length();
        int remainder = length % 8;
        if (remainder == 1 || remainder == 3 || remainder == 6) {
            throw new IllegalArgumentException("a Base32 text of " + length + " characters is cut");
        }
        byte[] out = new byte[length * 5 / 8];
        int buffer = 0;
        int bits = 0;
        int n = 0;
        for (int i = 0; i < length; i++) {
            int value = ALPHABET.indexOf(text.charAt(i));
            if (value < 0) {
                throw new IllegalArgumentException("not Base32 at " + i);
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8) {
                out[n++] = (byte) (buffer >> (bits - 8));
                bits -= 8;
            }
        }
        if ((buffer & ((1 << bits) - 1)) != 0) {
            throw new IllegalArgumentException("Base32 padding bits are not zero");
        }
        return out;
    }
}
