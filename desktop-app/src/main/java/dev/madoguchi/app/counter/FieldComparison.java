package dev.madoguchi.app.counter;

/**
 * One field of a candidate side by side: what the card or clerk said, what the register says, and how they compare.
 * Texts are the exact strings of each side (never normalised); the My Number is never carried here.
 * {@link #toString()} shows no personal data.
 */
public record FieldComparison(MatchField field, FieldMatch match, String presentedText, String registerText) {

    /** A difference the clerk must look at: 代替文字 or different text. */
    public boolean flagged() {
        return match == FieldMatch.SUBSTITUTE_CHARACTERS || match == FieldMatch.DIFFERENT;
    }

    @Override
    public String toString() {
        return "FieldComparison[" + field + " " + match + "]";
    }
}
