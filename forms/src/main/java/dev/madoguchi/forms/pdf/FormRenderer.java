package dev.madoguchi.forms.pdf;

import com.google.zxing.common.BitMatrix;
import dev.madoguchi.forms.definition.Box;
import dev.madoguchi.forms.definition.FieldDefinition;
import dev.madoguchi.forms.definition.FormDefinition;
import dev.madoguchi.forms.definition.GroupDefinition;
import dev.madoguchi.forms.definition.QrPlacement;
import dev.madoguchi.forms.prefill.FilledForm;
import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Prints a filled form as an A4 PDF: every box of the definition with its label, value and furigana; a header with the
 * title and the definition's id, version and hash; page numbers; the signed QR code(s).
 *
 * <p>Fonts are embedded as subsets and chosen per character. The layout runs twice: the first pass only measures and
 * collects the characters of each font, then each font's subset is written from its file ({@link TrueTypeFile}) and
 * the second pass draws with it. A character that the first font of the chain lacks is printed with the next one;
 * when no font has it, a visible marker takes its place and the report lists it — never an
 * exception, never a silent blank. Text too long for its box is shrunk, then wrapped; what still does not fit gets a
 * visible overflow marker and a report entry. Synchronous; one render at a time per instance.
 */
public final class FormRenderer {

    static final float MM = 72f / 25.4f;
    private static final float DEFAULT_SIZE = 11f;
    private static final float MIN_SINGLE_LINE_SIZE = 7f;
    private static final float MIN_WRAP_SIZE = 5f;
    private static final float LABEL_SIZE = 6.5f;
    private static final float FURIGANA_SIZE = 7f;
    private static final float MIN_HORIZONTAL_SCALE = 0.5f;
    private static final float PADDING = 1.2f * MM;
    private static final Color MARKER = new Color(0xC0, 0x00, 0x00);

    private final PdfFonts fonts;

    public FormRenderer(PdfFonts fonts) {
        this.fonts = fonts;
    }

    /**
     * @param qrSymbols the QR symbols (module matrices with their quiet zone, see {@code forms.qr.QrSymbols}), printed
     *     side by side at the definition's QR place; empty for no QR
     * @return what the clerk must look at: missing glyphs and overflowing values
     */
    public RenderReport render(FilledForm form, List<BitMatrix> qrSymbols, OutputStream out) {
        try (PDDocument doc = new PDDocument()) {
            FormDefinition definition = form.definition();
            int sheets = form.sheets();
            int pageCount = sheets * definition.pages();
            // first pass: the same layout without drawing, to learn which characters each font must carry
            RenderSession measured = new RenderSession(null, null);
            for (int sheet = 1; sheet <= sheets; sheet++) {
                for (int p = 1; p <= definition.pages(); p++) {
                    layout(new Page(null, measured, sheet, sheets), form, p, qrSymbols);
                }
            }
            RenderSession session = new RenderSession(doc, measured);
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(definition.title().ja());
            info.setSubject(definition.stamp());
            info.setCreator("Madoguchi");
            List<PDPage> pages = new ArrayList<>();
            for (int i = 0; i < pageCount; i++) {
                PDPage pdPage = new PDPage(PDRectangle.A4);
                doc.addPage(pdPage);
                pages.add(pdPage);
            }
            for (int sheet = 1; sheet <= sheets; sheet++) {
                for (int p = 1; p <= definition.pages(); p++) {
                    PDPage pdPage = pages.get((sheet - 1) * definition.pages() + p - 1);
                    try (PDPageContentStream cs = new PDPageContentStream(doc, pdPage)) {
                        layout(new Page(cs, session, sheet, sheets), form, p, qrSymbols);
                    }
                }
            }
            doc.save(out);
            return new RenderReport(pageCount, session.missing, session.overflows, session.shrunk);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the PDF: " + e.getMessage(), e);
        }
    }

