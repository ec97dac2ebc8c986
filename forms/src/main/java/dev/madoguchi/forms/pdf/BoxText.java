package dev.madoguchi.forms.pdf;

import static dev.madoguchi.forms.pdf.FormRenderer.MM;

import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Text set into the boxes of a form ({@link FormRenderer} places the boxes): a value on one line, shrunk, or wrapped,
 * never clipped; a label or furigana fitted on one line, condensed down to half width; a red marker where a character
 * has no glyph or text does not fit. What was shrunk, left out or missing goes to the page's session for the report.
 * On a measuring page nothing is drawn and the characters of each face are collected.
 */
final class BoxText {

    private static final float MIN_SINGLE_LINE_SIZE = 7f;
    private static final float MIN_WRAP_SIZE = 5f;
    private static final float MIN_HORIZONTAL_SCALE = 0.5f;
    private static final Color MARKER = new Color(0xC0, 0x00, 0x00);

    private BoxText() {
    }

    /** Prints a value between {@code areaTop} and {@code areaBottom}: one line, shrunk, or wrapped, never clipped. */
    static void value(FormPage page, String fieldId, String raw, List<PdfFonts.Face> chain, float x, float areaTop,
            float areaBottom, float maxWidth, float size) throws IOException {
        String text = printable(raw);
        float areaHeight = Math.max(areaTop - areaBottom, 1f);
        List<FaceRun> runs = FaceRun.split(text, chain);
        float full = FaceRun.width(runs, size);
        float lineSize = Math.min(size, areaHeight / 1.1f);
        if (full <= maxWidth && lineSize >= MIN_SINGLE_LINE_SIZE) {
            drawRuns(page, fieldId, runs, x, areaBottom + (areaHeight - lineSize) / 2 + lineSize * 0.15f, lineSize);
            return;
        }
        float shrunk = Math.min(lineSize, size * maxWidth / full);
        if (shrunk >= MIN_SINGLE_LINE_SIZE) {
            page.session().shrunk.add(fieldId);
            drawRuns(page, fieldId, runs, x, areaBottom + (areaHeight - shrunk) / 2 + shrunk * 0.15f, shrunk);
            return;
        }
        page.session().shrunk.add(fieldId);
        int[] codePoints = text.codePoints().toArray();
        for (float s = Math.min(size, 9f); s >= MIN_WRAP_SIZE; s -= 0.5f) {
            List<String> lines = wrap(codePoints, chain, s, maxWidth);
            float lineHeight = s * 1.15f;
            if (lines.size() * lineHeight <= areaHeight || s - 0.5f < MIN_WRAP_SIZE) {
                int fitting = Math.max(1, Math.min(lines.size(), (int) Math.floor(areaHeight / lineHeight)));
                float baseline = areaTop - s;
                int printed = 0;
                for (int i = 0; i < fitting; i++) {
                    drawRuns(page, fieldId, FaceRun.split(lines.get(i), chain), x, baseline, s);
                    printed += lines.get(i).codePointCount(0, lines.get(i).length());
                    baseline -= lineHeight;
                }
                if (fitting < lines.size()) {
                    page.session().overflows.add(new Overflow(fieldId, printed, codePoints.length));
                    overflowMarker(page, x + maxWidth, areaBottom);
                }
                return;
            }
        }
    }

    private static List<String> wrap(int[] codePoints, List<PdfFonts.Face> chain, float size, float maxWidth)
            throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        float lineWidth = 0;
        for (String ch : Clusters.of(new String(codePoints, 0, codePoints.length))) {
            float w = FaceRun.width(FaceRun.split(ch, chain), size);
            if (lineWidth + w > maxWidth && line.length() > 0) {
                lines.add(line.toString());
                line.setLength(0);
                lineWidth = 0;
            }
            line.append(ch);
            lineWidth += w;
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }

