package dev.madoguchi.forms.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.madoguchi.forms.ExternalTools;
import dev.madoguchi.forms.definition.FormCatalog;
import dev.madoguchi.forms.definition.FormDefinition;
import dev.madoguchi.forms.prefill.FilledForm;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Golden checks of rendered PDFs with poppler-utils, which share no code with PDFBox. */
class PdfGoldenTest {

    @TempDir
    Path dir;

    @Test
    void everyFontInTheFormIsEmbeddedAsASubset() throws Exception {
        ExternalTools.require("pdffonts", "poppler-utils");
        Path pdf = dir.resolve("tennyu.pdf");
        Rendering.renderTo(Rendering.demoForm("jumin-ido", "tennyu", n -> n.startsWith("𠮷")), pdf);
        String fonts = ExternalTools.run("pdffonts", pdf.toString());
        List<String> rows = fonts.lines().skip(2).toList();
        assertThat(rows).as(fonts).hasSizeGreaterThanOrEqualTo(2);
        for (String row : rows) {
            // columns: name type encoding emb sub uni object ID
            String[] columns = row.trim().split("\\s+");
            assertThat(columns[columns.length - 5]).as("emb of %s", row).isEqualTo("yes");
            assertThat(columns[columns.length - 4]).as("sub of %s", row).isEqualTo("yes");
            assertThat(columns[columns.length - 3]).as("uni of %s", row).isEqualTo("yes");
        }
        assertThat(fonts).contains("IPAmjMincho").contains("IPAexGothic");
    }

    @ParameterizedTest
    @CsvSource({"𠮷", "髙", "﨑", "德", "邉"})
    void aRegisteredNameWithARareGlyphComesBackExactlyFromPdftotext(String glyph) throws Exception {
        ExternalTools.require("pdftotext", "poppler-utils");
        FilledForm form = Rendering.demoForm("inkan-toroku", null, n -> n.contains(glyph));
        Path pdf = dir.resolve("inkan.pdf");
        RenderReport report = Rendering.renderTo(form, pdf);
        String text = ExternalTools.run("pdftotext", "-enc", "UTF-8", pdf.toString(), "-");
        assertThat(form.text("name")).contains(glyph);
        String family = form.text("name").substring(0, form.text("name").indexOf('\u3000'));
        String given = form.text("name").substring(form.text("name").indexOf('\u3000') + 1);
        assertThat(text).contains(family).contains(given);
        assertThat(compact(text)).contains(family + given);
        assertThat(report.missingGlyphs()).isEmpty();
    }

    @Test
    void theHeaderNamesTheDefinitionAndThePageNumber() throws Exception {
        ExternalTools.require("pdftotext", "poppler-utils");
        FilledForm form = Rendering.demoForm("jumin-ido", "tenkyo", n -> n.startsWith("山"));
        Path pdf = dir.resolve("tenkyo.pdf");
        Rendering.renderTo(form, pdf);
        // -raw: in drawing order (the rows' many boxes make poppler's column guess split an address at its U+3000)
        String text = ExternalTools.run("pdftotext", "-raw", "-enc", "UTF-8", pdf.toString(), "-");
        assertThat(text).contains("住民異動届（転居届）").contains(form.definition().printedMark())
                .doesNotContain("jumin-ido").doesNotContain("sha256");
        assertThat(compact(text)).contains("1/1").contains(compact(form.text("previousAddress")));
    }

    @Test
    void everyFormRendersFromTheDemoMunicipalityOnA4() throws Exception {
        ExternalTools.require("pdfinfo", "poppler-utils");
        for (FormDefinition definition : FormCatalog.builtIn().all()) {
            List<String> variants = definition.variants().isEmpty() ? java.util.Collections.singletonList(null)
                    : definition.variants().stream().map(v -> v.id()).toList();
            for (String variant : variants) {
                Path pdf = dir.resolve(definition.id() + "-" + variant + ".pdf");
                RenderReport report = Rendering.renderTo(
                        Rendering.demoForm(definition.id(), variant, n -> n.startsWith("德")), pdf);
                assertThat(report.isClean()).as("%s %s: %s", definition.id(), variant, report).isTrue();
                String info = ExternalTools.run("pdfinfo", pdf.toString());
                assertThat(info).as(definition.id()).containsPattern("Pages: +1\\n")
                        .contains("595.276 x 841.89 pts (A4)");
            }
        }
    }

    @Test
    void aCharacterNoFontHasGetsAVisibleMarkerAndIsReported() throws Exception {
        ExternalTools.require("pdftoppm", "poppler-utils");
        FilledForm form = Rendering.demoForm("inkan-toroku", null, n -> n.startsWith("髙"))
                .withValue("name", "髙橋\uD83D\uDE00太郎"); // U+1F600 is in none of the fonts
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RenderReport report = new FormRenderer(ExternalTools.fonts()).render(form, List.of(), out);
        assertThat(report.missingGlyphs()).containsExactly(new MissingGlyph("name", 0x1F600));
        assertThat(report.isClean()).isFalse();
        Path pdf = dir.resolve("missing.pdf");
        Files.write(pdf, out.toByteArray());
        assertThat(ExternalTools.run("pdftotext", "-enc", "UTF-8", pdf.toString(), "-")).contains("髙橋").contains("太郎");
        ExternalTools.run("pdftoppm", "-r", "100", "-png", "-singlefile", pdf.toString(),
                dir.resolve("missing").toString());
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(dir.resolve("missing.png").toFile());
        assertThat(redPixels(image)).as("the red marker is visible").isGreaterThan(10);
    }

