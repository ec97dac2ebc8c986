package dev.madoguchi.forms.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.madoguchi.forms.definition.FormCatalog;
import dev.madoguchi.forms.prefill.FilledForm;
import dev.madoguchi.forms.prefill.FormData;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResidentCodeTest {

    @Test
    void theCheckDigitIsModulus11OverTheTenDigitsWithWeightsTwoToSevenFromTheRight() {
        // 1234567890: from the right 0·2 + 9·3 + 8·4 + 7·5 + 6·6 + 5·7 + 4·2 + 3·3 + 2·4 + 1·5 = 195; 195 mod 11 = 8
        assertThat(ResidentCode.checkDigit("1234567890")).isEqualTo(3);
        assertThat(ResidentCode.checkDigitValid("12345678903")).isTrue();
        assertThat(ResidentCode.checkDigitValid("12345678901")).isFalse();
        // remainder 0 or 1 gives 0: 0000000000 → 0; 1000000000 → 5 (weight of the 10th digit) → 11 − 5 = 6
        assertThat(ResidentCode.checkDigit("0000000000")).isZero();
        assertThat(ResidentCode.checkDigit("1000000000")).isEqualTo(6);
        // 0000000005: 5·2 = 10 → 11 − 10 = 1; 0000000006: 12 mod 11 = 1 → 0
        assertThat(ResidentCode.checkDigit("0000000005")).isEqualTo(1);
        assertThat(ResidentCode.checkDigit("0000000006")).isZero();
        assertThat(ResidentCode.isWellFormed("1234567890")).isFalse();
        assertThat(ResidentCode.isWellFormed("１２３４５６７８９０３")).isFalse();
    }

    @Test
    void everyDemoResidentCodeHasAValidCheckDigit() {
        // the demo counter's forms would otherwise warn on every visit
        assertThat(dev.madoguchi.forms.DemoInputs.municipality().residents())
                .allSatisfy(r -> assertThat(ResidentCode.checkDigitValid(r.residentCode())).as(r.id()).isTrue());
    }

    @Test
    void eachMoverIsCheckedOnItsOwnRow() {
        String json = """
                {"form": "jumin-ido", "variant": "tennyu", "values": {
                  "notifiedOn": "2026-11-23", "notifier": "世帯主", "notifierName": "𠮷田　太郎",
                  "householdHead": "𠮷田　太郎", "address": "架空県窓口市本町二丁目３番４号",
                  "previousAddress": "東京都千代田区霞が関一丁目１番１号", "movedInOn": "2026-11-24",
                  "movers": [
                    {"name": "𠮷田　太郎", "nameKana": "ヨシダ　タロウ", "birthDate": "1980-02-17", "sex": "男",
                     "relationship": "世帯主", "residentCode": "12345678903"},
                    {"name": "𠮷田　花子", "nameKana": "よしだ", "birthDate": "1982-05-01", "sex": "女",
                     "relationship": "妻", "residentCode": "12345678901"},
                    {"name": "𠮷田　一郎", "birthDate": "2010-01-01", "relationship": "子", "residentCode": "123",
                     "nationality": "ブラジル"}
                  ]}}
                """;
        FilledForm form = FormData.parse("t", json.getBytes(StandardCharsets.UTF_8))
                .fill(FormCatalog.builtIn().get("jumin-ido"));
        List<ValidationIssue> issues = new FormValidator().validate(form, LocalDate.of(2026, 11, 23));
        assertThat(issues).anyMatch(i -> i.fieldId().equals("movers.2.residentCode")
                && i.code().equals("residentCodeCheckDigit") && i.severity() == Severity.WARNING
                && i.message(java.util.Locale.JAPANESE).contains("異動者2・住民票コード"));
        assertThat(issues).anyMatch(i -> i.fieldId().equals("movers.3.residentCode")
                && i.code().equals("residentCode") && i.severity() == Severity.ERROR);
        assertThat(issues).noneMatch(i -> i.fieldId().equals("residentCode"));
        assertThat(issues).anyMatch(i -> i.fieldId().equals("movers.2.nameKana") && i.code().equals("kana"));
        assertThat(issues).anyMatch(i -> i.fieldId().equals("movers.3.residenceStatus")
                && i.code().equals("requiredLegal"));
        assertThat(issues).anyMatch(i -> i.fieldId().equals("movers.3.nameKana") && i.code().equals("required"));
        assertThat(issues).anyMatch(i -> i.fieldId().equals("movedInOn") && i.code().equals("afterToday")
                && i.severity() == Severity.ERROR);
        assertThat(issues).noneMatch(i -> i.fieldId().startsWith("movers.4"));
    }

    @Test
    void aMoveInMoreThanFourteenDaysAgoIsAWarningWithItsLegalDeadline() {
        FilledForm form = FormData.parse("t", """
                {"form": "jumin-ido", "variant": "tennyu", "values": {"notifiedOn": "2026-11-23",
                 "movedInOn": "2026-11-01", "movers": [{"name": "𠮷田　太郎"}]}}
                """.getBytes(StandardCharsets.UTF_8)).fill(FormCatalog.builtIn().get("jumin-ido"));
        assertThat(new FormValidator().validate(form, LocalDate.of(2026, 11, 23)))
                .anyMatch(i -> i.fieldId().equals("movedInOn") && i.code().equals("deadline")
                        && i.severity() == Severity.WARNING && i.message(java.util.Locale.JAPANESE).contains("14日以内"));
    }
}