    private void layout(Page page, FilledForm form, int p, List<BitMatrix> qrSymbols) throws IOException {
        header(page, form, p);
        for (FieldDefinition field : form.definition().fieldsOf(form.variant())) {
            if (field.box() != null && field.box().page() == p) {
                field(page, form, field, field.box(), field.id(), form.definition().furiganaOf(field.id())
                        .filter(f -> f.appliesTo(form.variant())).map(FieldDefinition::id).orElse(null));
            }
        }
        for (GroupDefinition group : form.definition().groups()) {
            if (group.rows().page() == p) {
                rows(page, form, group);
            }
        }
        QrPlacement qr = form.definition().qr();
        if (qr != null && qr.page() == p && page.sheet() == 1 && !qrSymbols.isEmpty() && !page.measuring()) {
            QrBlock.draw(page.cs(), qr, qrSymbols);
        }
    }

    /** The rows of a group that fall on this page's sheet, each framed and numbered, empty rows as blank frames. */
    private void rows(Page page, FilledForm form, GroupDefinition group) throws IOException {
        int first = (page.sheet() - 1) * group.rowsPerSheet();
        for (int i = 0; i < group.rowsPerSheet(); i++) {
            int row = first + i + 1;
            Box frame = group.rowBox(i);
            if (!page.measuring()) {
                PDPageContentStream cs = page.cs();
                cs.setLineWidth(1.2f);
                cs.setStrokingColor(Color.DARK_GRAY);
                cs.addRect((float) frame.x() * MM, PDRectangle.A4.getHeight() - (float) (frame.y() + frame.h()) * MM,
                        (float) frame.w() * MM, (float) frame.h() * MM);
                cs.stroke();
            }
            float numberX = (float) (frame.x() - 4.5) * MM;
            drawLine(page, null, String.valueOf(row), fonts.labelChain(), numberX,
                    PDRectangle.A4.getHeight() - (float) (frame.y() + 5) * MM, 8f);
            String prefix = group.id() + "." + row + ".";
            for (FieldDefinition field : group.fieldsOf(form.variant())) {
                if (field.box() != null) {
                    String kana = group.furiganaOf(field.id()).filter(f -> f.appliesTo(form.variant()))
                            .map(f -> prefix + f.id()).orElse(null);
                    field(page, form, field, group.placed(field, i), prefix + field.id(), kana);
                }
            }
        }
    }

    /**
     * A page being laid out: drawn into {@code cs}, or only measured when {@code cs} is {@code null}; on sheet
     * {@code sheet} of {@code sheets} (a form whose group rows continue on further sheets).
     */
    private record Page(PDPageContentStream cs, RenderSession session, int sheet, int sheets) {
        boolean measuring() {
            return cs == null;
        }
    }

    /** A run of text printed with one face ({@code face == null}: a character no font has). */
    record Run(PdfFonts.Face face, String text) {
    }

    private void header(Page page, FilledForm form, int pageNumber) throws IOException {
        FormDefinition definition = form.definition();
        String title = definition.title().ja()
                + Optional.ofNullable(form.variant()).flatMap(definition::variant)
                        .map(v -> "（" + v.title().ja() + "）").orElse("");
        float top = PDRectangle.A4.getHeight();
        drawLine(page, null, title, fonts.labelChain(), 15 * MM, top - 18 * MM, 16f);
        // the definition's version and fingerprint: small print at the foot, words a clerk can read (not the file id)
        drawLine(page, null, definition.printedMark(), fonts.labelChain(), 15 * MM, 8 * MM, 6.5f);
        if (page.sheets() > 1 || !definition.groups().isEmpty()) {
            String mark = page.sheet() + "/" + page.sheets() + " 枚目";
            float markWidth = width(page, runs(mark, fonts.labelChain()), 11f);
            drawLine(page, null, mark, fonts.labelChain(), PDRectangle.A4.getWidth() - 15 * MM - markWidth,
                    top - 18 * MM, 11f);
        }
        int totalPages = definition.pages() * page.sheets();
        String footer = ((page.sheet() - 1) * definition.pages() + pageNumber) + " / " + totalPages;
        float footerWidth = width(page, runs(footer, fonts.labelChain()), 8f);
        drawLine(page, null, footer, fonts.labelChain(), (PDRectangle.A4.getWidth() - footerWidth) / 2, 8 * MM, 8f);
        drawLine(page, null, "※ 法定の記載事項", fonts.labelChain(), 15 * MM, top - 24 * MM, 6.5f);
    }

