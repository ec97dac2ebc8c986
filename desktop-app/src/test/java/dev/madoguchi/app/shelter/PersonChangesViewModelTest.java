package dev.madoguchi.app.shelter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.madoguchi.app.shelter.backlog.BacklogRow;
import dev.madoguchi.app.shelter.backlog.BacklogViewModel;
import dev.madoguchi.app.shelter.present.CorrectionViewModel;
import dev.madoguchi.app.shelter.present.PresentViewModel;
import dev.madoguchi.domain.Sex;
import dev.madoguchi.domain.shelter.Arrival;
import dev.madoguchi.domain.shelter.CareFlag;
import dev.madoguchi.domain.shelter.CareKind;
import dev.madoguchi.domain.shelter.Consent;
import dev.madoguchi.domain.shelter.Evacuee;
import dev.madoguchi.domain.shelter.IdentifiedBy;
import dev.madoguchi.domain.shelter.Present;
import dev.madoguchi.domain.shelter.PresentPerson;
import dev.madoguchi.domain.shelter.Shelter;
import dev.madoguchi.domain.shelter.Stay;
import dev.madoguchi.store.shelter.ShelterEventKind;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Correction with history, day/night presence, leaving a household and the backlog's consent column, through the view
 * models on the real encrypted store (the inline task runner), checked against what the store then holds.
 */
class PersonChangesViewModelTest {

    @TempDir
    Path dir;

    ShelterFixture fixture;
    PresentViewModel present;

    @BeforeEach
    void setUp() {
        fixture = new ShelterFixture(dir);
        fixture.records.saveShelter(new Shelter("S-01", "第一小学校", "", 300, 200, List.of("体育館"), Set.of()));
        fixture.steps.desk().chooseShelter(fixture.records.shelters().stream().filter(s -> s.id().equals("S-01"))
                .findFirst().orElseThrow());
        fixture.records.checkIn("S-01", new Arrival("H-9", Stay.SHELTER, "体育館", List.of(), "", List.of(
                person("A", "山田　花子", "ヤマダ　ハナコ", LocalDate.of(1938, 4, 1)),
                person("B", "山田　一郎", "ヤマダ　イチロウ", LocalDate.of(1970, 1, 2)))));
        fixture.records.checkIn("S-01", new Arrival("H-10", Stay.SHELTER, "体育館", List.of(), "", List.of(
                person("C", "鈴木　三", "スズキ　サン", LocalDate.of(1990, 3, 4)))));
        present = fixture.steps.present();
        present.refresh(); // by kana: スズキ サン (0), ヤマダ イチロウ (1), ヤマダ ハナコ (2)
    }