    /**
     * One line (labels, furigana), shrunk down to {@code minSize}, then condensed horizontally down to half width to
     * fit {@code maxWidth}; it never runs into the next box. What still does not fit is left out, marked and reported.
     */
    static void fitLine(FormPage page, String fieldId, String raw, List<PdfFonts.Face> chain, float x, float baseline,
            float maxWidth, float size, float minSize) throws IOException {
        String text = printable(raw);
        List<FaceRun> runs = FaceRun.split(text, chain);
        float w = FaceRun.width(runs, size);
        float s = w <= maxWidth ? size : Math.max(minSize, size * maxWidth / w);
        float atSize = FaceRun.width(runs, s);
        if (atSize <= maxWidth) {
            drawRuns(page, fieldId, runs, x, baseline, s, 100f);
            return;
        }
        float scale = maxWidth / atSize;
        if (scale >= MIN_HORIZONTAL_SCALE) {
            drawRuns(page, fieldId, runs, x, baseline, s, scale * 100f);
            if (fieldId != null) {
                page.session().shrunk.add(fieldId);
            }
            return;
        }
        StringBuilder fits = new StringBuilder();
        float used = 0;
        int total = text.codePointCount(0, text.length());
        int printed = 0;
        for (String ch : Clusters.of(text)) {
            float cw = FaceRun.width(FaceRun.split(ch, chain), s) * MIN_HORIZONTAL_SCALE;
            if (used + cw > maxWidth - 2.5f * MM) {
                break;
            }
            fits.append(ch);
            used += cw;
            printed += ch.codePointCount(0, ch.length());
        }
        drawRuns(page, fieldId, FaceRun.split(fits.toString(), chain), x, baseline, s, MIN_HORIZONTAL_SCALE * 100f);
        page.session().overflows.add(new Overflow(fieldId, printed, total));
        overflowMarker(page, x + maxWidth, baseline - 1);
    }

    static void drawLine(FormPage page, String fieldId, String text, List<PdfFonts.Face> chain, float x, float baseline,
            float size) throws IOException {
        drawRuns(page, fieldId, FaceRun.split(printable(text), chain), x, baseline, size);
    }

    /** Control characters (line breaks, tabs) print as spaces; everything else as it is. */
    private static String printable(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> sb.appendCodePoint(Character.isISOControl(cp) ? ' ' : cp));
        return sb.toString();
    }

    private static void drawRuns(FormPage page, String fieldId, List<FaceRun> runs, float x, float baseline,
            float size) throws IOException {
        drawRuns(page, fieldId, runs, x, baseline, size, 100f);
    }

    /** @param horizontalScale percent, 100 = normal width */
    private static void drawRuns(FormPage page, String fieldId, List<FaceRun> runs, float x, float baseline, float size,
            float horizontalScale) throws IOException {
        if (page.measuring()) {
            for (FaceRun run : runs) {
                if (run.face() != null) {
                    page.session().collect(run.face(), run.text());
                }
            }
            return;
        }
        PDPageContentStream cs = page.cs();
        float cursor = x;
        for (FaceRun run : runs) {
            if (run.face() == null) {
                int cp = run.text().codePointAt(0);
                page.session().missing.add(new MissingGlyph(fieldId, cp));
                missingMarker(cs, cursor, baseline, size);
                cursor += size * horizontalScale / 100f;
                continue;
            }
            PDType0Font font = page.session().font(run.face(), run.text());
            cs.beginText();
            try {
                cs.setFont(font, size);
                cs.setHorizontalScaling(horizontalScale);
                cs.setNonStrokingColor(Color.BLACK);
                cs.newLineAtOffset(cursor, baseline);
                cs.showText(page.session().encoded(run.face(), run.text()));
            } finally {
                cs.endText();
            }
            cursor += run.face().width1000(run.text()) / 1000f * size * horizontalScale / 100f;
        }
    }

    /** A red square with a cross, one em wide: "a character is missing here". */
    private static void missingMarker(PDPageContentStream cs, float x, float baseline, float size) throws IOException {
        float s = size * 0.8f;
        float x0 = x + size * 0.1f;
        float y0 = baseline - size * 0.05f;
        cs.setStrokingColor(MARKER);
        cs.setLineWidth(Math.max(0.4f, size / 14f));
        cs.addRect(x0, y0, s, s);
        cs.moveTo(x0, y0);
        cs.lineTo(x0 + s, y0 + s);
        cs.moveTo(x0, y0 + s);
        cs.lineTo(x0 + s, y0);
        cs.stroke();
        cs.setStrokingColor(Color.DARK_GRAY);
    }

    /** A red triangle pointing right at a box's bottom-right corner: "more text than fits". */
    private static void overflowMarker(FormPage page, float right, float bottom) throws IOException {
        if (page.measuring()) {
            return;
        }
        PDPageContentStream cs = page.cs();
        float s = 2.2f * MM;
        cs.setNonStrokingColor(MARKER);
        cs.moveTo(right - s, bottom);
        cs.lineTo(right, bottom + s / 2);
        cs.lineTo(right - s, bottom + s);
        cs.closePath();
        cs.fill();
        cs.setNonStrokingColor(Color.BLACK);
    }
}
