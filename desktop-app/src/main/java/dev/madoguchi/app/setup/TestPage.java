package dev.madoguchi.app.setup;

import dev.madoguchi.forms.pdf.FontFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * The setup's test page: one A4 page with the printer's name, the time, and a 100 mm rule with 10 mm ticks, so the
 * administrator sees that it prints at 100 % (forms are printed unscaled). Japanese in IPAex Gothic when installed.
 */
public final class TestPage {

    private static final float MM = 72f / 25.4f;

    private TestPage() {}

    /** The page as PDF bytes. */
    public static byte[] pdf(String printer, ZonedDateTime now, FontFiles fonts) {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            boolean japanese = Files.isReadable(fonts.gothic());
            PDFont font = japanese ? PDType0Font.load(document, fonts.gothic().toFile())
                    : new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            float top = PDRectangle.A4.getHeight() - 30 * MM;
            try (PDPageContentStream out = new PDPageContentStream(document, page)) {
                line(out, font, 20, 20 * MM, top, japanese ? "窓口 試し印刷 — Madoguchi test page" : "Madoguchi test page");
                line(out, font, 11, 20 * MM, top - 12 * MM, "Printer: " + printer);
                line(out, font, 11, 20 * MM, top - 19 * MM, now.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
                line(out, font, 11, 20 * MM, top - 34 * MM, japanese
                        ? "下の線が 100 mm なら、帳票は原寸で印刷されます。 The rule below is 100 mm at 100 %."
                        : "The rule below is 100 mm when printed at 100 %.");
                float y = top - 45 * MM;
                out.setLineWidth(0.5f);
                out.moveTo(20 * MM, y);
                out.lineTo(120 * MM, y);
                for (int tick = 0; tick <= 10; tick++) {
                    out.moveTo((20 + tick * 10) * MM, y);
                    out.lineTo((20 + tick * 10) * MM, y + (tick % 5 == 0 ? 5 : 3) * MM);
                }
                out.stroke();
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            document.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("the test page could not be made", e);
        }
    }

    private static void line(PDPageContentStream out, PDFont font, float size, float x, float y, String text)
            throws IOException {
        out.beginText();
        out.setFont(font, size);
        out.newLineAtOffset(x, y);
        out.showText(text);
        out.endText();
    }
}
