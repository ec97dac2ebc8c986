package dev.madoguchi.app.counter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.madoguchi.demo.Resident;
import org.junit.jupiter.api.Test;

/** The identify step on its own: the card, the PIN, manual entry, and what it leaves behind. */
class IdentifyViewModelTest extends StepTestBase {

    @Test
    void theCardGoesToThePinAndAReadPinIdentifiesTheResidentIntoTheVisit() {
        Resident r = fixture.holderWithSubstituteName();
        putCard(r);
        assertThat(vm.cardPresentProperty().get()).isTrue();
        assertThat(vm.stepProperty().get()).isEqualTo(VisitStep.PIN_ENTRY);
        typePin("12345");
        assertThat(vm.pinProperty().get()).as("four digits at most").hasSize(4);
        vm.clearPin();
        typePin(r.card().textPin());
        vm.submitPin();
        Visit visit = vm.visit();
        assertThat(visit.step()).isEqualTo(VisitStep.CANDIDATES);
        assertThat(visit.identity().source()).isEqualTo(ResidentIdentity.Source.CARD_PIN);
        assertThat(visit.draftId()).isNotNull();
        assertThat(vm.pinProperty().get()).as("the PIN is not kept").isEmpty();
    }

    @Test
    void aManualEntryWithABadDateStaysAndItsFieldsAreForgottenWhenTheVisitEnds() {
        vm.enterManually();
        vm.manualNameProperty().set("新規\u3000転入");
        vm.manualBirthDateProperty().set("1990/01/02");
        vm.submitManualEntry();
        assertThat(vm.stepProperty().get()).isEqualTo(VisitStep.MANUAL_ENTRY);
        assertThat(vm.errorProperty().get()).contains("生年月日");
        assertThat(vm.holdsPersonalData()).as("the typed name counts").isTrue();
        vm.cancelVisit();
        assertThat(vm.manualNameProperty().get()).isEmpty();
        assertThat(vm.holdsPersonalData()).isFalse();
        assertThat(vm.visit()).isEqualTo(Visit.NONE);
    }
}
