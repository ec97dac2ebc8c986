package dev.madoguchi.app.counter;

/** How one field of a register candidate compares with what the card or the clerk said. */
public enum FieldMatch {
    /** The same text, character for character. */
    SAME,
    /** The same once full-width digits and spaces (U+3000) are folded; the texts are kept as they are. */
    SAME_WHEN_NORMALISED,
    /** Differs only in one or two kanji: probably a 代替文字 on the card. Flagged for the clerk, never equal. */
    SUBSTITUTE_CHARACTERS,
    /** Different. */
    DIFFERENT,
    /** One side has no value (no My Number read, no kana typed). */
    NOT_COMPARED;

    /** Whether this counts as agreement for listing a candidate (a 代替文字 difference does, flagged). */
    public boolean agrees() {
        return this == SAME || this == SAME_WHEN_NORMALISED || this == SUBSTITUTE_CHARACTERS;
    }
}
