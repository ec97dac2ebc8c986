package dev.madoguchi.forms.advice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.madoguchi.forms.ExternalTools;
import dev.madoguchi.forms.pdf.RenderReport;
import dev.madoguchi.forms.pdf.TakeawaySheetRenderer;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The takeaway sheet, read back with poppler: three languages, furigana, embedded fonts, nothing personal. */
class TakeawaySheetTest {

    @TempDir
    Path dir;

    private static String compact(String text) {
        return text.replaceAll("\\s+", "");
    }

    private static Advice lockedPinAndRenewal() {
        CheckUpFacts facts = CheckUps.withCertificate(CheckUps.withPin(CheckUps.fine(), "auth-pin", 0),
                LocalDate.of(2022, 2, 10), LocalDate.of(2027, 2, 10));
        return AdviceService.demo().advise(facts, Map.of());
    }

    @Test
    void printsJapaneseEasyJapaneseWithReadingsAndTheResidentsLanguage() throws Exception {
        ExternalTools.require("pdftotext", "poppler-utils");
        ExternalTools.require("pdffonts", "poppler-utils");
        Advice advice = lockedPinAndRenewal();
        assertThat(TakeawaySheetRenderer.languages(advice, "en")).containsExactly("ja", "ja-easy", "en");
        Path pdf = dir.resolve("sheet.pdf");
        RenderReport report = new TakeawaySheetRenderer(ExternalTools.fonts()).write(advice, "en", pdf);
        assertThat(report.isClean()).as("%s", report).isTrue();
        assertThat(report.pages()).isGreaterThanOrEqualTo(3);
        String text = ExternalTools.run("pdftotext", "-raw", "-enc", "UTF-8", pdf.toString(), "-");
        String all = compact(text);
        // ruby prints above its base, so the text layer has "調" and "しら" in turn: look for the start of the title
        int easyAt = all.indexOf("マイナンバーカードを調");
        int enAt = all.indexOf("MyNumberCardcheck-up");
        assertThat(easyAt).isPositive();
        assertThat(enAt).isGreaterThan(easyAt);
        String ja = all.substring(0, easyAt);
        String easy = all.substring(easyAt, enAt);
        String en = all.substring(enAt);
        assertThat(ja).contains("マイナンバーカードの確認結果", "2026年11月10日", "JPKI暗証番号リセット",
                "窓口市役所市民課マイナンバーカード窓口", "架空県窓口市本町1-2-3", "8:30", "0000-00-0000",
                "持っていくもの", "利用者証明用電子証明書の暗証番号（4桁）", "ロック中");
        // the readings print above their kanji: both are in the text layer
        assertThat(easy).contains("まどぐち", "窓口", "しやくしょ", "あんしょうばんごう");
        assertThat(en).contains("Whattobring", "Wheretogo", "2026-11-10", "convenience");
        assertThat(all).doesNotContain("{", "|");
        String fonts = ExternalTools.run("pdffonts", pdf.toString());
        assertThat(fonts).contains("IPAexGothic").doesNotContain(" no  ");
    }

