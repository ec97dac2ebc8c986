package dev.madoguchi.forms.prefill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.madoguchi.demo.Resident;
import dev.madoguchi.forms.DemoInputs;
import dev.madoguchi.forms.definition.FormCatalog;
import dev.madoguchi.forms.definition.FormDefinition;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrefillerTest {

    private final FormCatalog catalog = FormCatalog.builtIn();
    private final Prefiller prefiller = new Prefiller();

    @Test
    void eachFieldRemembersWhichSourceItCameFrom() {
        Resident r = DemoInputs.cardHolder(name -> name.equals("佐藤") || name.equals("鈴木"));
        FilledForm form = prefiller.fill(catalog.get("jumin-ido"), "tenkyo",
                DemoInputs.input(r, DemoInputs.fullInterview()));
        assertThat(form.value("name")).map(FilledValue::source).contains("register.name");
        assertThat(form.text("name")).isEqualTo(r.fullName());
        assertThat(form.value("nameKana")).map(FilledValue::source).contains("register.nameKana");
        assertThat(form.value("previousAddress")).map(FilledValue::source).contains("register.address");
        assertThat(form.text("previousAddress")).isEqualTo(r.address());
        assertThat(form.value("address")).map(FilledValue::source).contains("interview.newAddress");
        assertThat(form.value("movedWithinOn")).map(FilledValue::source).contains("interview.movedOn");
        assertThat(form.value("notifiedOn")).map(FilledValue::source).contains("office.today");
        assertThat(form.text("notifiedOn")).isEqualTo("2026-11-23");
        assertThat(form.values()).doesNotContainKeys("destination", "movedInOn");
        assertThat(form.discrepancies()).isEmpty();
    }

    @Test
    void aSubstituteCharacterOnTheCardIsFlaggedAndTheRegisterTextKept() {
        Resident r = DemoInputs.cardHolder(name -> name.startsWith("𠮷"));
        assertThat(r.card().nameOnCard()).startsWith("吉");
        FilledForm form = prefiller.fill(catalog.get("inkan-toroku"), null, DemoInputs.input(r, Map.of()));
        assertThat(form.text("name")).isEqualTo(r.fullName()).startsWith("𠮷");
        assertThat(form.discrepancies()).singleElement().satisfies(d -> {
            assertThat(d.fieldId()).isEqualTo("name");
            assertThat(d.used()).isEqualTo("register.name");
            assertThat(d.usedText()).isEqualTo(r.fullName());
            assertThat(d.other()).isEqualTo("card.name");
            assertThat(d.otherText()).isEqualTo(r.card().nameOnCard());
            assertThat(d.onlyInForm()).isFalse();
        });
    }

    @Test
    void theHeadOfTheHouseholdTheMoversFormFillsTheHeadOfHouseholdOfTheMoveInAndTheNationalHealthInsuranceForms() {
        Resident r = DemoInputs.cardHolder(name -> name.startsWith("髙"));
        PrefillInput full = DemoInputs.input(r, Map.of());
        // a 転入: no register record, no register household; the head comes from the 転出証明書 or the clerk's choice
        PrefillInput moveIn = new PrefillInput(full.card(), null, null, Map.of(), Map.of(), DemoInputs.TODAY,
                "山田\u3000花子");
        for (String[] form : new String[][] {{"jumin-ido", "tennyu"}, {"kokuho-ido", null}}) {
            FilledForm filled = prefiller.fill(catalog.get(form[0]), form[1], moveIn);
            assertThat(filled.value("householdHead")).as(form[0]).map(FilledValue::source)
                    .contains("household.newHead");
            assertThat(filled.text("householdHead")).as(form[0]).isEqualTo("山田\u3000花子");
        }
        PrefillInput none = new PrefillInput(full.card(), null, null, Map.of(), Map.of(), DemoInputs.TODAY);
        assertThat(prefiller.fill(catalog.get("kokuho-ido"), null, none).value("householdHead"))
                .as("no head known: nothing invented").isEmpty();
        assertThat(moveIn.toString()).doesNotContain("山田");
    }

    @Test
    void withoutARegisterRecordTheCardFillsTheField() {
        Resident r = DemoInputs.cardHolder(name -> name.startsWith("髙"));
        PrefillInput full = DemoInputs.input(r, Map.of());
        PrefillInput cardOnly = new PrefillInput(full.card(), null, null, Map.of(), Map.of(), DemoInputs.TODAY);
        FilledForm form = prefiller.fill(catalog.get("inkan-toroku"), null, cardOnly);
        assertThat(form.value("name")).map(FilledValue::source).contains("card.name");
        assertThat(form.text("name")).isEqualTo(r.card().nameOnCard());
        assertThat(form.discrepancies()).isEmpty();
    }

    @Test
    void aClerkCorrectionIsMarkedAsTheClerks() {
        Resident r = DemoInputs.cardHolder(name -> name.startsWith("渡"));
        FilledForm form = prefiller.fill(catalog.get("inkan-toroku"), null, DemoInputs.input(r, Map.of()))
                .withValue("name", "渡邉　一郎");
        assertThat(form.value("name")).map(FilledValue::source).contains(FilledValue.CLERK);
    }

    @Test
    void aVariantIsRequiredForTheResidenceChangeForm() {
        FormDefinition form = catalog.get("jumin-ido");
        PrefillInput input = DemoInputs.input(DemoInputs.cardHolder(n -> true), Map.of());
        assertThatThrownBy(() -> prefiller.fill(form, null, input)).hasMessageContaining("tennyu, tenkyo, tenshutsu");
        assertThatThrownBy(() -> prefiller.fill(form, "tennyuu", input)).hasMessageContaining("'tennyuu'");
    }

    @Test
    void toStringsPrintNoNamesOrAddresses() {
        Resident r = DemoInputs.cardHolder(name -> name.startsWith("𠮷"));
        PrefillInput input = DemoInputs.input(r, Map.of());
        FilledForm form = prefiller.fill(catalog.get("inkan-toroku"), null, input);
        String all = input + " " + input.card() + " " + input.register() + " " + input.household() + " " + form
                + " " + form.values() + " " + form.discrepancies();
        assertThat(all).doesNotContain(r.familyName()).doesNotContain(r.givenName()).doesNotContain("吉")
                .doesNotContain(r.address().substring(0, 4)).doesNotContain(r.residentCode());
    }

    @Test
    void aDataFileWithAFieldTheFormLacksIsRejected() {
        FormData data = FormData.parse("data.json", """
                {"form": "inkan-toroku", "values": {"name": "𠮷田　太郎", "nmae": "x"}}
                """.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThatThrownBy(() -> data.fill(catalog.get("inkan-toroku"))).hasMessageContaining("no field 'nmae'");
    }
}
