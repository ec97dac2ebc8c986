package dev.madoguchi.app.shelter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.madoguchi.app.shelter.screen.ShelterSteps;
import dev.madoguchi.demo.Resident;
import dev.madoguchi.domain.Sex;
import dev.madoguchi.domain.shelter.CareFlag;
import dev.madoguchi.domain.shelter.CareKind;
import dev.madoguchi.domain.shelter.Consent;
import dev.madoguchi.domain.shelter.Evacuee;
import dev.madoguchi.domain.shelter.IdentifiedBy;
import dev.madoguchi.domain.shelter.Present;
import dev.madoguchi.domain.shelter.PresentPerson;
import dev.madoguchi.domain.shelter.Shelter;
import dev.madoguchi.domain.shelter.Stay;
import dev.madoguchi.forms.qr.PreRegistration;
import dev.madoguchi.forms.qr.PreRegistrationCodec;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The check-in steps' view models, without the toolkit: real store (register), real simulated reader, inline lanes. */
class CheckInViewModelTest {

    @TempDir
    Path dir;

    ShelterFixture fixture;
    ShelterSteps steps;
    CheckInCoordinator desk;

    @BeforeEach
    void setUp() {
        fixture = new ShelterFixture(dir);
        steps = fixture.steps;
        desk = steps.desk();
        fixture.records.saveShelter(new Shelter("S-01", "第一小学校体育館", "", 300, 200, List.of("体育館", "教室2"),
                Set.of()));
        steps.choice().load();
        steps.choice().choose(indexOf("S-01"));
    }

