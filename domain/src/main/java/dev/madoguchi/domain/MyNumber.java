package dev.madoguchi.domain;

import java.util.Objects;

/**
 * A 個人番号 (My Number): twelve digits whose last is a check digit (番号法施行令 第8条).
 *
 * <p>My Number is 特定個人情報. {@link #toString()} never reveals it; use {@link #masked()} for screens and
 * {@link #digits()} only where a procedure legally needs the value.
 */
public final class MyNumber {

    private final String digits;

    private MyNumber(String digits) {
        this.digits = digits;
    }

    /**
     * Parses twelve ASCII or full-width digits.
     *
     * @throws IllegalArgumentException if the text is not twelve digits or the check digit is wrong; the message
     *     never contains the value
     */
    public static MyNumber parse(String text) {
        Objects.requireNonNull(text, "text");
        String ascii = toAsciiDigits(text);
        if (!allDigits(ascii, 12)) {
            throw new IllegalArgumentException("a My Number has exactly 12 digits");
        }
        if (checkDigit(ascii.substring(0, 11)) != ascii.charAt(11) - '0') {
            throw new IllegalArgumentException("the My Number check digit does not match");
        }
        return new MyNumber(ascii);
    }

    /** True when the text is twelve digits with a correct check digit. */
    public static boolean isValid(String text) {
        if (text == null) {
            return false;
        }
        String ascii = toAsciiDigits(text);
        return allDigits(ascii, 12) && checkDigit(ascii.substring(0, 11)) == ascii.charAt(11) - '0';
    }

    /**
     * The check digit for the first eleven digits: digits P1..P11 counted from the right, weights Q = n+1 for
     * n = 1..6 and n-5 for n = 7..11; r = sum mod 11; 0 when r is 0 or 1, else 11 - r.
     */
    public static int checkDigit(String elevenDigits) {
        if (elevenDigits == null || !allDigits(elevenDigits, 11)) {
            throw new IllegalArgumentException("the check digit needs exactly 11 digits");
        }
        int sum = 0;
        for (int n = 1; n <= 11; n++) {
            int p = elevenDigits.charAt(11 - n) - '0';
            int q = n <= 6 ? n + 1 : n - 5;
            sum += p * q;
        }
        int r = sum % 11;
        return r <= 1 ? 0 : 11 - r;
    }

    /** Builds a valid number from eleven digits by appending the check digit. */
    public static MyNumber fromFirstElevenDigits(String elevenDigits) {
        return new MyNumber(elevenDigits + checkDigit(elevenDigits));
    }

    /** The twelve ASCII digits. Only for procedures that legally need the number; never log the result. */
    public String digits() {
        return digits;
    }

    /** The form shown on screens by default: all but the last four digits hidden, e.g. {@code ******** 7188}. */
    public String masked() {
        return "********" + digits.substring(8);
    }

    private static boolean allDigits(String text, int length) {
        if (text.length() != length) {
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

    private static String toAsciiDigits(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '０' && c <= '９') {
                out.append((char) ('0' + (c - '０')));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MyNumber that && digits.equals(that.digits);
    }

    @Override
    public int hashCode() {
        return digits.hashCode();
    }

    /** Never the number itself, so that it cannot reach a log by accident. */
    @Override
    public String toString() {
        return "MyNumber[masked]";
    }
}