    /**
     * @param key the value's key (a field id or a row key)
     * @param kanaKey the key of the furigana printed small at the top of the box, or {@code null}
     */
    private void field(Page page, FilledForm form, FieldDefinition field, Box box, String key, String kanaKey)
            throws IOException {
        float left = (float) box.x() * MM;
        float top = PDRectangle.A4.getHeight() - (float) box.y() * MM;
        float width = (float) box.w() * MM;
        float height = (float) box.h() * MM;
        if (!page.measuring()) {
            PDPageContentStream cs = page.cs();
            cs.setLineWidth(0.5f);
            cs.setStrokingColor(Color.DARK_GRAY);
            cs.addRect(left, top - height, width, height);
            cs.stroke();
        }
        String label = (field.isLegalItem() ? "※" : "") + field.label().ja();
        float labelBaseline = top - PADDING - LABEL_SIZE * 0.88f;
        fitLine(page, null, label, fonts.labelChain(), left + PADDING, labelBaseline, width - 2 * PADDING,
                LABEL_SIZE, 3f);
        float valueTop = labelBaseline - LABEL_SIZE * 0.3f;
        if (kanaKey != null) {
            String kana = form.text(kanaKey);
            float kanaBaseline = valueTop - FURIGANA_SIZE * 0.95f;
            if (!kana.isEmpty()) {
                fitLine(page, kanaKey, kana, fonts.textChain(), left + PADDING, kanaBaseline,
                        width - 2 * PADDING, FURIGANA_SIZE, 3f);
            }
            valueTop = kanaBaseline - FURIGANA_SIZE * 0.3f;
        }
        String text = form.text(key);
        if (text.isEmpty()) {
            return;
        }
        List<PdfFonts.Face> chain = field.type().printsRegisterGlyphs() ? fonts.registerChain() : fonts.textChain();
        float size = box.fontSize() > 0 ? (float) box.fontSize() : DEFAULT_SIZE;
        value(page, key, text, chain, left + PADDING, valueTop, top - height + PADDING * 0.6f,
                width - 2 * PADDING, size);
    }

