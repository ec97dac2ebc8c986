package dev.madoguchi.card.residence;

import java.text.Normalizer;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The 12 characters printed on a residence card or 特別永住者証明書 (two letters, eight digits, two letters, e.g.
 * {@code AB12345678CD}): the only key to the chip. {@link #check(String)} is a pure validator for the text field as the
 * clerk types; {@link #parse(String)} makes the value. Full-width characters and lower case are normalised
 * (NFKC, upper case); spaces and hyphens are dropped. {@code toString()} never shows the number.
 *
 * @param value the normalised 12 characters
 */
public record CardNumber(String value) {

    /** The pattern of a complete card number, after normalisation. */
    public static final Pattern PATTERN = Pattern.compile("^[A-Z]{2}[0-9]{8}[A-Z]{2}$");

    public CardNumber {
        Objects.requireNonNull(value, "value");
        if (!PATTERN.matcher(value).matches()) {
            throw new IllegalArgumentException("not a card number (2 letters, 8 digits, 2 letters)");
        }
    }

    /** What the typed text is so far. */
    public enum State {
        /** Nothing typed yet. */
        EMPTY,
        /** A correct beginning; more characters are needed. */
        INCOMPLETE,
        /** Twelve characters in the right pattern. */
        COMPLETE,
        /** A letter where a digit belongs or the other way round, a character that is neither, or too long. */
        INVALID
    }

    /**
     * The verdict on typed text.
     *
     * @param state what the text is
     * @param normalised the text after normalisation (what {@link #parse} would use)
     * @param firstWrong the index in {@code normalised} of the first character that breaks the pattern, or -1
     * @param expected what belongs at {@code firstWrong} (or next): {@code "letter"}, {@code "digit"} or {@code ""}
     *     when nothing more belongs
     */
    public record Check(State state, String normalised, int firstWrong, String expected) {

        public boolean complete() {
            return state == State.COMPLETE;
        }
    }

    /** Validates text as typed; never throws. */
    public static Check check(String typed) {
        String n = normalise(typed == null ? "" : typed);
        if (n.isEmpty()) {
            return new Check(State.EMPTY, n, -1, "letter");
        }
        for (int i = 0; i < n.length(); i++) {
            if (i >= 12) {
                return new Check(State.INVALID, n, i, "");
            }
            char c = n.charAt(i);
            boolean letterPlace = i < 2 || i >= 10;
            boolean ok = letterPlace ? c >= 'A' && c <= 'Z' : c >= '0' && c <= '9';
            if (!ok) {
                return new Check(State.INVALID, n, i, letterPlace ? "letter" : "digit");
            }
        }
        if (n.length() < 12) {
            int i = n.length();
            return new Check(State.INCOMPLETE, n, -1, i < 2 || i >= 10 ? "letter" : "digit");
        }
        return new Check(State.COMPLETE, n, -1, "");
    }

    /** The card number in typed text, normalised; {@link IllegalArgumentException} when it is not complete. */
    public static CardNumber parse(String typed) {
        Check c = check(typed);
        if (!c.complete()) {
            throw new IllegalArgumentException("card number is " + c.state());
        }
        return new CardNumber(c.normalised());
    }

    private static String normalise(String typed) {
        String n = Normalizer.normalize(typed, Normalizer.Form.NFKC).toUpperCase(java.util.Locale.ROOT);
        return n.replaceAll("[\\s\\-\u2010-\u2015\u2212\u30FC]", "");
    }

    /** The last two letters only, for messages such as "the number ending in …CD" (never the whole number). */
    public String masked() {
        return "**********" + value.substring(10);
    }

    @Override
    public String toString() {
        return "CardNumber[…]";
    }
}
