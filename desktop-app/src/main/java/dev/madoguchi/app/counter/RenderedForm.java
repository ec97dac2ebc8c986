package dev.madoguchi.app.counter;

import dev.madoguchi.forms.pdf.RenderReport;

/** A form rendered to PDF with its signed QR code: the preview shows it, the printer prints exactly these bytes. */
public record RenderedForm(VisitForm form, byte[] pdf, RenderReport report) {

    @Override
    public String toString() {
        return "RenderedForm[" + form.formId() + ", " + pdf.length + " bytes, " + report.pages() + " pages]";
    }
}