    private int indexOf(String shelterId) {
        List<String> lines = steps.choice().lines();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("（" + shelterId + "）")) {
                return i;
            }
        }
        throw new AssertionError(shelterId + " not in " + lines);
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    private Resident withCard() {
        return fixture.cardHolder(r -> r.card().textPinTriesLeft() == 3 && r.foreignResidency() == null);
    }

    @Test
    void aShelterIsChosenFromTheListOrCreatedOnTheSpot() {
        assertThat(desk.step()).isEqualTo(CheckInStep.IDENTIFY);
        assertThat(desk.shelterProperty().get().id()).isEqualTo("S-01");
        desk.update(desk.checkIn().withStep(CheckInStep.CHOOSE_SHELTER));
        steps.choice().newIdProperty().set("ＳＸ－９"); // full-width, as typed with the IME on
        steps.choice().newNameProperty().set("臨時避難所 公民館");
        steps.choice().newCapacityProperty().set("８０");
        steps.choice().newSpacesProperty().set("和室、ホール");
        steps.choice().create();
        assertThat(desk.shelterProperty().get().id()).isEqualTo("SX-9");
        assertThat(desk.shelterProperty().get().spaces()).containsExactly("和室", "ホール");
        assertThat(indexOf("SX-9")).isNotNegative();
        assertThat(desk.step()).isEqualTo(CheckInStep.IDENTIFY);
    }

    @Test
    void aHouseholdOfThreeByCardQrAndHandWithAnAllergyAndADogIsStoredAsOneArrival() throws Exception {
        Resident r = withCard();
        fixture.putCard(r);
        assertThat(desk.step()).isEqualTo(CheckInStep.PIN_ENTRY);
        assertThat(steps.identify().pinTriesTextProperty().get()).contains("3");
        fixture.typePin(r.card().textPin());
        steps.identify().submitPin();
        assertThat(desk.step()).isEqualTo(CheckInStep.MATCH); // offered, not picked
        assertThat(desk.checkIn().current().residentId()).isEmpty();
        steps.match().confirm(0);
        assertThat(desk.step()).isEqualTo(CheckInStep.PERSON);
        assertThat(desk.checkIn().current().residentId()).isEqualTo(r.id());
        steps.person().detail(CareKind.ALLERGY).set("卵");
        steps.person().consentFamilyProperty().set(true);
        steps.person().done();
        assertThat(desk.step()).isEqualTo(CheckInStep.HOUSEHOLD);
        fixture.takeCard();

        steps.household().addPerson();
        PreRegistration pre = new PreRegistration("髙﨑　𠮷子", "タカサキ　ヨシコ", LocalDate.of(1938, 4, 1), Sex.FEMALE,
                "他県架空町1-2", "090-0000-0000", List.of(CareFlag.of(CareKind.ELDERLY)),
                new Consent(true, true, false), "", fixture.clock.instant());
        steps.identify().scannedProperty().set(new PreRegistrationCodec().encodeSigned(pre, fixture.municipalityKey)
                + "\r");
        steps.identify().submitScan();
        assertThat(desk.step()).isEqualTo(CheckInStep.PERSON); // nobody of that birth date and name in the register
        assertThat(desk.messageProperty().get()).contains("架空市");
        assertThat(steps.person().flag(CareKind.ELDERLY).get()).isTrue();
        assertThat(steps.person().consentAcquaintancesProperty().get()).isTrue();
        steps.person().done();

        steps.household().addPerson();
        steps.identify().enterManually();
        steps.identify().nameProperty().set("髙﨑　太郎");
        steps.identify().birthDateProperty().set("H30.5.1");
        assertThat(steps.identify().birthDateReadingProperty().get()).contains("2018-05-01");
        steps.identify().submitManual();
        steps.person().flag(CareKind.INFANT).set(true);
        steps.person().done();

        steps.household().petSpeciesProperty().set("犬");
        steps.household().petCountProperty().set("1");
        steps.household().petWhereProperty().set("屋外ケージ");
        steps.household().addPet();
        steps.household().vehicleProperty().set("品川500あ1234");
        steps.household().confirm();

        assertThat(desk.step()).isEqualTo(CheckInStep.DONE);
        Present present = fixture.records.present("S-01");
        assertThat(present.present()).isEqualTo(3);
        assertThat(present.households()).isEqualTo(1);
        PresentPerson first = present.people().stream().filter(p -> p.personId().equals("P-1")).findFirst()
                .orElseThrow();
        assertThat(first.householdId()).isEqualTo("H-2"); // H-1 was the household before the shelter was chosen
        assertThat(first.stay()).isEqualTo(Stay.SHELTER);
        assertThat(first.space()).isEqualTo("体育館");
        assertThat(first.pets()).singleElement().satisfies(p -> {
            assertThat(p.species()).isEqualTo("犬");
            assertThat(p.where()).isEqualTo("屋外ケージ");
        });
        assertThat(first.vehicle()).isEqualTo("品川500あ1234");
        List<Evacuee> members = present.people().stream().map(PresentPerson::person)
                .sorted(java.util.Comparator.comparing(Evacuee::personId)).toList();
        assertThat(members).extracting(Evacuee::identifiedBy)
                .containsExactly(IdentifiedBy.CARD, IdentifiedBy.QR, IdentifiedBy.MANUAL);
        assertThat(members.get(0).flags()).containsExactly(new CareFlag(CareKind.ALLERGY, "卵"));
        assertThat(members.get(0).consent()).isEqualTo(new Consent(true, false, false));
        assertThat(members.get(0).residentId()).isEqualTo(r.id());
        assertThat(members.get(1).name()).isEqualTo("髙﨑　𠮷子");
        assertThat(members.get(2).birthDate()).isEqualTo(LocalDate.of(2018, 5, 1));
        assertThat(steps.household().summaryProperty().get()).contains("3人");
        steps.household().nextHousehold();
        assertThat(desk.step()).isEqualTo(CheckInStep.IDENTIFY);
        assertThat(desk.checkIn().householdId()).isEqualTo("H-3");
        assertThat(steps.household().members()).isEmpty();
        assertThat(steps.household().petLines()).isEmpty();
    }

    @Test
    void aWrongPinIsNeverRetriedAndTheTriesLeftAreShown() {
        Resident r = withCard();
        fixture.putCard(r);
        fixture.typePin(r.card().textPin().equals("0000") ? "1111" : "0000");
        steps.identify().submitPin();
        assertThat(desk.step()).isEqualTo(CheckInStep.PIN_ENTRY);
        assertThat(steps.identify().pinTriesTextProperty().get()).contains("2");
        assertThat(steps.identify().pinProperty().get()).isEmpty();
        assertThat(desk.errorProperty().get()).isNotEmpty();
    }

    @Test
    void aBlockedCardLeavesCollationNumberOrTypingIn() {
        Resident blocked = fixture.cardHolder(x -> x.card().textPinTriesLeft() == 0);
        fixture.putCard(blocked);
        assertThat(desk.step()).isEqualTo(CheckInStep.PIN_BLOCKED);
        steps.identify().enterManually();
        assertThat(desk.step()).isEqualTo(CheckInStep.MANUAL_ENTRY);
    }

    @Test
    void aPulledCardGoesBackToWaitingAndTheRestOfTheDeskStillWorks() {
        fixture.putCard(withCard());
        fixture.takeCard();
        assertThat(desk.step()).isEqualTo(CheckInStep.IDENTIFY);
        assertThat(desk.messageProperty().get()).isNotEmpty();
    }

    @Test
    void aBadQrSaysWhyWithItsCodeAndNothingIsAdded() {
        steps.identify().scannedProperty().set("もげ1ＳＡＡＡ");
        steps.identify().submitScan();
        assertThat(desk.errorProperty().get()).contains("IME").contains("QR-008");
        steps.identify().scannedProperty().set("https://example.jp/");
        steps.identify().submitScan();
        assertThat(desk.errorProperty().get()).contains("QR-002");
        assertThat(desk.step()).isEqualTo(CheckInStep.IDENTIFY);
        assertThat(desk.checkIn().current()).isNull();
    }

    @Test
    void birthDatesAreTypedAsDigitsOrInTheJapaneseCalendarAndFutureOnesAreRefused() {
        steps.identify().enterManually();
        steps.identify().nameProperty().set("山田　一郎");
        steps.identify().birthDateProperty().set("昭和64年1月8日");
        steps.identify().submitManual();
        assertThat(desk.errorProperty().get()).contains("S13.4.1");
        steps.identify().birthDateProperty().set("20301231");
        steps.identify().submitManual();
        assertThat(desk.step()).isEqualTo(CheckInStep.MANUAL_ENTRY);
        steps.identify().birthDateProperty().set("S13.4.1");
        steps.identify().submitManual();
        assertThat(desk.step()).isIn(CheckInStep.MATCH, CheckInStep.PERSON);
        assertThat(desk.checkIn().current().birthDate()).isEqualTo(LocalDate.of(1938, 4, 1));
    }

    @Test
    void aSingleRegisterCandidateIsStillOfferedNeverPickedAndNoneOfThemGoesOnWithoutAMatch() {
        Resident r = withCard();
        steps.identify().enterManually();
        steps.identify().nameProperty().set(r.fullName());
        steps.identify().birthDateProperty().set(r.birthDate().toString().replace("-", ""));
        steps.identify().submitManual();
        assertThat(desk.step()).isEqualTo(CheckInStep.MATCH);
        assertThat(steps.match().candidates()).isNotEmpty();
        steps.match().confirm(-1);
        assertThat(desk.step()).isEqualTo(CheckInStep.MATCH);
        steps.match().noneOfThem();
        assertThat(desk.step()).isEqualTo(CheckInStep.PERSON);
        assertThat(desk.checkIn().current().residentId()).isEmpty();
    }

    @Test
    void givingAHouseholdUpForgetsEverythingTyped() {
        steps.identify().enterManually();
        steps.identify().nameProperty().set("山田　一郎");
        steps.identify().submitManual();
        steps.person().phoneProperty().set("090");
        desk.newHousehold();
        assertThat(desk.checkIn().holdsPersonalData()).isFalse();
        assertThat(steps.identify().nameProperty().get()).isEmpty();
        assertThat(steps.person().phoneProperty().get()).isEmpty();
        assertThat(fixture.records.present("S-01").present()).isZero();
    }
}