    @Test
    void japaneseResidentsGetJapaneseAndEasyJapaneseOnlyAndNothingPersonalIsPrinted() throws Exception {
        ExternalTools.require("pdftotext", "poppler-utils");
        Advice advice = AdviceService.demo().advise(CheckUps.fine(), Map.of());
        assertThat(TakeawaySheetRenderer.languages(advice, "ja-easy")).containsExactly("ja", "ja-easy");
        Path pdf = dir.resolve("fine.pdf");
        new TakeawaySheetRenderer(ExternalTools.fonts()).write(advice, "ja", pdf);
        String all = compact(ExternalTools.run("pdftotext", "-raw", "-enc", "UTF-8", pdf.toString(), "-"));
        assertThat(all).contains("問題は見つかりませんでした", "メモ（ご自分で書いてください）",
                "この紙には、氏名・住所・生年月日・個人番号は印刷していません。");
        assertThat(all).doesNotContain("Whattodo", "Notes");
        byte[] bytes = new TakeawaySheetRenderer(ExternalTools.fonts()).render(advice, null);
        assertThat(new String(bytes, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    }

    /**
     * The built-in table has advice in Vietnamese, Chinese, Korean and Portuguese: the sheet's third part is the
     * resident's language (a known sentence of the advice in the text layer; no English part, no "not available" note),
     * drawn with the language's script font, embedded as a subset.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
        "vi | MãPINxácthựcngườidùngđãbịkhóa:cóthểđặtlạiởcửahàngtiệnlợi | DejaVuSans",
        "pt | OPINdeautenticaçãoestábloqueado:redefinanobalcão | DejaVuSans",
        "zh | 用户证明用密码已锁定：可以在便利店重新设置 | DroidSansFallback",
        "ko | 이용자증명용비밀번호가잠겼습니다:창구에서다시설정합니다 | NanumGothic"})
    void eachResidentLanguageIsPrintedInThatLanguage(String language, String sentence, String font) throws Exception {
        ExternalTools.require("pdftotext", "poppler-utils");
        ExternalTools.require("pdffonts", "poppler-utils");
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isRegularFile(
                dev.madoguchi.forms.pdf.PdfFonts.SCRIPT_FONTS.get(language)), "the script font of " + language);
        Advice advice = lockedPinAndRenewal();
        assertThat(TakeawaySheetRenderer.fallsBack(advice, language)).isFalse();
        TakeawaySheetRenderer renderer = new TakeawaySheetRenderer(ExternalTools.fonts());
        assertThat(renderer.printedLanguages(advice, language)).containsExactly("ja", "ja-easy", language);
        Path pdf = dir.resolve(language + ".pdf");
        RenderReport report = renderer.write(advice, language, pdf);
        assertThat(report.isClean()).as("every character drawn: %s", report).isTrue();
        String all = compact(ExternalTools.run("pdftotext", "-raw", "-enc", "UTF-8", pdf.toString(), "-"));
        assertThat(all).contains(sentence, "まどぐち", "JPKI暗証番号リセット");
        assertThat(all.indexOf(sentence)).isGreaterThan(all.indexOf("まどぐち")); // after the やさしい日本語 part
        assertThat(all).doesNotContain("Whattobring", "Thissheetisnotyetavailable");
        String note = compact(AdviceService.demo().table().label("languageMissing").in(language));
        assertThat(all).doesNotContain(note);
        String fonts = ExternalTools.run("pdffonts", pdf.toString());
        assertThat(fonts).contains(font).doesNotContain(" no  ");
    }

    /** The fixture table: the built-in labels (the note in every language), a few outcomes in ja, ja-easy, en only. */
    private static AdviceService withoutResidentLanguages() throws Exception {
        try (var in = TakeawaySheetTest.class.getResourceAsStream("advice-without-resident-languages.json")) {
            return new AdviceService(AdviceTable.parse("advice-without-resident-languages.json", in.readAllBytes()),
                    AdvicePlaces.demo());
        }
    }

    /**
     * A table without advice in the resident's language (a municipality's own, here a test fixture) prints English
     * headed by the table's note in that language, drawn with the language's script font (embedded, subset) when
     * installed; without it, the note is printed in English naming the language, and nothing is left undrawn.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({
        "vi, Tờhướngdẫnnàychưacóbằngngônngữcủabạn, DejaVuSans",
        "pt, Estafolhaaindanãoestádisponívelnoseuidioma, DejaVuSans",
        "zh, 本说明尚无您的语言版本，现以简明日语和英语印刷。, DroidSansFallback",
        "ko, 이안내문은아직귀하의언어로제공되지않습니다., NanumGothic"})
    void aResidentLanguageWithoutAdviceFallsBackToEasyJapaneseAndEnglishAndSaysSoInThatLanguage(String language,
            String note, String font) throws Exception {
        ExternalTools.require("pdftotext", "poppler-utils");
        ExternalTools.require("pdffonts", "poppler-utils");
        CheckUpFacts facts = CheckUps.withCertificate(CheckUps.withPin(CheckUps.fine(), "auth-pin", 0),
                LocalDate.of(2022, 2, 10), LocalDate.of(2027, 2, 10));
        Advice advice = withoutResidentLanguages().advise(facts, Map.of());
        assertThat(TakeawaySheetRenderer.fallsBack(advice, language)).isTrue();
        assertThat(TakeawaySheetRenderer.languages(advice, language)).containsExactly("ja", "ja-easy", "en");
        Path pdf = dir.resolve(language + ".pdf");
        RenderReport report = new TakeawaySheetRenderer(ExternalTools.fonts()).write(advice, language, pdf);
        assertThat(report.isClean()).as("every character drawn: %s", report).isTrue();
        String all = compact(ExternalTools.run("pdftotext", "-raw", "-enc", "UTF-8", pdf.toString(), "-"));
        String fonts = ExternalTools.run("pdffonts", pdf.toString());
        assertThat(all).contains("Whattobring", "convenience", "まどぐち", "advicefixture-1");
        if (java.nio.file.Files.isRegularFile(dev.madoguchi.forms.pdf.PdfFonts.SCRIPT_FONTS.get(language))) {
            assertThat(all).contains(note);
            assertThat(all.indexOf(note)).isLessThan(all.indexOf("Whattobring"));
            assertThat(fonts).contains(font).doesNotContain(" no  ");
        } else { // the script's font is not installed here: the note in English, naming the language
            assertThat(all).contains("Thissheetisnotyetavailableinyourlanguage", "[" + language + "]");
            assertThat(all).doesNotContain(note);
        }
    }
}
