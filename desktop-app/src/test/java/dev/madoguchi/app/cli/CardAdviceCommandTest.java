package dev.madoguchi.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.madoguchi.app.Main;
import dev.madoguchi.card.simulated.VolunteerDemoCards;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code madoguchi card advice} against the volunteer demo cards on the simulated reader. */
class CardAdviceCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    private record Run(int code, String out, String err) {
        JsonNode json() throws Exception {
            return JSON.readTree(out);
        }

        List<String> outcomes() throws Exception {
            List<String> ids = new ArrayList<>();
            json().get("advice").forEach(a -> ids.add(a.get("id").asText()));
            return ids;
        }
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = Stream.concat(Stream.of("--data-dir", dataDir.toString()), Stream.of(args)).toArray(String[]::new);
        int code = Main.run(all, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    /** Nothing of the fictional holder, the card number or the issuing municipality, in any output. */
    private static void assertNothingPersonal(String output) {
        assertThat(output).doesNotContain("見本", "一郎", "架空県窓口市本町１", "1950", "123456789018",
                "999999999999999", "\"99999\"", "AB12345678CD", VolunteerDemoCards.AUTH_PIN,
                "\"" + VolunteerDemoCards.TEXT_PIN + "\"", VolunteerDemoCards.SIGN_PASSWORD);
        assertThat(output).doesNotContain("\"name\":\"見", "\"address\":\"架", "birthDate", "myNumber\"", "serial",
                "municipalityCode");
    }

    @Test
    void aFineCardAsJsonWithIsoDatesAndNothingPersonal() throws Exception {
        Run run = run("card", "advice", "--demo-card", VolunteerDemoCards.FINE, "--json");
        assertThat(run.code()).as(run.err()).isZero();
        JsonNode json = run.json();
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Tokyo"));
        assertThat(json.get("cardType").asText()).isEqualTo("my-number-card");
        assertThat(json.get("checkedOn").asText()).isEqualTo(today.toString());
        assertThat(json.get("pins")).hasSize(4);
        assertThat(json.get("pins").get(1).get("kind").asText()).isEqualTo("auth-pin");
        assertThat(json.get("pins").get(1).get("triesLeft").asInt()).isEqualTo(3);
        assertThat(json.get("authCertificate").get("validUntil").asText()).isEqualTo(today.plusYears(3).toString());
        assertThat(json.get("authCertificate").get("status").asText()).isEqualTo("FINE");
        assertThat(json.get("cardValidity").get("expiry").asText()).isEqualTo(today.plusYears(8).toString());
        assertThat(json.get("apdus").asInt()).isBetween(10, 40);
        assertThat(run.outcomes()).containsExactly("all-fine");
        assertThat(json.get("adviceTable").get("version").asText()).isEqualTo("1.2.0");
        assertNothingPersonal(run.out());
    }

    @Test
    void aLockedAuthPinWithTheSignPasswordKnownSendsToTheConvenienceStoreInEnglish() throws Exception {
        Run run = run("card", "advice", "--demo-card", VolunteerDemoCards.AUTH_PIN_LOCKED, "--json", "--lang", "en",
                "--answer", "knowsSignPassword=yes");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.outcomes()).containsExactly("auth-pin-locked-store");
        JsonNode item = run.json().get("advice").get(0);
        assertThat(item.get("title").asText()).contains("convenience store");
        assertThat(item.get("place").get("id").asText()).isEqualTo("convenience-store");
        assertThat(run.json().get("pins").get(1).get("state").asText()).isEqualTo("locked");
        assertNothingPersonal(run.out());
    }

    @Test
    void withoutAnAnswerBothWaysAreShownWithTheDecidingQuestion() throws Exception {
        Run run = run("card", "advice", "--demo-card", VolunteerDemoCards.AUTH_PIN_LOCKED, "--json");
        assertThat(run.outcomes()).containsExactly("auth-pin-locked-store", "auth-pin-locked-counter");
        assertThat(run.json().get("advice").get(0).get("dependsOn").get(0).get("question").asText())
                .isEqualTo("knowsSignPassword");
        assertThat(run.json().get("advice").get(1).get("place").get("hours").asText()).contains("8:30");
    }

    @Test
    void aTextPinAtOneTryAndACertificateInItsRenewalWindow() throws Exception {
        assertThat(run("card", "advice", "--demo-card", VolunteerDemoCards.TEXT_PIN_ONE_TRY, "--json").outcomes())
                .containsExactly("pin-tries-low");
        Run renewal = run("card", "advice", "--demo-card", VolunteerDemoCards.CERTIFICATE_RENEWAL, "--json");
        assertThat(renewal.outcomes()).containsExactly("certificate-renewal-window");
        LocalDate until = LocalDate.now(ZoneId.of("Asia/Tokyo")).plusDays(40);
        assertThat(renewal.json().get("authCertificate").get("renewalOpens").asText())
                .isEqualTo(until.minusMonths(3).toString());
        assertThat(run("card", "advice", "--demo-card", VolunteerDemoCards.CERTIFICATE_EXPIRED, "--json").outcomes())
                .containsExactly("certificate-expired");
    }

