package dev.madoguchi.app.counter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.madoguchi.app.counter.plan.MoversViewModel;
import dev.madoguchi.app.counter.plan.PlanViewModel;
import dev.madoguchi.demo.Resident;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The plan step's choice of who moves, the 世帯変更 it means, and the 転入 stop for a person registered here. */
class MoversViewModelTest extends StepTestBase {

    private Resident head;
    private List<Resident> household;

    /** A card-holding 世帯主 with at least two others in the household, identified and confirmed. */
    private void headAtTheCounter() {
        var residents = fixture.demo.municipality().residents();
        head = fixture.demo.municipality().cardHolders().stream()
                .filter(r -> r.card().textPinTriesLeft() == 3 && "世帯主".equals(r.relationship()))
                .filter(r -> residents.stream().filter(m -> m.householdId().equals(r.householdId())).count() >= 3)
                .findFirst().orElseThrow();
        household = residents.stream().filter(m -> m.householdId().equals(head.householdId())).toList();
        putCard(head);
        typePin(head.card().textPin());
        vm.submitPin();
        vm.confirmCandidate(vm.candidates().stream().filter(c -> c.resident().residentId().equals(head.id()))
                .findFirst().orElseThrow());
        assertThat(vm.stepProperty().get()).isEqualTo(VisitStep.LIFE_EVENT);
    }

    private PlanViewModel plan() {
        return vm.steps().plan();
    }

    @Test
    void aPersonRegisteredHereChoosingTennyuIsStoppedAndOneActionSwitchesToTenkyo() {
        headAtTheCounter();
        vm.chooseEvent("tennyu");

        assertThat(plan().registeredHereProperty().get()).isTrue();
        assertThat(vm.eventProperty().get()).as("転入 is not taken").isNull();
        assertThat(vm.errorProperty().get()).contains("転居");
        vm.proposeProcedures();
        assertThat(vm.stepProperty().get()).isEqualTo(VisitStep.LIFE_EVENT);

        plan().switchToTenkyo();
        assertThat(plan().registeredHereProperty().get()).isFalse();
        assertThat(vm.eventProperty().get()).isEqualTo("tenkyo");
        assertThat(vm.errorProperty().get()).isEmpty();
    }

    @Test
    void aCardThatAgreesWithARegisterEntryStopsTennyuBeforeAnyConfirmationAndOneKeyConfirmsItAsTenkyo() {
        var residents = fixture.demo.municipality().residents();
        head = fixture.demo.municipality().cardHolders().stream()
                .filter(r -> r.card().textPinTriesLeft() == 3 && "世帯主".equals(r.relationship()))
                .filter(r -> residents.stream().filter(m -> m.householdId().equals(r.householdId())).count() >= 2)
                .findFirst().orElseThrow();
        household = residents.stream().filter(m -> m.householdId().equals(head.householdId())).toList();
        putCard(head);
        typePin(head.card().textPin());
        vm.submitPin();
        vm.continueWithoutRegister(); // the clerk does not confirm the entry the card agrees with
        vm.chooseEvent("tennyu");

        assertThat(plan().registeredHereProperty().get()).isTrue();
        assertThat(plan().registeredPassableProperty().get()).as("not confirmed: may be another person").isTrue();
        assertThat(plan().registeredTextProperty().get()).contains(head.familyName(), head.birthDate().toString());
        assertThat(vm.eventProperty().get()).as("転入 is not taken").isNull();

        plan().switchToTenkyo();
        assertThat(vm.eventProperty().get()).isEqualTo("tenkyo");
        assertThat(vm.visit().confirmedResidentId()).as("the key confirmed the entry named in the stop")
                .isEqualTo(head.id());
        assertThat(plan().movers().members()).extracting(MoversViewModel.Member::code)
                .containsExactlyElementsOf(household.stream().map(Resident::residentCode).toList());
        assertThat(plan().registeredHereProperty().get()).isFalse();
        assertThat(vm.errorProperty().get()).isEmpty();
    }

