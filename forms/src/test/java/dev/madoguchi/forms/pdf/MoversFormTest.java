package dev.madoguchi.forms.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.common.BitMatrix;
import dev.madoguchi.forms.ExternalTools;
import dev.madoguchi.forms.definition.FormCatalog;
import dev.madoguchi.forms.prefill.FilledForm;
import dev.madoguchi.forms.prefill.FormData;
import dev.madoguchi.forms.qr.QrCodec;
import dev.madoguchi.forms.qr.QrPayload;
import dev.madoguchi.forms.qr.QrSymbols;
import dev.madoguchi.forms.validation.FormValidator;
import dev.madoguchi.forms.validation.ResidentCode;
import dev.madoguchi.forms.validation.Severity;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 住民異動届 for a household: one row per mover, four to a sheet, more on further sheets with the same header and an
 * "n/m" mark; the signed QR carries every mover. Read back with poppler (pdfinfo, pdftotext, pdffonts) and zbar.
 */
class MoversFormTest {

    static final String[] GIVEN = {"太郎", "花子", "一郎", "次郎", "三郎", "四郎", "五月", "六花", "七海"};

    @TempDir
    Path dir;

    /** A household of {@code n} movers, the first the 世帯主, with valid 住民票コード. */
    static FilledForm household(int n) {
        StringBuilder json = new StringBuilder("{\"form\": \"jumin-ido\", \"variant\": \"tennyu\", \"values\": {"
                + "\"notifiedOn\": \"2026-11-23\", \"notifier\": \"世帯主\", \"notifierName\": \"𠮷田　太郎\","
                + "\"notifierAddress\": \"架空県窓口市本町二丁目３番４号\", \"householdHead\": \"𠮷田　太郎\","
                + "\"postalCode\": \"100-0002\", \"address\": \"架空県窓口市本町二丁目３番４号\","
                + "\"previousAddress\": \"東京都千代田区霞が関一丁目１番１号\", \"movedInOn\": \"2026-11-20\", \"movers\": [");
        for (int i = 0; i < n; i++) {
            String code = String.format("%010d", 1234500000L + i * 7919L);
            code += ResidentCode.checkDigit(code + "0");
            json.append(i == 0 ? "" : ",").append("{\"name\": \"𠮷田　").append(GIVEN[i]).append("\", ")
                    .append("\"nameKana\": \"ヨシダ\", \"birthDate\": \"19").append(60 + i).append("-0").append(1 + i)
                    .append("-1").append(i).append("\", \"sex\": \"").append(i % 2 == 0 ? "男" : "女")
                    .append("\", \"relationship\": \"").append(i == 0 ? "世帯主" : "子").append("\", ")
                    .append("\"residentCode\": \"").append(code).append("\", ")
                    .append("\"honseki\": \"東京都千代田区千代田一番\", \"hittousha\": \"𠮷田　太郎\"}");
        }
        json.append("]}}");
        return FormData.parse("test", json.toString().getBytes(StandardCharsets.UTF_8))
                .fill(FormCatalog.builtIn().get("jumin-ido"));
    }

    @Test
    void fiveMoversPrintOnTwoSheetsWithTheSameHeaderAndTheQrCarriesAllOfThem() throws Exception {
        ExternalTools.require("pdftotext", "poppler-utils");
        ExternalTools.require("zbarimg", "zbar-tools");
        FilledForm form = household(5);
        assertThat(new FormValidator().validate(form, java.time.LocalDate.of(2026, 11, 23)))
                .filteredOn(i -> i.severity() == Severity.ERROR).isEmpty();
        assertThat(form.sheets()).isEqualTo(2);
        Path pdf = dir.resolve("five.pdf");
        RenderReport report = Rendering.renderTo(form, pdf);
        assertThat(report.pages()).isEqualTo(2);
        assertThat(report.isClean()).as("%s", report).isTrue();
        assertThat(ExternalTools.run("pdfinfo", pdf.toString())).containsPattern("Pages:\\s+2");
        String[] pages = ExternalTools.run("pdftotext", "-raw", "-enc", "UTF-8", pdf.toString(), "-").split("\f");
        assertThat(compact(pages[0])).contains("住民異動届（転入届）", "1/2枚目", "𠮷田太郎", "𠮷田花子", "𠮷田次郎",
                "東京都千代田区霞が関一丁目１番１号", "届出人の署名").doesNotContain("𠮷田三郎");
        assertThat(compact(pages[1])).contains("住民異動届（転入届）", "2/2枚目", "𠮷田三郎", "5",
                "東京都千代田区霞が関一丁目１番１号").doesNotContain("𠮷田花子");
        String fonts = ExternalTools.run("pdffonts", pdf.toString());
        assertThat(fonts).contains("IPAmjMincho", "IPAexGothic").doesNotContain(" no  ");

        List<String> parts = zbar(pdf, dir);
        assertThat(parts).isNotEmpty().allSatisfy(p -> assertThat(p).startsWith("MG2:").endsWith("$"));
        QrPayload payload = new QrCodec().verify(parts, List.of(Rendering.KEY.trusted("terminal")));
        List<?> movers = (List<?>) payload.nestedValues().get("movers");
        assertThat(movers).hasSize(5);
        assertThat(((Map<?, ?>) movers.get(4)).get("name")).isEqualTo("𠮷田　三郎");
        assertThat(payload.values()).isEqualTo(form.values().entrySet().stream().collect(
                LinkedHashMap::new, (m, e) -> m.put(e.getKey(), e.getValue().text()), Map::putAll));
    }

