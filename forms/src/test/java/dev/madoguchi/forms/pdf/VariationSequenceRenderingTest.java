package dev.madoguchi.forms.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.madoguchi.forms.ExternalTools;
import dev.madoguchi.forms.prefill.FilledForm;
import java.awt.geom.GeneralPath;
import java.awt.geom.PathIterator;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.util.Matrix;
import org.apache.pdfbox.util.Vector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ideographic Variation Sequences print with the sequence's own glyph from IPAmj明朝's format 14 cmap: 葛 U+845B with
 * U+E0102 is a glyph of its own in that font (its base glyph has the other form), and U+E0103 is listed with the base's
 * glyph. The outlines embedded in the PDF differ for the first pair, and text extraction gives back base + selector.
 */
class VariationSequenceRenderingTest {

    static final String KATSURA = "葛";
    static final String OWN_GLYPH = KATSURA + new String(Character.toChars(0xE0102));
    static final String BASE_GLYPH = KATSURA + new String(Character.toChars(0xE0103));

    @TempDir
    Path dir;

    @Test
    void theFontListsTheSequencesOfKatsura() throws IOException {
        ExternalTools.fonts();
        try (TrueTypeFile mj = TrueTypeFile.open(FontFiles.IPAMJ)) {
            checkKatsura(mj);
        }
    }

    private static void checkKatsura(TrueTypeFile mj) {
        int base = mj.glyphId(0x845B);
        assertThat(mj.sequences().nonDefaultCount()).isGreaterThan(10_000);
        assertThat(mj.glyphId(0x845B, 0xE0102)).isNotZero().isNotEqualTo(base);
        assertThat(mj.glyphId(0x845B, 0xE0103)).isEqualTo(base);
        assertThat(mj.glyphId(0x845B, 0xE0100)).isZero();
        assertThat(mj.glyphId(0x845B, 0xE01EF)).isZero();
    }

    @Test
    void aSequencePrintsItsOwnGlyphAndExtractsAsBasePlusSelector() throws Exception {
        ExternalTools.require("pdftotext", "poppler-utils");
        FilledForm form = MoversFormTest.household(3)
                .withValue("movers.1.name", OWN_GLYPH + "城　一郎")
                .withValue("movers.2.name", KATSURA + "城　花子")
                .withValue("movers.3.name", BASE_GLYPH + "城　次郎");
        Path pdf = dir.resolve("ivs.pdf");
        RenderReport report = Rendering.renderTo(form, pdf);
        assertThat(report.isClean()).as("%s", report).isTrue();

        String text = ExternalTools.run("pdftotext", "-raw", "-enc", "UTF-8", pdf.toString(), "-");
        assertThat(text).contains(OWN_GLYPH + "城", KATSURA + "城", BASE_GLYPH + "城");
        assertThat(text).doesNotContain(new String(Character.toChars(0xF0000)));

        Map<String, List<String>> outlines = new HashMap<>();
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            new OutlineCollector(outlines).writeText(document, new StringWriter());
        }
        assertThat(outlines).containsKeys(OWN_GLYPH, KATSURA, BASE_GLYPH);
        assertThat(outlines.get(OWN_GLYPH)).isNotEmpty().isNotEqualTo(outlines.get(KATSURA));
        assertThat(outlines.get(BASE_GLYPH)).isEqualTo(outlines.get(KATSURA));
    }

    @Test
    void aSequenceNoFontListsPrintsItsBaseCharacter() throws Exception {
        ExternalTools.require("pdftotext", "poppler-utils");
        String unknown = KATSURA + new String(Character.toChars(0xE01EF));
        FilledForm form = MoversFormTest.household(1).withValue("movers.1.name", unknown + "城　一郎");
        RenderReport report = Rendering.renderTo(form, dir.resolve("unknown.pdf"));
        assertThat(report.missingGlyphs()).isEmpty();
        String text = ExternalTools.run("pdftotext", "-raw", "-enc", "UTF-8", dir.resolve("unknown.pdf").toString(),
                "-");
        assertThat(text).contains(KATSURA + "城");
    }

    /** The outline of each glyph drawn with IPAmj明朝, by the text its ToUnicode map gives. */
    private static final class OutlineCollector extends PDFTextStripper {
        final Map<String, List<String>> outlines;

        OutlineCollector(Map<String, List<String>> outlines) throws IOException {
            this.outlines = outlines;
        }

        @Override
        protected void showGlyph(Matrix matrix, PDFont font, int code, Vector displacement) throws IOException {
            super.showGlyph(matrix, font, code, displacement);
            String text = font.toUnicode(code);
            if (text == null || !text.startsWith(KATSURA) || !font.getName().contains("IPAmj")) {
                return;
            }
            GeneralPath path = ((PDType0Font) font).getDescendantFont().getPath(code);
            List<String> segments = new ArrayList<>();
            float[] c = new float[6];
            for (PathIterator it = path.getPathIterator(null); !it.isDone(); it.next()) {
                int type = it.currentSegment(c);
                segments.add(type + ":" + Math.round(c[0]) + "," + Math.round(c[1]));
            }
            outlines.putIfAbsent(text, segments);
        }
    }
}
