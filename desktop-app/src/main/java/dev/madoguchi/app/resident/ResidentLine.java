package dev.madoguchi.app.resident;

/**
 * One line of the resident screen's list: a heading, a plain line, or a form field with its value.
 *
 * @param ruby the reading shown small above a heading (furigana), or empty
 */
public record ResidentLine(Kind kind, String text, String ruby) {

    public enum Kind {
        HEADING,
        ITEM,
        FIELD
    }

    @Override
    public String toString() {
        return "ResidentLine[" + kind + "]";
    }
}
