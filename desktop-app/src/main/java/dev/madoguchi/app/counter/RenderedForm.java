package dev.madoguchi.app.counter;

import dev.madoguchi.forms.pdf.RenderReport;
import java.util.List;

/**
 * A form rendered to PDF with its signed QR code: the preview shows its pages as images, the printer prints exactly
 * these PDF bytes.
 *
 * @param pagePngs each page as a PNG at preview resolution
 */
public record RenderedForm(VisitForm form, byte[] pdf, RenderReport report, List<byte[]> pagePngs) {

    public RenderedForm {
        pagePngs = List.copyOf(pagePngs);
    }

    @Override
    public String toString() {
        return "RenderedForm[" + form.formId() + ", " + pdf.length + " bytes, " + report.pages() + " pages]";
    }
}
