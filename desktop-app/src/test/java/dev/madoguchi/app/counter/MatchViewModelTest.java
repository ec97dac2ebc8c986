package dev.madoguchi.app.counter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.madoguchi.demo.Resident;
import org.junit.jupiter.api.Test;

/** The match step on its own: nothing is confirmed by the program; the clerk's choice goes into the visit. */
class MatchViewModelTest extends StepTestBase {

    @Test
    void theClerkConfirmsACandidateAndItsHouseholdIsRead() {
        Resident r = fixture.holderWithSubstituteName();
        putCard(r);
        typePin(r.card().textPin());
        vm.submitPin();
        assertThat(vm.matchTextProperty().get()).isNotEmpty();
        assertThat(vm.confirmedProperty().get()).isNull();
        assertThat(vm.visit().confirmedResidentId()).isNull();
        vm.confirmCandidate(vm.candidates().get(0));
        assertThat(vm.stepProperty().get()).isEqualTo(VisitStep.LIFE_EVENT);
        assertThat(vm.visit().confirmedResidentId()).isEqualTo(r.id());
        assertThat(vm.coordinator().material().household()).isNotEmpty();
    }

    @Test
    void continuingWithoutARegisterEntryKeepsNone() {
        vm.enterManually();
        vm.manualNameProperty().set("該当\u3000なし");
        vm.manualBirthDateProperty().set("1901-01-01");
        vm.submitManualEntry();
        assertThat(vm.candidates()).isEmpty();
        vm.confirmCandidate(null);
        assertThat(vm.stepProperty().get()).as("nothing to confirm").isEqualTo(VisitStep.CANDIDATES);
        vm.continueWithoutRegister();
        assertThat(vm.stepProperty().get()).isEqualTo(VisitStep.LIFE_EVENT);
        assertThat(vm.confirmedProperty().get()).isNull();
    }
}
