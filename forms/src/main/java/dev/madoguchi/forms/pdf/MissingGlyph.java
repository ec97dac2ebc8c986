package dev.madoguchi.forms.pdf;

/**
 * A character no configured font can print. The page shows a red box with a cross and the code point in its place;
 * the clerk must check the printout (or configure an MJ+ font).
 *
 * @param fieldId the field, or {@code null} for the header
 */
public record MissingGlyph(String fieldId, int codePoint) {

    public String codePointLabel() {
        return String.format("U+%04X", codePoint);
    }
}
