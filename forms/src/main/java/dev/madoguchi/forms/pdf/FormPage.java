package dev.madoguchi.forms.pdf;

import org.apache.pdfbox.pdmodel.PDPageContentStream;

/**
 * A page of a form being laid out: drawn into {@code cs}, or only measured when {@code cs} is {@code null} (the first
 * pass); on sheet {@code sheet} of {@code sheets} (a form whose group rows continue on further sheets).
 */
record FormPage(PDPageContentStream cs, RenderSession session, int sheet, int sheets) {
    boolean measuring() {
        return cs == null;
    }
}