    @Test
    void aTypedIdentityThatAgreesStopsTooAndTheClerkMaySayItIsAnotherPerson() {
        Resident someone = fixture.demo.municipality().residents().stream()
                .filter(r -> !r.isForeign()).findFirst().orElseThrow();
        vm.enterManually();
        vm.manualNameProperty().set(someone.fullName());
        vm.manualBirthDateProperty().set(someone.birthDate().toString());
        vm.submitManualEntry();
        vm.continueWithoutRegister();
        vm.chooseEvent("tennyu");
        assertThat(plan().registeredHereProperty().get()).isTrue();
        assertThat(vm.eventProperty().get()).isNull();

        plan().continueTennyu();
        assertThat(vm.eventProperty().get()).isEqualTo("tennyu");
        assertThat(plan().registeredHereProperty().get()).isFalse();
        vm.chooseEvent("tenkyo");
        vm.chooseEvent("tennyu");
        assertThat(vm.eventProperty().get()).as("said once per visit").isEqualTo("tennyu");
        assertThat(vm.visit().confirmedResidentId()).isNull();
    }

    @Test
    void withoutARegisterEntryTennyuIsNotStopped() {
        vm.enterManually();
        vm.manualNameProperty().set("新規\u3000転入");
        vm.manualBirthDateProperty().set("1990-01-02");
        vm.submitManualEntry();
        vm.continueWithoutRegister();
        vm.chooseEvent("tennyu");
        assertThat(plan().registeredHereProperty().get()).isFalse();
        assertThat(vm.eventProperty().get()).isEqualTo("tennyu");
        assertThat(plan().movers().members()).as("no register household to choose from").isEmpty();
    }

    @Test
    void theClerkChoosesWhoMovesAndTheHeadLeavingNeedsANewHeadBeforeTheProcedures() {
        headAtTheCounter();
        MoversViewModel movers = plan().movers();
        vm.chooseEvent("tenkyo");

        assertThat(movers.members()).extracting(MoversViewModel.Member::code)
                .containsExactlyElementsOf(household.stream().map(Resident::residentCode).toList());
        assertThat(movers.members()).filteredOn(MoversViewModel.Member::atCounter)
                .extracting(MoversViewModel.Member::code).containsExactly(head.residentCode());
        assertThat(movers.chosen()).containsExactly(head.residentCode());
        movers.setMoving(head.residentCode(), false);
        assertThat(movers.chosen()).as("the person at the counter is not removable").contains(head.residentCode());

        assertThat(movers.needsRemainingHead()).isTrue();
        assertThat(movers.consequences()).anyMatch(t -> t.contains("新しい世帯主"));
        vm.proposeProcedures();
        assertThat(vm.stepProperty().get()).isEqualTo(VisitStep.LIFE_EVENT);
        assertThat(vm.errorProperty().get()).contains("新しい世帯主");

        Resident second = household.get(1);
        Resident third = household.get(2);
        movers.chooseRemainingHead(second.residentCode());
        assertThat(movers.consequences()).anyMatch(t -> t.contains(second.familyName()));
        movers.setMoving(third.residentCode(), true);
        assertThat(vm.visit().moving().movers()).containsExactly(head.residentCode(), third.residentCode());
        assertThat(vm.visit().moving().remainingHead()).isEqualTo(second.residentCode());

        movers.setMoving(second.residentCode(), true);
        assertThat(vm.visit().moving().remainingHead()).as("a mover cannot head those who stay").isNull();
        movers.setMoving(second.residentCode(), false);
        movers.chooseRemainingHead(second.residentCode());

        vm.questions().forEach(q -> vm.answer(q.id(), "no"));
        vm.proposeProcedures();
        assertThat(vm.stepProperty().get()).isEqualTo(VisitStep.PROCEDURES);
        VisitServiceTest.interview().forEach(vm::setInterviewValue);
        vm.prepareForms();
        VisitForm ido = vm.forms().stream().filter(f -> f.formId().equals("jumin-ido")).findFirst().orElseThrow();
        assertThat(ido.filled().rowCount("movers")).isEqualTo(2);
        assertThat(ido.filled().text("movers.1.name")).isEqualTo(head.fullName());
        assertThat(ido.filled().text("movers.2.name")).isEqualTo(third.fullName());
        assertThat(ido.filled().text("movers.2.relationship")).isEqualTo(third.relationship());
        assertThat(ido.filled().text("movers.2.residentCode")).isEqualTo(third.residentCode());
        assertThat(ido.filled().value("movers.2.name").orElseThrow().source()).isEqualTo("register.household");
        assertThat(ido.issues()).noneMatch(i -> i.fieldId().startsWith("movers.") && i.code().contains("CheckDigit"));
        // the new 世帯主 of those who stay is printed (世帯主変更) and carried by the form's data and QR payload
        assertThat(ido.filled().text("remainingHead")).isEqualTo(second.fullName());
        assertThat(ido.filled().value("remainingHead").orElseThrow().source()).isEqualTo("household.remainingHead");
        assertThat(dev.madoguchi.forms.qr.QrPayload.of(ido.filled(), java.time.Instant.EPOCH).values())
                .containsEntry("remainingHead", second.fullName());
        RenderedForm rendered = fixture.visits.render(ido);
        assertThat(rendered.report().overflows()).isEmpty();
        assertThat(rendered.report().missingGlyphs()).isEmpty();
    }

