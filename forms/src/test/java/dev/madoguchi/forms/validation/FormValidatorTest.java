package dev.madoguchi.forms.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.madoguchi.demo.Resident;
import dev.madoguchi.forms.DemoInputs;
import dev.madoguchi.forms.definition.FormCatalog;
import dev.madoguchi.forms.prefill.FilledForm;
import dev.madoguchi.forms.prefill.Prefiller;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class FormValidatorTest {

    private final FormCatalog catalog = FormCatalog.builtIn();
    private final FormValidator validator = new FormValidator();

    private FilledForm tennyu(Map<String, String> interview) {
        Resident r = DemoInputs.cardHolder(name -> name.equals("佐藤") || name.equals("鈴木"));
        return new Prefiller().fill(catalog.get("jumin-ido"), "tennyu", DemoInputs.input(r, interview));
    }

    @Test
    void aCompleteMoveInHasNoErrors() {
        List<ValidationIssue> issues = validator.validate(tennyu(DemoInputs.fullInterview()), DemoInputs.TODAY);
        assertThat(issues).filteredOn(i -> i.severity() == Severity.ERROR).isEmpty();
    }

    @Test
    void aMissingLegalItemIsAnErrorNamingTheLawInJapaneseAndEnglish() {
        Map<String, String> interview = new HashMap<>(DemoInputs.fullInterview());
        interview.remove("movedOn");
        List<ValidationIssue> issues = validator.validate(tennyu(interview), DemoInputs.TODAY);
        ValidationIssue missing = issues.stream().filter(i -> "movedInOn".equals(i.fieldId())).findFirst()
                .orElseThrow();
        assertThat(missing.severity()).isEqualTo(Severity.ERROR);
        assertThat(missing.code()).isEqualTo("requiredLegal");
        assertThat(missing.message(Locale.JAPANESE))
                .isEqualTo("「転入をした年月日」は法定の記載事項です（住基法22条1項3号）。入力してください。");
        assertThat(missing.message(Locale.ENGLISH))
                .isEqualTo("\"Date of moving in\" is an item the law requires (住基法22条1項3号). Enter it.");
        assertThat(FormValidator.hasErrors(issues)).isTrue();
    }

    @Test
    void aMoveInNotifiedAfterFourteenDaysIsWarned() {
        Map<String, String> interview = new HashMap<>(DemoInputs.fullInterview());
        interview.put("movedOn", "2026-11-01");
        List<ValidationIssue> issues = validator.validate(tennyu(interview), DemoInputs.TODAY);
        assertThat(issues).filteredOn(i -> i.code().equals("deadline")).singleElement().satisfies(i -> {
            assertThat(i.severity()).isEqualTo(Severity.WARNING);
            assertThat(i.message(Locale.JAPANESE)).contains("22日").contains("14日以内");
        });
        interview.put("movedOn", "2026-11-09");
        assertThat(validator.validate(tennyu(interview), DemoInputs.TODAY)).noneMatch(i -> i.code().equals("deadline"));
    }

    @Test
    void furiganaMustBeKatakana() {
        FilledForm form = tennyu(DemoInputs.fullInterview()).withValue("nameKana", "さとう　たろう");
        assertThat(validator.validate(form, DemoInputs.TODAY))
                .anyMatch(i -> i.fieldId().equals("nameKana") && i.code().equals("kana"));
        FilledForm katakana = form.withValue("nameKana", "サトウ　タロウ");
        assertThat(validator.validate(katakana, DemoInputs.TODAY)).noneMatch(i -> i.code().equals("kana"));
    }

    @Test
    void anUnpairedSurrogateIsAnErrorBeforeAnythingIsPrintedOrSigned() {
        FilledForm form = tennyu(DemoInputs.fullInterview()).withValue("name", "田\uDF6A");
        assertThat(validator.validate(form, DemoInputs.TODAY))
                .anyMatch(i -> i.fieldId().equals("name") && i.code().equals("invalidText")
                        && i.severity() == Severity.ERROR);
    }

    @Test
    void postalCodesAndDatesAreChecked() {
        FilledForm form = tennyu(DemoInputs.fullInterview()).withValue("postalCode", "1000002")
                .withValue("movedInOn", "令和8年11月20日");
        List<ValidationIssue> issues = validator.validate(form, DemoInputs.TODAY);
        assertThat(issues).anyMatch(i -> i.fieldId().equals("postalCode") && i.code().equals("postalCode"));
        assertThat(issues).anyMatch(i -> i.fieldId().equals("movedInOn") && i.code().equals("date"));
    }

    @Test
    void aHeadOfHouseholdWhoseHeadIsSomeoneElseIsInconsistent() {
        FilledForm form = tennyu(DemoInputs.fullInterview()).withValue("relationship", "世帯主")
                .withValue("householdHead", "別人　太郎");
        assertThat(validator.validate(form, DemoInputs.TODAY))
                .anyMatch(i -> i.code().equals("householdHeadIsSelf"));
        FilledForm child = form.withValue("relationship", "子").withValue("householdHead", "");
        assertThat(validator.validate(child, DemoInputs.TODAY))
                .anyMatch(i -> i.code().equals("householdHeadMissing")
                        && i.message(Locale.ENGLISH).contains("\"子\""));
    }

    @Test
    void aForeignResidentNeedsTheItemsOfArticle30Of45() {
        Resident r = DemoInputs.foreigner();
        FilledForm form = new Prefiller().fill(catalog.get("jumin-ido"), "tenkyo",
                DemoInputs.input(r, DemoInputs.fullInterview()));
        assertThat(form.text("nationality")).isEqualTo(r.foreignResidency().nationality());
        FilledForm withoutCard = form.withValue("residenceCardNumber", "");
        assertThat(validator.validate(withoutCard, DemoInputs.TODAY))
                .anyMatch(i -> i.fieldId().equals("residenceCardNumber") && i.severity() == Severity.ERROR);
    }

    @Test
    void aCardRegisterDifferenceIsAWarningForTheClerk() {
        Resident r = DemoInputs.cardHolder(name -> name.startsWith("𠮷"));
        FilledForm form = new Prefiller().fill(catalog.get("inkan-toroku"), null, DemoInputs.input(r, Map.of()));
        assertThat(validator.validate(form, DemoInputs.TODAY)).anyMatch(i -> i.code().equals("discrepancy")
                && i.severity() == Severity.WARNING && i.message(Locale.JAPANESE).contains("代替文字"));
        // the clerk reads words, not the program's source ids
        assertThat(validator.validate(form, DemoInputs.TODAY)).filteredOn(i -> i.code().equals("discrepancy"))
                .allSatisfy(i -> assertThat(i.message(Locale.JAPANESE) + i.message(Locale.ENGLISH))
                        .contains("カードと住民記録").contains("the card and the register")
                        .doesNotContain("register.").doesNotContain("card."));
    }

    @Test
    void everyMessageCodeExistsInJapaneseAndEnglish() throws IOException {
        String source = Files.readString(Path.of("src/main/java/dev/madoguchi/forms/validation/FormValidator.java"));
        Matcher m = Pattern.compile("\"(required|requiredLegal|[a-z][A-Za-z]+)\"\\)?[,)]").matcher(source);
        Properties ja = load("messages.properties");
        Properties en = load("messages_en.properties");
        assertThat(ja.keySet()).isEqualTo(en.keySet());
        int codes = 0;
        while (m.find()) {
            String key = "validation." + m.group(1);
            if (ja.containsKey(key)) {
                codes++;
            }
        }
        assertThat(codes).isGreaterThanOrEqualTo(10);
        for (Object key : ja.keySet()) {
            assertThat(source).as("code of %s is used", key)
                    .contains("\"" + key.toString().substring("validation.".length()) + "\"");
        }
    }

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = FormValidatorTest.class.getResourceAsStream("/dev/madoguchi/forms/validation/" + name)) {
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return p;
    }
}