    private static Evacuee person(String id, String name, String kana, LocalDate born) {
        return new Evacuee(id, name, kana, born, Sex.FEMALE, "架空町1", "", "", IdentifiedBy.MANUAL, List.of(), "",
                null);
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    private PresentPerson stored(String personId) {
        return fixture.records.present("S-01").people().stream().filter(p -> p.personId().equals(personId))
                .findFirst().orElseThrow();
    }

    @Test
    void aCorrectionIsANewEventShownInTheHistoryAndTheEarlierOnesStay() {
        CorrectionViewModel correction = fixture.steps.correction();
        correction.open(present.person(2));
        assertThat(correction.editingProperty().get()).isTrue();
        assertThat(correction.nameProperty().get()).isEqualTo("山田　花子");
        assertThat(correction.history()).singleElement().asString().contains("受付").contains("H-9")
                .contains("shelter-terminal");

        correction.birthDateProperty().set("昭和13年4月31日"); // no such day: refused, nothing stored
        correction.save();
        assertThat(correction.errorProperty().get()).contains("生年月日");
        assertThat(fixture.records.history("S-01", "A")).hasSize(1);

        correction.nameProperty().set("山田　華子");
        correction.birthDateProperty().set("S13.4.2");
        correction.flagsProperty().set("高齢 服薬・持病:血圧 アレルギー:卵");
        correction.injuryProperty().set("右足のねんざ");
        correction.consentFamilyProperty().set(true);
        correction.consentOthersProperty().set(true);
        correction.stayProperty().set(Stay.CAR);
        correction.save();
        assertThat(correction.errorProperty().get()).isEmpty();
        assertThat(correction.messageProperty().get()).contains("山田　華子");
        assertThat(correction.history()).hasSize(2);
        assertThat(correction.history().get(1)).contains("訂正");

        PresentPerson now = stored("A");
        assertThat(now.person().name()).isEqualTo("山田　華子");
        assertThat(now.person().birthDate()).isEqualTo(LocalDate.of(1938, 4, 2));
        assertThat(now.person().flags()).containsExactly(CareFlag.of(CareKind.ELDERLY),
                new CareFlag(CareKind.MEDICATION, "血圧"), new CareFlag(CareKind.ALLERGY, "卵"));
        assertThat(now.person().injury()).isEqualTo("右足のねんざ");
        assertThat(now.person().consent()).isEqualTo(new Consent(true, false, true));
        assertThat(now.stay()).isEqualTo(Stay.CAR);
        assertThat(now.space()).isEmpty();
        assertThat(now.householdId()).isEqualTo("H-9");
        assertThat(fixture.records.history("S-01", "A")).extracting(PersonEvent::kind)
                .containsExactly(ShelterEventKind.CHECK_IN, ShelterEventKind.CORRECT);
        assertThat(present.rows()).anyMatch(r -> r.contains("山田　華子") && r.contains("車中泊"));
        correction.close();
        assertThat(correction.editingProperty().get()).isFalse();
    }

    @Test
    void dayAndNightPresenceIsToggledForAPersonOrTheWholeHouseholdAndCountedAtOnce() {
        assertThat(present.countsProperty().get()).contains("昼 3人").contains("夜 3人");
        present.toggleDay(2); // 山田 花子 away by day: 夜間のみ
        assertThat(present.countsProperty().get()).contains("昼 2人").contains("夜 3人");
        assertThat(present.rows().get(2)).contains("日中 不在").contains("夜間 いる");
        assertThat(stored("A").day()).isFalse();
        assertThat(stored("B").day()).isTrue();

        present.wholeHouseholdProperty().set(true);
        present.toggleNight(1); // 山田 一郎's household H-9 away by night
        assertThat(present.messageProperty().get()).contains("H-9").contains("2人");
        assertThat(present.countsProperty().get()).contains("昼 2人").contains("夜 1人");
        assertThat(List.of(stored("A").night(), stored("B").night(), stored("C").night()))
                .containsExactly(false, false, true);
        assertThat(fixture.records.history("S-01", "B")).extracting(PersonEvent::kind)
                .containsExactly(ShelterEventKind.CHECK_IN, ShelterEventKind.PRESENCE);
    }

    @Test
    void aPersonLeavesTheirHouseholdForOneOfTheirOwnOrAnotherPresentHousehold() {
        assertThat(present.households()).containsExactly("", "H-10", "H-9");
        present.joinProperty().set("H-9");
        present.leaveHousehold(1); // already in H-9
        assertThat(present.errorProperty().get()).isNotEmpty();

        present.joinProperty().set("");
        present.leaveHousehold(1); // 山田 一郎 on his own
        String own = stored("B").householdId();
        assertThat(own).startsWith("H-").isNotIn("H-9", "H-10");
        assertThat(present.messageProperty().get()).contains(own);
        Present now = fixture.records.present("S-01");
        assertThat(now.households()).isEqualTo(3);
        assertThat(present.countsProperty().get()).contains("3世帯");

        present.joinProperty().set("H-10");
        present.leaveHousehold(2); // 山田 花子 joins 鈴木's household
        assertThat(stored("A").householdId()).isEqualTo("H-10");
        assertThat(fixture.records.present("S-01").households()).isEqualTo(2);
        assertThat(fixture.records.history("S-01", "A")).extracting(PersonEvent::kind, PersonEvent::household)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ShelterEventKind.CHECK_IN, "H-9"),
                        org.assertj.core.groups.Tuple.tuple(ShelterEventKind.LEAVE_HOUSEHOLD, "H-10"));
    }

    @Test
    void backlogRowsCarryTheirConsentTypedAsThreeLettersAndBlankIsNoConsent() {
        BacklogViewModel backlog = fixture.steps.backlog();
        backlog.start();
        type(backlog.rows().get(0), "K-1", "佐藤　一", "", "S20.1.1", "男", "", "", "", "yny");
        type(backlog.addRow(), "K-1", "佐藤　二", "", "S22.2.2", "女", "", "", "", "");
        type(backlog.addRow(), "K-2", "佐藤　三", "", "S23.3.3", "女", "", "", "", "ｙｙ"); // two letters
        type(backlog.addRow(), "K-3", "佐藤　四", "", "S24.4.4", "女", "", "", "", "○×Ｎ");
        assertThat(backlog.rows()).extracting(r -> r.stateProperty().get()).containsExactly(BacklogRow.State.READY,
                BacklogRow.State.READY, BacklogRow.State.BAD, BacklogRow.State.READY);
        assertThat(backlog.rows().get(2).statusProperty().get()).contains("同意");
        backlog.save();
        List<PresentPerson> people = fixture.records.present("S-01").people();
        assertThat(consentOf(people, "佐藤　一")).isEqualTo(new Consent(true, false, true));
        assertThat(consentOf(people, "佐藤　二")).isEqualTo(Consent.NONE);
        assertThat(consentOf(people, "佐藤　四")).isEqualTo(new Consent(true, false, false));
        assertThat(people).noneMatch(p -> p.person().name().equals("佐藤　三"));
    }

    private static Consent consentOf(List<PresentPerson> people, String name) {
        return people.stream().filter(p -> p.person().name().equals(name)).findFirst().orElseThrow().person()
                .consent();
    }

    private static void type(BacklogRow row, String... values) {
        for (int i = 0; i < values.length; i++) {
            row.fields()[i].set(values[i]);
        }
    }
}