    @Test
    void theWholeHouseholdMovingIsSaidAndMoreMoversThanRowsGoOnASecondSheet() {
        var residents = fixture.demo.municipality().residents();
        head = fixture.demo.municipality().cardHolders().stream()
                .filter(r -> r.card().textPinTriesLeft() == 3 && "世帯主".equals(r.relationship()))
                .filter(r -> residents.stream().filter(m -> m.householdId().equals(r.householdId())).count() >= 5)
                .findFirst().orElseThrow();
        household = residents.stream().filter(m -> m.householdId().equals(head.householdId())).toList();
        putCard(head);
        typePin(head.card().textPin());
        vm.submitPin();
        vm.confirmCandidate(vm.candidates().stream().filter(c -> c.resident().residentId().equals(head.id()))
                .findFirst().orElseThrow());
        vm.chooseEvent("tenshutsu");
        MoversViewModel movers = plan().movers();
        household.forEach(m -> movers.setMoving(m.residentCode(), true));
        assertThat(movers.needsRemainingHead()).isFalse();
        assertThat(movers.consequences()).containsExactly(
                vm.messages().get("counter.movers.whole", household.size()));
        vm.questions().forEach(q -> vm.answer(q.id(), "no"));
        vm.proposeProcedures();
        VisitServiceTest.interview().forEach(vm::setInterviewValue);
        vm.prepareForms();
        VisitForm ido = vm.forms().get(0);
        assertThat(ido.filled().rowCount("movers")).isEqualTo(household.size());
        assertThat(ido.filled().sheets()).isEqualTo(2);
    }

    @Test
    void theMoversGoIntoTheDraftAndADraftWithoutThemIsStillRead() {
        Visit v = Visit.NONE.identified(UUID.randomUUID(),
                ResidentIdentity.manual("試験", null, null, java.time.LocalDate.of(1990, 1, 1)), false)
                .withMoving(new HouseholdMove(List.of("12345678903", "10000000006"), "00000000060", null));
        Visit read = VisitJson.read(v.draftId(), VisitJson.write(v));
        assertThat(read.moving()).isEqualTo(v.moving());

        String older = VisitJson.write(v.withMoving(HouseholdMove.NONE));
        assertThat(older).doesNotContain("moving");
        assertThat(VisitJson.read(v.draftId(), older).moving()).isEqualTo(HouseholdMove.NONE);
        assertThat(Map.of("v", VisitJson.read(v.draftId(), older.replace("\"version\":3", "\"version\":2")).moving()))
                .containsEntry("v", HouseholdMove.NONE);
    }
}
