package dev.madoguchi.demo;

import java.nio.charset.StandardCharsets;

/** Zero padding and full-width digits without {@code String.format}, whose digits depend on the default locale. */
final class Digits {

    private static final String[] FOUR_DIGITS = new String[10_000];

    static {
        for (int i = 0; i < FOUR_DIGITS.length; i++) {
            FOUR_DIGITS[i] = pad(i, 4);
        }
    }

    private Digits() {
    }

    /** ASCII digits of a non-negative value, left-padded with zeros to at least {@code width}. */
    static String pad(long value, int width) {
        return prefixed("", value, width);
    }

    /** {@code prefix} followed by {@link #pad(long, int)}, e.g. {@code R000123}; the prefix must be ASCII. */
    static String prefixed(String prefix, long value, int width) {
        if (value < 0) {
            throw new IllegalArgumentException("negative value");
        }
        int length = prefix.length() + Math.max(width, digitCount(value));
        byte[] text = new byte[length];
        for (int i = 0; i < prefix.length(); i++) {
            text[i] = (byte) prefix.charAt(i);
        }
        long rest = value;
        for (int i = length - 1; i >= prefix.length(); i--) {
            text[i] = (byte) ('0' + rest % 10);
            rest /= 10;
        }
        return new String(text, StandardCharsets.US_ASCII);
    }

    private static int digitCount(long value) {
        int count = 1;
        for (long rest = value / 10; rest > 0; rest /= 10) {
            count++;
        }
        return count;
    }

    /**
     * A 住民票コード: ten ASCII digits (the value, zero-padded) followed by the check digit: modulus 11 over the ten digits, counted from the lowest
     * (n = 1 is the tenth digit) with weight n + 1 for n = 1…6 and n − 5 for n = 7…10; the digit is 11 minus the
     * remainder, or 0 when the remainder is 0 or 1.
     */
    static String residentCode(long firstTenDigits) {
        return withResidentCodeCheckDigit(pad(firstTenDigits, 10));
    }

    /** {@code tenDigits} followed by its check digit (see {@link #residentCode}). */
    static String withResidentCodeCheckDigit(String tenDigits) {
        if (!isAsciiDigits(tenDigits, 10)) {
            throw new IllegalArgumentException("a resident code's first part is ten ASCII digits");
        }
        int sum = 0;
        for (int n = 1; n <= 10; n++) {
            sum += (tenDigits.charAt(10 - n) - '0') * (n <= 6 ? n + 1 : n - 5);
        }
        int remainder = sum % 11;
        return tenDigits + (char) ('0' + (remainder <= 1 ? 0 : 11 - remainder));
    }

    /** One shared string per four-digit value 0000–9999 (PINs and security codes of a million cards share them). */
    static String fourDigits(int value) {
        return FOUR_DIGITS[value];
    }

    /** The value in full-width digits (U+FF10–U+FF19), as addresses in the register write them. */
    static String fullWidth(int value) {
        String ascii = Integer.toString(value);
        char[] out = new char[ascii.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (char) ('０' + (ascii.charAt(i) - '0'));
        }
        return new String(out);
    }

    static boolean isAsciiDigits(String text, int length) {
        if (text == null || text.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