    @Test
    void cardsThatAreNoMyNumberCardAreNamed() throws Exception {
        Run transit = run("card", "advice", "--demo-card", VolunteerDemoCards.NOT_A_MY_NUMBER_CARD, "--json");
        assertThat(transit.code()).as(transit.err()).isZero();
        assertThat(transit.json().get("cardType").asText()).isEqualTo("unknown");
        assertThat(transit.outcomes()).containsExactly("not-a-card-read");
        // a smartphone held to the reader names itself by its JPKI token label (docs/volunteer.md §8): named a phone,
        // with the phone's advice, and nothing read or counted
        Run phone = run("card", "advice", "--demo-card", VolunteerDemoCards.SMARTPHONE, "--json", "--lang", "en");
        assertThat(phone.code()).as(phone.err()).isZero();
        assertThat(phone.json().get("cardType").asText()).isEqualTo("smartphone-android");
        assertThat(phone.json().get("myNumberCard").asBoolean()).isFalse();
        assertThat(phone.json().get("pins")).isEmpty();
        assertThat(phone.json().get("apdus").asInt()).isEqualTo(5);
        assertThat(phone.outcomes()).containsExactly("smartphone-android");
        assertThat(phone.json().get("advice").get(0).get("title").asText())
                .isEqualTo("This is a smartphone (Android) with the My Number Card function");
        assertThat(phone.json().get("advice").get(0).get("advice").asText())
                .contains("Mynaportal app", "separate from the card's PINs", "place the My Number Card");
        Run iphone = run("card", "advice", "--demo-card", VolunteerDemoCards.IPHONE, "--json");
        assertThat(iphone.json().get("cardType").asText()).isEqualTo("smartphone-iphone");
        assertThat(iphone.outcomes()).containsExactly("smartphone-iphone");
        assertNothingPersonal(iphone.out());
        Run residence = run("card", "advice", "--demo-card", VolunteerDemoCards.RESIDENCE_CARD, "--json");
        assertThat(residence.json().get("cardType").asText()).isEqualTo("residence-card-2");
        assertThat(residence.outcomes()).containsExactly("residence-card");
        assertThat(residence.json().get("pins")).isEmpty();
        assertNothingPersonal(residence.out());
    }

    @Test
    void aCorruptRecordExitsAsAnUnusableCardWithItsCode() {
        Run run = run("card", "advice", "--demo-card", VolunteerDemoCards.CORRUPT_RECORD, "--json");
        assertThat(run.code()).isEqualTo(CardCommand.UNUSABLE_CARD);
        assertThat(run.out() + run.err()).contains("CARD-012");
    }

    @Test
    void theTextOutputIsJapaneseByDefaultAndPlainInEasyJapanese() {
        Run ja = run("card", "advice", "--demo-card", VolunteerDemoCards.TEXT_PIN_ONE_TRY);
        assertThat(ja.code()).as(ja.err()).isZero();
        assertThat(ja.out()).contains("マイナンバーカードの確認結果", "残り回数 1/3", "これからすること");
        assertNothingPersonal(ja.out());
        Run easy = run("card", "advice", "--demo-card", VolunteerDemoCards.FINE, "--lang", "ja-easy");
        assertThat(easy.out()).contains("だいじょうぶです").doesNotContain("{", "|");
    }

    @Test
    void writesTheTakeawaySheetWithTheResidentsLanguage() throws Exception {
        dev.madoguchi.app.pdf.PdfProbe.require(dev.madoguchi.forms.pdf.FontFiles.debian().firstMissing() == null,
                "the Debian fonts");
        Path pdf = dataDir.resolve("sheet.pdf");
        Run run = run("card", "advice", "--demo-card", VolunteerDemoCards.AUTH_PIN_LOCKED, "--json", "--sheet",
                pdf.toString(), "--resident-lang", "en");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.json().get("sheet").get("languages").toString()).isEqualTo("[\"ja\",\"ja-easy\",\"en\"]");
        byte[] bytes = java.nio.file.Files.readAllBytes(pdf);
        assertThat(new String(bytes, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(run.json().get("sheet").get("pages").asInt()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void theTakeawaySheetPrintsVietnameseForAVietnameseResident() throws Exception {
        dev.madoguchi.app.pdf.PdfProbe.require(dev.madoguchi.forms.pdf.FontFiles.debian().firstMissing() == null,
                "the Debian fonts");
        dev.madoguchi.app.pdf.PdfProbe.require(java.nio.file.Files.isRegularFile(
                dev.madoguchi.forms.pdf.PdfFonts.SCRIPT_FONTS.get("vi")), "DejaVu Sans (fonts-dejavu-core)");
        Path pdf = dataDir.resolve("sheet-vi.pdf");
        Run run = run("card", "advice", "--demo-card", VolunteerDemoCards.AUTH_PIN_LOCKED, "--json", "--sheet",
                pdf.toString(), "--resident-lang", "vi");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.json().get("sheet").get("languages").toString()).isEqualTo("[\"ja\",\"ja-easy\",\"vi\"]");
    }

    @Test
    void anUnknownLanguageOrAnswerIsAUsageError() {
        assertThat(run("card", "advice", "--demo-card", VolunteerDemoCards.FINE, "--lang", "fr").code()).isEqualTo(2);
        assertThat(run("card", "advice", "--demo-card", VolunteerDemoCards.FINE, "--answer", "knowsPin=yes").code())
                .isEqualTo(2);
    }
}
