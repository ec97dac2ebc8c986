package dev.madoguchi.forms.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.madoguchi.forms.ExternalTools;
import dev.madoguchi.forms.definition.Box;
import dev.madoguchi.forms.definition.FieldDefinition;
import dev.madoguchi.forms.definition.FormCatalog;
import dev.madoguchi.forms.definition.FormDefinition;
import dev.madoguchi.forms.prefill.FilledForm;
import dev.madoguchi.forms.prefill.FilledValue;
import java.awt.geom.Rectangle2D;
import java.io.ByteArrayOutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeProperty;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripperByArea;

/**
 * Random values in every field of every form: rendering never throws, and every character of a value is either
 * printed inside its box (found there by text extraction), or reported — as a missing glyph or as an overflow.
 */
class RandomValuesRenderingProperties {

    private static final List<String> PIECES = List.of("𠮷", "髙", "﨑", "德", "邉", "葛", "辻", "あ", "ア", "ｱ", "漢",
            "字", "A", "z", "7", "７", "\u3000", " ", "-", "ー", "\n", "\t", "😀", "\uE000", "é", "Ω", "한", "丁目",
            "番地", "号室", "Ⅻ", "①");

    private PdfFonts fonts;

    @BeforeProperty
    void fonts() {
        fonts = ExternalTools.fonts();
    }

    @Provide
    Arbitrary<String> values() {
        Arbitrary<String> mixed = Arbitraries.of(PIECES).list().ofMinSize(0).ofMaxSize(40)
                .map(l -> String.join("", l));
        Arbitrary<String> veryLong = Arbitraries.of(PIECES).list().ofMinSize(150).ofMaxSize(600)
                .map(l -> String.join("", l));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, mixed),
                net.jqwik.api.Tuple.of(2, veryLong),
                net.jqwik.api.Tuple.of(1, Arbitraries.just("")));
    }

    @Provide
    Arbitrary<FormDefinition> forms() {
        return Arbitraries.of(FormCatalog.builtIn().all());
    }

    @Property(tries = 40)
    void everyCharacterIsPrintedInItsBoxOrReported(@ForAll("forms") FormDefinition form,
            @ForAll("values") String a, @ForAll("values") String b, @ForAll("values") String c) throws Exception {
        String variant = form.variants().isEmpty() ? null : form.variants().get(0).id();
        Map<String, FilledValue> values = new LinkedHashMap<>();
        List<String> pool = List.of(a, b, c);
        int i = 0;
        for (FieldDefinition field : form.fieldsOf(variant)) {
            String text = pool.get(i++ % 3);
            if (!text.isEmpty()) {
                values.put(field.id(), new FilledValue(text, FilledValue.DATA));
            }
        }
        FilledForm filled = new FilledForm(form, variant, values, List.of());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RenderReport report = new FormRenderer(fonts).render(filled, List.of(), out);

        Set<String> overflowing = report.overflows().stream().map(Overflow::fieldId).collect(Collectors.toSet());
        Set<Integer> missing = report.missingGlyphs().stream().map(MissingGlyph::codePoint)
                .collect(Collectors.toSet());
        try (PDDocument doc = Loader.loadPDF(out.toByteArray())) {
            PDFTextStripperByArea stripper = new PDFTextStripperByArea();
            for (FieldDefinition field : filled.fields()) {
                if (field.box() != null) {
                    Box box = field.box();
                    float mm = FormRenderer.MM;
                    stripper.addRegion(field.id(), new Rectangle2D.Float((float) box.x() * mm - 1,
                            (float) box.y() * mm - 1, (float) box.w() * mm + 2, (float) box.h() * mm + 2));
                }
            }
            stripper.extractRegions(doc.getPage(0));
            for (FieldDefinition field : filled.fields()) {
                String value = filled.text(field.id());
                if (value.isEmpty() || field.box() == null || overflowing.contains(field.id())) {
                    continue;
                }
                String expected = visible(value, missing);
                String printed = visible(stripper.getTextForRegion(field.id()), Set.of());
                count(expected).forEach((cp, n) -> assertThat(count(printed).getOrDefault(cp, 0L))
                        .as("U+%04X in field %s of %s", cp, field.id(), form.id()).isGreaterThanOrEqualTo(n));
            }
        }
        for (MissingGlyph glyph : report.missingGlyphs()) {
            assertThat(fonts.covers(glyph.codePoint())).isFalse();
        }
    }

    private static Map<Integer, Long> count(String s) {
        return s.codePoints().boxed().collect(Collectors.groupingBy(cp -> cp, Collectors.counting()));
    }

    /** The characters a reader sees: no whitespace, no characters reported missing. */
    private static String visible(String text, Set<Integer> missing) {
        StringBuilder sb = new StringBuilder();
        text.codePoints().filter(cp -> !Character.isWhitespace(cp) && cp != 0x3000 && !Character.isISOControl(cp)
                && !missing.contains(cp)).forEach(sb::appendCodePoint);
        return sb.toString();
    }
}
