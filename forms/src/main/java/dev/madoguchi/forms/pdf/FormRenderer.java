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

/**
 * Prints a filled form as an A4 PDF: every box of the definition with its label, value and furigana; a header with the
 * title and the definition's id, version and hash; page numbers; the signed QR code(s).
 *
 * <p>Fonts are embedded as subsets and chosen per character. The layout runs twice: the first pass only measures and
 * collects the characters of each font, then each font's subset is written from its file ({@link TrueTypeFile}) and
 * the second pass draws with it. A character that the first font of the chain lacks is printed with the next one;
 * when no font has it, a visible marker takes its place and the report lists it — never an
 * exception, never a silent blank. Text too long for its box is shrunk, then wrapped; what still does not fit gets a
 * visible overflow marker and a report entry. This class places the header, the boxes, the group rows and the QR
 * code; the text inside a box is set by {@code BoxText}. Synchronous; one render at a time per instance.
 */
public final class FormRenderer {

    static final float MM = 72f / 25.4f;
    private static final float DEFAULT_SIZE = 11f;
    private static final float LABEL_SIZE = 6.5f;
    private static final float FURIGANA_SIZE = 7f;
    private static final float PADDING = 1.2f * MM;

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
                    layout(new FormPage(null, measured, sheet, sheets), form, p, qrSymbols);
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
                        layout(new FormPage(cs, session, sheet, sheets), form, p, qrSymbols);
                    }
                }
            }
            doc.save(out);
            return new RenderReport(pageCount, session.missing, session.overflows, session.shrunk);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the PDF: " + e.getMessage(), e);
        }
    }

    private void layout(FormPage page, FilledForm form, int p, List<BitMatrix> qrSymbols) throws IOException {
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
    private void rows(FormPage page, FilledForm form, GroupDefinition group) throws IOException {
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
            BoxText.drawLine(page, null, String.valueOf(row), fonts.labelChain(), numberX,
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

    private void header(FormPage page, FilledForm form, int pageNumber) throws IOException {
        FormDefinition definition = form.definition();
        String title = definition.title().ja()
                + Optional.ofNullable(form.variant()).flatMap(definition::variant)
                        .map(v -> "（" + v.title().ja() + "）").orElse("");
        float top = PDRectangle.A4.getHeight();
        BoxText.drawLine(page, null, title, fonts.labelChain(), 15 * MM, top - 18 * MM, 16f);
        // the definition's version and fingerprint: small print at the foot, words a clerk can read (not the file id)
        BoxText.drawLine(page, null, definition.printedMark(), fonts.labelChain(), 15 * MM, 8 * MM, 6.5f);
        if (page.sheets() > 1 || !definition.groups().isEmpty()) {
            String mark = page.sheet() + "/" + page.sheets() + " 枚目";
            float markWidth = FaceRun.width(FaceRun.split(mark, fonts.labelChain()), 11f);
            BoxText.drawLine(page, null, mark, fonts.labelChain(), PDRectangle.A4.getWidth() - 15 * MM - markWidth,
                    top - 18 * MM, 11f);
        }
        int totalPages = definition.pages() * page.sheets();
        String footer = ((page.sheet() - 1) * definition.pages() + pageNumber) + " / " + totalPages;
        float footerWidth = FaceRun.width(FaceRun.split(footer, fonts.labelChain()), 8f);
        BoxText.drawLine(page, null, footer, fonts.labelChain(), (PDRectangle.A4.getWidth() - footerWidth) / 2,
                8 * MM, 8f);
        BoxText.drawLine(page, null, "※ 法定の記載事項", fonts.labelChain(), 15 * MM, top - 24 * MM, 6.5f);
    }

    /**
     * @param key the value's key (a field id or a row key)
     * @param kanaKey the key of the furigana printed small at the top of the box, or {@code null}
     */
    private void field(FormPage page, FilledForm form, FieldDefinition field, Box box, String key, String kanaKey)
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
        BoxText.fitLine(page, null, label, fonts.labelChain(), left + PADDING, labelBaseline, width - 2 * PADDING,
                LABEL_SIZE, 3f);
        float valueTop = labelBaseline - LABEL_SIZE * 0.3f;
        if (kanaKey != null) {
            String kana = form.text(kanaKey);
            float kanaBaseline = valueTop - FURIGANA_SIZE * 0.95f;
            if (!kana.isEmpty()) {
                BoxText.fitLine(page, kanaKey, kana, fonts.textChain(), left + PADDING, kanaBaseline,
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
        BoxText.value(page, key, text, chain, left + PADDING, valueTop, top - height + PADDING * 0.6f,
                width - 2 * PADDING, size);
    }
}
