package dev.madoguchi.forms.prefill;

import static org.assertj.core.api.Assertions.assertThat;

import dev.madoguchi.domain.Sex;
import dev.madoguchi.forms.definition.FormCatalog;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The 30条の45 items of 住民異動届 from a residence card's chip, beside the register's. */
class ForeignResidentPrefillTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 20);
    private static final LocalDate BORN = LocalDate.of(1994, 7, 15);
    private final Prefiller prefiller = new Prefiller();

    private static ForeignResidentItems chip(String number) {
        return new ForeignResidentItems("ベトナム", null, "3年", LocalDate.of(2029, 4, 1), number, "中長期在留者");
    }

    @Test
    void theChipFillsTheForeignResidentItemsWithItsSourceWhenThereIsNoRegisterRecord() {
        CardRead card = new CardRead("", null, BORN, Sex.FEMALE, chip("AB12345678CD"));
        FilledForm form = prefiller.fill(FormCatalog.builtIn().get("jumin-ido"), "tennyu",
                new PrefillInput(card, null, null, Map.of(), Map.of(), TODAY));
        assertThat(form.value("movers.1.nationality")).map(FilledValue::source).contains("card.nationality");
        assertThat(form.text("movers.1.nationality")).isEqualTo("ベトナム");
        assertThat(form.text("movers.1.periodOfStay")).isEqualTo("3年");
        assertThat(form.text("movers.1.stayExpiry")).isEqualTo("2029-04-01");
        assertThat(form.value("movers.1.residenceCardNumber")).map(FilledValue::source)
                .contains("card.residenceCardNumber");
        assertThat(form.text("movers.1.foreignCategory")).isEqualTo("中長期在留者");
        // the chip's status code has no published code list: not on the form from the chip
        assertThat(form.values()).doesNotContainKey("movers.1.residenceStatus");
        assertThat(form.values()).doesNotContainKey("movers.1.name");
    }

    @Test
    void aDifferenceBetweenChipAndRegisterIsFlaggedAndTheChipIsUsed() {
        CardRead card = new CardRead("", null, BORN, Sex.FEMALE, chip("AB12345678CD"));
        RegisterRecord register = new RegisterRecord("R1", "グエン ラン", "グエン　ラン", BORN, Sex.FEMALE, "見本市1",
                "999-0000", "世帯主", "グエン ラン", new ForeignResidentItems("ベトナム", "技術・人文知識・国際業務", null,
                        LocalDate.of(2026, 12, 31), "AB00000000CD", "中長期在留者"));
        FilledForm form = prefiller.fill(FormCatalog.builtIn().get("jumin-ido"), "tenkyo",
                new PrefillInput(card, register, null, Map.of(), Map.of(), TODAY));
        assertThat(form.text("movers.1.residenceCardNumber")).isEqualTo("AB12345678CD");
        assertThat(form.text("movers.1.residenceStatus")).isEqualTo("技術・人文知識・国際業務");
        assertThat(form.value("movers.1.residenceStatus")).map(FilledValue::source)
                .contains("register.residenceStatus");
        assertThat(form.discrepancies()).extracting(Discrepancy::fieldId)
                .containsExactlyInAnyOrder("residenceCardNumber", "stayExpiry");
        assertThat(form.discrepancies()).filteredOn(d -> d.fieldId().equals("stayExpiry")).singleElement()
                .satisfies(d -> {
                    assertThat(d.used()).isEqualTo("card.stayExpiry");
                    assertThat(d.other()).isEqualTo("register.stayExpiry");
                    assertThat(d.otherText()).isEqualTo("2026-12-31");
                });
    }
}