    @Test
    void whenTheHeadLeavesTheNewHeadOfThoseWhoStayIsPrintedAndCarriedByTheDataFileAndTheQr() throws Exception {
        ExternalTools.require("pdftotext", "poppler-utils");
        ExternalTools.require("zbarimg", "zbar-tools");
        String code = "1234500000" + ResidentCode.checkDigit("12345000000");
        String json = "{\"form\": \"jumin-ido\", \"variant\": \"tenkyo\", \"values\": {"
                + "\"notifiedOn\": \"2026-11-23\", \"notifier\": \"本人\", \"notifierName\": \"髙橋　一郎\","
                + "\"householdHead\": \"髙橋　一郎\", \"postalCode\": \"100-0002\","
                + "\"address\": \"架空県窓口市本町二丁目３番４号\", \"previousAddress\": \"架空県窓口市駅前一丁目１番\","
                + "\"movedWithinOn\": \"2026-11-20\", \"remainingHead\": \"髙橋　花子\", \"movers\": [{"
                + "\"name\": \"髙橋　一郎\", \"nameKana\": \"タカハシ　イチロウ\", \"birthDate\": \"1970-01-02\","
                + "\"sex\": \"男\", \"relationship\": \"世帯主\", \"residentCode\": \"" + code + "\"}]}}";
        FilledForm form = FormData.parse("test", json.getBytes(StandardCharsets.UTF_8))
                .fill(FormCatalog.builtIn().get("jumin-ido"));
        assertThat(form.text("remainingHead")).isEqualTo("髙橋　花子");
        assertThat(new FormValidator().validate(form, java.time.LocalDate.of(2026, 11, 23)))
                .filteredOn(i -> i.severity() == Severity.ERROR).isEmpty();
        Path pdf = dir.resolve("head-leaves.pdf");
        RenderReport report = Rendering.renderTo(form, pdf);
        assertThat(report.isClean()).as("%s", report).isTrue();
        String text = compact(ExternalTools.run("pdftotext", "-raw", "-enc", "UTF-8", pdf.toString(), "-"));
        assertThat(text).contains("住民異動届（転居届）", "残る世帯の新しい世帯主（世帯主変更）", "髙橋花子");
        QrPayload payload = new QrCodec().verify(zbar(pdf, dir), List.of(Rendering.KEY.trusted("terminal")));
        assertThat(payload.values()).containsEntry("remainingHead", "髙橋　花子");

        FilledForm tennyu = household(1);
        assertThat(tennyu.fields()).as("a 転入 leaves no household behind here")
                .noneMatch(f -> f.id().equals("remainingHead"));
    }

    @Test
    void nineMoversNeedThreeSheetsAndEveryQrPartHasTheSameSize() throws Exception {
        ExternalTools.require("pdftotext", "poppler-utils");
        ExternalTools.require("zbarimg", "zbar-tools");
        FilledForm form = household(9);
        Path pdf = dir.resolve("nine.pdf");
        RenderReport report = Rendering.renderTo(form, pdf);
        assertThat(report.pages()).isEqualTo(3);
        String[] pages = ExternalTools.run("pdftotext", "-raw", "-enc", "UTF-8", pdf.toString(), "-").split("\f");
        assertThat(compact(pages[2])).contains("3/3枚目", "𠮷田七海", "9", "住民異動届（転入届）");
        List<String> parts = zbar(pdf, dir);
        QrPayload payload = new QrCodec().verify(parts, List.of(Rendering.KEY.trusted("terminal")));
        assertThat((List<?>) payload.nestedValues().get("movers")).hasSize(9);
        List<String> encoded = new QrCodec().encode(QrPayload.of(form, Rendering.SIGNED_AT), Rendering.KEY);
        assertThat(encoded).hasSizeGreaterThan(1);
        assertThat(encoded.stream().map(String::length).distinct().count()).isLessThanOrEqualTo(2);
        List<BitMatrix> symbols = QrSymbols.encodeAll(encoded);
        assertThat(symbols.stream().map(BitMatrix::getWidth).distinct()).hasSize(1);
    }

    @Test
    void aFortyCharacterNameWithAVariationSequenceShrinksAndWrapsButIsNeverCut() throws Exception {
        ExternalTools.require("pdftotext", "poppler-utils");
        String ivs = "葛" + new String(Character.toChars(0xE0102));
        String name = ivs + "城" + "ア".repeat(19) + "　" + "ヌ".repeat(18);
        assertThat(name.codePointCount(0, name.length()) - 1).isEqualTo(40);
        FilledForm form = household(2).withValue("movers.2.name", name);
        Path pdf = dir.resolve("long.pdf");
        RenderReport report = Rendering.renderTo(form, pdf);
        assertThat(report.overflows()).isEmpty();
        assertThat(report.missingGlyphs()).isEmpty();
        assertThat(report.shrunkFields()).contains("movers.2.name");
        String text = ExternalTools.run("pdftotext", "-raw", "-enc", "UTF-8", pdf.toString(), "-");
        assertThat(compact(text)).contains(compact(name));
    }

    static List<String> zbar(Path pdf, Path dir) throws Exception {
        ExternalTools.run("pdftoppm", "-r", "300", "-gray", "-png", "-f", "1", "-l", "1", "-singlefile",
                pdf.toString(), dir.resolve("qr").toString());
        String out = ExternalTools.run("zbarimg", "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable",
                dir.resolve("qr.png").toString());
        return new ArrayList<>(Arrays.stream(out.split("\n")).map(s -> s.endsWith("\r") ? s.substring(0,
                s.length() - 1) : s).filter(s -> !s.isEmpty()).toList());
    }

    static String compact(String s) {
        return s.replaceAll("[\\s\\u3000]", "");
    }
}
