package dev.madoguchi.forms.pdf;

import java.util.List;

/**
 * What rendering produced besides the PDF: the number of pages and everything the clerk must look at.
 *
 * @param shrunkFields fields whose text was printed smaller or wrapped to fit (informational)
 */
public record RenderReport(int pages, List<MissingGlyph> missingGlyphs, List<Overflow> overflows,
        List<String> shrunkFields) {

    public RenderReport {
        missingGlyphs = List.copyOf(missingGlyphs);
        overflows = List.copyOf(overflows);
        shrunkFields = List.copyOf(shrunkFields);
    }

    /** Whether every character printed and every value fit. */
    public boolean isClean() {
        return missingGlyphs.isEmpty() && overflows.isEmpty();
    }
}
