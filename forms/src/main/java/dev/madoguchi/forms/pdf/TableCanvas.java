package dev.madoguchi.forms.pdf;

import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * A4 pages (portrait or landscape) for {@link TableReportRenderer}: a cursor running down the page, text in a font
 * chain of {@link PdfFonts}, wrapping to a width, lines and shaded boxes. Like {@link SheetCanvas} it serves both
 * passes: without a document it only measures and collects the characters each font must carry
 * ({@link RenderSession#show}), with one it draws with the embedded subsets.
 */
final class TableCanvas implements AutoCloseable {

    static final float MM = FormRenderer.MM;
    static final float MARGIN = 14 * MM;
    /** room kept at the foot of each page for the footer line and page number */
    static final float FOOT = 14 * MM;

    private final PdfFonts fonts;
    private final RenderSession session;
    private final PDDocument doc;
    private final PDRectangle size;
    private final List<PDPage> pageList = new ArrayList<>();
    private PDPageContentStream cs;
    private float y;
    private int pages;

    TableCanvas(PdfFonts fonts, RenderSession session, PDDocument doc, boolean landscape) {
        this.fonts = fonts;
        this.session = session;
        this.doc = doc;
        this.size = landscape ? new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth())
                : PDRectangle.A4;
    }

    PdfFonts fonts() {
        return fonts;
    }

    int pages() {
        return pages;
    }

    float left() {
        return MARGIN;
    }

    float width() {
        return size.getWidth() - 2 * MARGIN;
    }

    float y() {
        return y;
    }

    void down(float points) {
        y -= points;
    }

    /** Points left above the foot of the page. */
    float room() {
        return y - FOOT;
    }

    /** The height between the top margin and the foot: what a page holds. */
    float pageBody() {
        return size.getHeight() - MARGIN - FOOT;
    }

    void newPage() throws IOException {
        closeStream();
        pages++;
        if (doc != null) {
            PDPage page = new PDPage(size);
            doc.addPage(page);
            pageList.add(page);
            cs = new PDPageContentStream(doc, page);
        }
        y = size.getHeight() - MARGIN;
    }

    /** Text on one line from {@code x}; returns its width. */
    float text(String where, String text, List<PdfFonts.Face> chain, float x, float baseline, float fontSize)
            throws IOException {
        return session.show(cs, where, FaceRun.split(printable(text), chain), x, baseline, fontSize, Color.BLACK);
    }

    float width(String text, List<PdfFonts.Face> chain, float fontSize) {
        return FaceRun.width(FaceRun.split(printable(text), chain), fontSize);
    }

    /**
     * The text broken into lines no wider than {@code maxWidth}: at line breaks in the text, then between any two
     * characters; a space before a word of Latin letters or digits that fits on a line is preferred, so that the word
     * is not split (a longer word, such as an id, is split where the line ends).
     */
    List<String> wrap(String text, List<PdfFonts.Face> chain, float fontSize, float maxWidth) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.split("\r\n|\r|\n", -1)) {
            List<String> clusters = Clusters.of(paragraph);
            StringBuilder line = new StringBuilder();
            float used = 0; // advances add up: the fonts are laid out without kerning
            int lastSpace = -1;
            for (int i = 0; i < clusters.size(); i++) {
                String cluster = clusters.get(i);
                float w = width(cluster, chain, fontSize);
                if (line.length() > 0 && used + w > maxWidth) {
                    if (lastSpace > 0 && !cluster.isBlank()) {
                        String rest = line.substring(lastSpace + 1);
                        lines.add(line.substring(0, lastSpace));
                        line.setLength(0);
                        line.append(rest);
                        used = width(rest, chain, fontSize);
                    } else {
                        lines.add(line.toString().stripTrailing());
                        line.setLength(0);
                        used = 0;
                    }
                    lastSpace = -1;
                    if (cluster.isBlank()) {
                        continue;
                    }
                }
                if (cluster.equals(" ")) {
                    lastSpace = wordFits(clusters, i + 1, chain, fontSize, maxWidth) ? line.length() : -1;
                }
                line.append(cluster);
                used += w;
            }
            lines.add(line.toString());
        }
        return lines;
    }

    /** Whether the word starting at {@code from} (up to the next space) fits on a line of its own. */
    private boolean wordFits(List<String> clusters, int from, List<PdfFonts.Face> chain, float fontSize,
            float maxWidth) {
        StringBuilder word = new StringBuilder();
        for (int i = from; i < clusters.size() && !clusters.get(i).isBlank(); i++) {
            word.append(clusters.get(i));
        }
        return width(word.toString(), chain, fontSize) <= maxWidth;
    }

    /** A rectangle's outline (and a light grey fill when {@code shaded}), top-left at (x, top). */
    void box(float x, float top, float w, float h, boolean shaded) throws IOException {
        if (cs == null) {
            return;
        }
        if (shaded) {
            cs.setNonStrokingColor(new Color(0xE8, 0xE8, 0xE8));
            cs.addRect(x, top - h, w, h);
            cs.fill();
        }
        cs.setStrokingColor(Color.DARK_GRAY);
        cs.setLineWidth(0.5f);
        cs.addRect(x, top - h, w, h);
        cs.stroke();
    }

    /** A thin line across the page under the cursor. */
    void rule() throws IOException {
        if (cs != null) {
            cs.setStrokingColor(Color.GRAY);
            cs.setLineWidth(0.6f);
            cs.moveTo(MARGIN, y);
            cs.lineTo(MARGIN + width(), y);
            cs.stroke();
        }
    }

    /**
     * The foot of every page: {@code footer} at the left and "n / m" at the right, in small Gothic. Called once the
     * pages are laid out, when their number is known; in the measuring pass it only collects the characters.
     */
    void footers(String footer) throws IOException {
        closeStream();
        float fontSize = 8f;
        float baseline = 8 * MM;
        List<PdfFonts.Face> chain = fonts.labelChain();
        for (int i = 1; i <= pages; i++) {
            String number = i + " / " + pages;
            PDPageContentStream page = doc == null ? null : new PDPageContentStream(doc, pageList.get(i - 1),
                    PDPageContentStream.AppendMode.APPEND, true);
            try {
                session.show(page, "footer", FaceRun.split(printable(footer), chain), MARGIN, baseline, fontSize,
                        Color.DARK_GRAY);
                float w = width(number, chain, fontSize);
                session.show(page, "footer", FaceRun.split(number, chain), MARGIN + width() - w, baseline,
                        fontSize, Color.BLACK);
            } finally {
                if (page != null) {
                    page.close();
                }
            }
        }
    }

    /** Control characters other than line breaks print as spaces. */
    private static String printable(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> sb.appendCodePoint(Character.isISOControl(cp) ? ' ' : cp));
        return sb.toString();
    }

    private void closeStream() throws IOException {
        if (cs != null) {
            cs.close();
            cs = null;
        }
    }

    @Override
    public void close() throws IOException {
        closeStream();
    }
}