    @Test
    void aLongValueIsShrunkOrWrappedAndEveryCharacterStaysOnThePage() throws Exception {
        ExternalTools.require("pdftotext", "poppler-utils");
        String longAddress = "架空県窓口市本町二丁目３番４号　窓口パークサイドレジデンス・イーストタワー２０１２号室";
        FilledForm form = Rendering.demoForm("inkan-toroku", null, n -> n.startsWith("渡")).withValue("address",
                longAddress + longAddress);
        Path pdf = dir.resolve("long.pdf");
        RenderReport report = Rendering.renderTo(form, pdf);
        assertThat(report.shrunkFields()).contains("address");
        assertThat(report.isClean()).isTrue();
        // only the text inside the address box (cropped in points at the default 72 dpi), in drawing order
        dev.madoguchi.forms.definition.Box box = form.definition().field("address").orElseThrow().box();
        String inBox = ExternalTools.run("pdftotext", "-raw", "-enc", "UTF-8",
                "-x", String.valueOf((int) (box.x() * FormRenderer.MM)),
                "-y", String.valueOf((int) (box.y() * FormRenderer.MM)),
                "-W", String.valueOf((int) Math.ceil(box.w() * FormRenderer.MM)),
                "-H", String.valueOf((int) Math.ceil(box.h() * FormRenderer.MM)), pdf.toString(), "-");
        assertThat(compact(inBox)).isEqualTo("住所" + compact(longAddress + longAddress));
    }

    @Test
    void aValueTooLongForItsBoxIsMarkedAndReportedNotCutSilently() throws Exception {
        ExternalTools.require("pdftoppm", "poppler-utils");
        FilledForm form = Rendering.demoForm("inkan-toroku", null, n -> n.startsWith("渡"))
                .withValue("address", "窓口市本町".repeat(200));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RenderReport report = new FormRenderer(ExternalTools.fonts()).render(form, List.of(), out);
        assertThat(report.overflows()).singleElement().satisfies(o -> {
            assertThat(o.fieldId()).isEqualTo("address");
            assertThat(o.totalCodePoints()).isEqualTo(1000);
            assertThat(o.printedCodePoints()).isBetween(50, 999);
        });
        Path pdf = dir.resolve("overflow.pdf");
        Files.write(pdf, out.toByteArray());
        ExternalTools.run("pdftoppm", "-r", "100", "-png", "-singlefile", pdf.toString(),
                dir.resolve("overflow").toString());
        assertThat(redPixels(javax.imageio.ImageIO.read(dir.resolve("overflow.png").toFile())))
                .as("the red overflow marker is visible").isGreaterThan(10);
    }

    @Test
    void aConfiguredMjPlusFontIsTriedFirstForNamesAndTheOthersStillFillTheGaps() throws Exception {
        ExternalTools.require("pdffonts", "poppler-utils");
        ExternalTools.fonts();
        // a stand-in for a municipality's MJ+ font: IPAex明朝 has 田, 髙 and 子 but not 𠮷. Only the name is filled,
        // so IPAex明朝 can only come into the PDF as the MJ+ font.
        FormDefinition definition = FormCatalog.builtIn().get("inkan-toroku");
        FilledForm form = new FilledForm(definition, null,
                java.util.Map.of("name", new dev.madoguchi.forms.prefill.FilledValue("𠮷田　髙子", "data")), List.of());
        assertThat(fontsOf(form, FontFiles.debian())).contains("IPAmjMincho").doesNotContain("IPAexMincho");
        String withMjPlus = fontsOf(form, FontFiles.debian().withMjPlus(FontFiles.IPAEX_MINCHO));
        assertThat(withMjPlus).contains("IPAexMincho").contains("IPAmjMincho");
        // -raw: drawing order, so the wide U+3000 gap does not split the name into two columns
        String text = ExternalTools.run("pdftotext", "-raw", "-enc", "UTF-8", dir.resolve("fonts.pdf").toString(), "-");
        assertThat(compact(text)).contains("𠮷田髙子");
    }

    private String fontsOf(FilledForm form, FontFiles files) throws Exception {
        Path pdf = dir.resolve("fonts.pdf");
        try (PdfFonts fonts = PdfFonts.load(files); java.io.OutputStream out = Files.newOutputStream(pdf)) {
            assertThat(new FormRenderer(fonts).render(form, List.of(), out).isClean()).isTrue();
        }
        return ExternalTools.run("pdffonts", pdf.toString());
    }

    @Test
    void aMissingFontFileIsNamedWithItsPackage() {
        FontFiles files = FontFiles.debian().withMjPlus(dir.resolve("MJPlus.ttf"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PdfFonts.load(files))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("MJPlus.ttf");
    }

    static String compact(String text) {
        return text.replaceAll("[\\s\u3000]", "");
    }

    static int redPixels(java.awt.image.BufferedImage image) {
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int r = (rgb >> 16) & 0xFF;
                int g = (rgb >> 8) & 0xFF;
                int b = rgb & 0xFF;
                if (r > 150 && g < 90 && b < 90) {
                    count++;
                }
            }
        }
        return count;
    }
}
