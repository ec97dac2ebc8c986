package dev.madoguchi.app.counter;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * The pages of a PDF as PNG images for an on-screen preview before printing (the counter's forms, the volunteer's
 * sheet, the shelter's daily report). 72 dpi: an A4 page is 595 x 842 pixels. Synchronous; the {@code background}
 * lane.
 */
public final class PreviewPages {

    static final float PREVIEW_DPI = 72f;

    private PreviewPages() {
    }

    /** @throws UncheckedIOException when the bytes are not a PDF PDFBox can read (one just written always is) */
    public static List<byte[]> of(byte[] pdf) {
        List<byte[]> pages = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFRenderer renderer = new PDFRenderer(document);
            for (int i = 0; i < document.getNumberOfPages(); i++) {
                BufferedImage image = renderer.renderImageWithDPI(i, PREVIEW_DPI, ImageType.RGB);
                ByteArrayOutputStream png = new ByteArrayOutputStream();
                ImageIO.write(image, "png", png);
                pages.add(png.toByteArray());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render the preview of a PDF just written", e);
        }
        return pages;
    }
}
