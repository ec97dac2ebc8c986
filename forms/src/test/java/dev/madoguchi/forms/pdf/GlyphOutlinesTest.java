package dev.madoguchi.forms.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.madoguchi.forms.definition.FormCatalog;
import dev.madoguchi.forms.definition.FormDefinition;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDVectorFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.util.Matrix;
import org.apache.pdfbox.util.Vector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every character a form draws has a visible outline in the font subset embedded in the PDF. Text extraction
 * (pdftotext) reads the ToUnicode map and passes even when the embedded glyphs are empty or broken, so it cannot see a
 * damaged subset: this reads each drawn glyph's outline back from the PDF instead. (A file-backed font parser once
 * produced subsets whose glyphs were empty: every label of the form was blank on screen and on paper.)
 */
class GlyphOutlinesTest {

    @TempDir
    Path dir;

    @Test
    void everyDrawnCharacterOfEveryFormHasAnOutlineInItsEmbeddedFont() throws Exception {
        for (FormDefinition definition : FormCatalog.builtIn().all()) {
            List<String> variants = definition.variants().isEmpty() ? java.util.Collections.singletonList(null)
                    : definition.variants().stream().map(v -> v.id()).toList();
            for (String variant : variants) {
                Path pdf = dir.resolve(definition.id() + "-" + variant + ".pdf");
                Rendering.renderTo(Rendering.demoForm(definition.id(), variant, n -> n.startsWith("𠮷")), pdf);
                try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
                    OutlineCheck check = new OutlineCheck();
                    check.writeText(document, new StringWriter());
                    assertThat(check.drawn).as("%s %s draws text", definition.id(), variant).isGreaterThan(50);
                    assertThat(check.empty).as("%s %s: characters drawn without an outline", definition.id(), variant)
                            .isEmpty();
                }
            }
        }
    }

    /** Walks the text of a document and collects the non-blank characters whose embedded glyph has no outline. */
    private static final class OutlineCheck extends PDFTextStripper {
        final List<String> empty = new ArrayList<>();
        int drawn;

        OutlineCheck() throws IOException {
        }

        @Override
        protected void showGlyph(Matrix textRenderingMatrix, PDFont font, int code, Vector displacement)
                throws IOException {
            super.showGlyph(textRenderingMatrix, font, code, displacement);
            String text = font.toUnicode(code);
            if (text == null || text.isBlank() || text.codePoints().allMatch(cp -> Character.isSpaceChar(cp))) {
                return;
            }
            drawn++;
            if (font instanceof PDType0Font type0) {
                PDVectorFont vector = type0.getDescendantFont();
                if (vector.getPath(code).getBounds2D().isEmpty()) {
                    empty.add(text + " (" + font.getName() + ", code " + code + ")");
                }
            }
        }
    }
}