    /** Prints a value between {@code areaTop} and {@code areaBottom}: one line, shrunk, or wrapped, never clipped. */
    private void value(Page page, String fieldId, String raw, List<PdfFonts.Face> chain, float x, float areaTop,
            float areaBottom, float maxWidth, float size) throws IOException {
        String text = printable(raw);
        float areaHeight = Math.max(areaTop - areaBottom, 1f);
        List<Run> runs = runs(text, chain);
        float full = width(page, runs, size);
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
            List<String> lines = wrap(page, codePoints, chain, s, maxWidth);
            float lineHeight = s * 1.15f;
            if (lines.size() * lineHeight <= areaHeight || s - 0.5f < MIN_WRAP_SIZE) {
                int fitting = Math.max(1, Math.min(lines.size(), (int) Math.floor(areaHeight / lineHeight)));
                float baseline = areaTop - s;
                int printed = 0;
                for (int i = 0; i < fitting; i++) {
                    drawRuns(page, fieldId, runs(lines.get(i), chain), x, baseline, s);
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

    private List<String> wrap(Page page, int[] codePoints, List<PdfFonts.Face> chain, float size, float maxWidth)
            throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        float lineWidth = 0;
        for (String ch : Clusters.of(new String(codePoints, 0, codePoints.length))) {
            float w = width(page, runs(ch, chain), size);
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
    private void fitLine(Page page, String fieldId, String raw, List<PdfFonts.Face> chain, float x, float baseline,
            float maxWidth, float size, float minSize) throws IOException {
        String text = printable(raw);
        List<Run> runs = runs(text, chain);
        float w = width(page, runs, size);
        float s = w <= maxWidth ? size : Math.max(minSize, size * maxWidth / w);
        float atSize = width(page, runs, s);
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
            float cw = width(page, runs(ch, chain), s) * MIN_HORIZONTAL_SCALE;
            if (used + cw > maxWidth - 2.5f * MM) {
                break;
            }
            fits.append(ch);
            used += cw;
            printed += ch.codePointCount(0, ch.length());
        }
        drawRuns(page, fieldId, runs(fits.toString(), chain), x, baseline, s, MIN_HORIZONTAL_SCALE * 100f);
        page.session().overflows.add(new Overflow(fieldId, printed, total));
        overflowMarker(page, x + maxWidth, baseline - 1);
    }

    private void drawLine(Page page, String fieldId, String text, List<PdfFonts.Face> chain, float x, float baseline,
            float size) throws IOException {
        drawRuns(page, fieldId, runs(printable(text), chain), x, baseline, size);
    }

    /** Control characters (line breaks, tabs) print as spaces; everything else as it is. */
    private static String printable(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> sb.appendCodePoint(Character.isISOControl(cp) ? ' ' : cp));
        return sb.toString();
    }

    /**
     * Splits text into runs of one face each; a character no face covers becomes its own run with no face. A variation
     * sequence goes to the first face that lists it; when none does, its base character prints as usual (the
     * selector is dropped), and a selector without a base prints nothing.
     */
    static List<Run> runs(String text, List<PdfFonts.Face> chain) {
        List<Run> runs = new ArrayList<>();
        PdfFonts.Face current = null;
        StringBuilder sb = new StringBuilder();
        boolean open = false;
        for (String cluster : Clusters.of(text)) {
            if (TrueTypeFile.isVariationSelector(cluster.codePointAt(0))) {
                continue;
            }
            PdfFonts.Face face = null;
            for (PdfFonts.Face candidate : chain) {
                if (candidate.covers(cluster)) {
                    face = candidate;
                    break;
                }
            }
            if (face == null && Clusters.selector(cluster) != 0) {
                cluster = cluster.substring(0, Character.charCount(cluster.codePointAt(0)));
                for (PdfFonts.Face candidate : chain) {
                    if (candidate.covers(cluster)) {
                        face = candidate;
                        break;
                    }
                }
            }
            if (open && (face == null || face != current)) {
                runs.add(new Run(current, sb.toString()));
                sb.setLength(0);
                open = false;
            }
            if (face == null) {
                runs.add(new Run(null, cluster));
            } else {
                current = face;
                sb.append(cluster);
                open = true;
            }
        }
        if (open) {
            runs.add(new Run(current, sb.toString()));
        }
        return runs;
    }

    private static float width(Page page, List<Run> runs, float size) throws IOException {
        float w = 0;
        for (Run run : runs) {
            w += run.face() == null ? size : run.face().width1000(run.text()) / 1000f * size;
        }
        return w;
    }

    private void drawRuns(Page page, String fieldId, List<Run> runs, float x, float baseline, float size)
            throws IOException {
        drawRuns(page, fieldId, runs, x, baseline, size, 100f);
    }

    /** @param horizontalScale percent, 100 = normal width */
    private void drawRuns(Page page, String fieldId, List<Run> runs, float x, float baseline, float size,
            float horizontalScale) throws IOException {
        if (page.measuring()) {
            for (Run run : runs) {
                if (run.face() != null) {
                    page.session().collect(run.face(), run.text());
                }
            }
            return;
        }
        PDPageContentStream cs = page.cs();
        float cursor = x;
        for (Run run : runs) {
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
    private static void overflowMarker(Page page, float right, float bottom) throws IOException {
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
