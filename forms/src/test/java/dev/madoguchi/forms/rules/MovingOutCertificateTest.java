package dev.madoguchi.forms.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.madoguchi.forms.definition.FormCatalog;
import dev.madoguchi.forms.prefill.FilledForm;
import dev.madoguchi.forms.prefill.FormData;
import dev.madoguchi.forms.validation.FormValidator;
import dev.madoguchi.forms.validation.Severity;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The 転出証明書: proposed for a 転出 unless the My Number Card special rule is used, one row per person moving out. */
class MovingOutCertificateTest {

    private final LifeEventService service = new LifeEventService(LifeEventRules.builtIn());

    @Test
    void aMoveOutProposesThePaperCertificateOnlyWithoutTheSpecialRuleAndWhenUnsureToBeSafe() {
        assertThat(service.plan("tenshutsu", Map.of("paperCertificate", "yes")).procedures())
                .extracting(ProposedProcedure::id).contains("tenshutsu-shomei");
        assertThat(service.plan("tenshutsu", Map.of("paperCertificate", "no")).procedures())
                .extracting(ProposedProcedure::id).doesNotContain("tenshutsu-shomei");
        ProposedProcedure unsure = service.plan("tenshutsu", Map.of()).procedures().stream()
                .filter(p -> p.id().equals("tenshutsu-shomei")).findFirst().orElseThrow();
        assertThat(unsure.isUncertain()).isTrue();
        assertThat(unsure.form()).isEqualTo("tenshutsu-shomei");
        assertThat(unsure.reason().ja()).contains("特例");
    }

    @Test
    void everyPersonMovingOutIsARowAndTheLegalItemsAreRequired() {
        String json = """
                {"form": "tenshutsu-shomei", "values": {
                  "issuedOn": "2026-11-20", "issuer": "窓口市長", "address": "架空県窓口市本町二丁目３番４号",
                  "householdHead": "𠮷田　太郎", "plannedMoveOutOn": "2026-11-30",
                  "movers": [
                    {"name": "𠮷田　太郎", "nameKana": "ヨシダ　タロウ", "birthDate": "1980-02-17", "sex": "男",
                     "relationship": "世帯主", "residentCode": "12345678903"},
                    {"name": "𠮷田　花子", "nameKana": "ヨシダ　ハナコ", "birthDate": "1982-05-01", "sex": "女",
                     "relationship": "妻", "residentCode": "10000000006"}
                  ]}}
                """;
        FilledForm form = FormData.parse("t", json.getBytes(StandardCharsets.UTF_8))
                .fill(FormCatalog.builtIn().get("tenshutsu-shomei"));
        assertThat(form.rowCount("movers")).isEqualTo(2);
        assertThat(form.sheets()).isEqualTo(1);
        var issues = new FormValidator().validate(form, LocalDate.of(2026, 11, 20));
        assertThat(issues).filteredOn(i -> i.severity() == Severity.ERROR).extracting(i -> i.fieldId())
                .containsExactly("destination");
        assertThat(form.definition().groups().get(0).rowsPerSheet()).isEqualTo(5);
    }
}
