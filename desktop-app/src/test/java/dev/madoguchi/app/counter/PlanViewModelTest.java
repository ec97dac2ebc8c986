package dev.madoguchi.app.counter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.madoguchi.app.counter.plan.PlanViewModel.SetAsideReason;
import dev.madoguchi.forms.rules.ProposedProcedure;
import dev.madoguchi.store.audit.AuditAction;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The plan step on its own: answers into the visit, the proposal as the rules give it, procedures set aside. */
class PlanViewModelTest extends StepTestBase {

    private void toLifeEvent() {
        vm.enterManually();
        vm.manualNameProperty().set("新規\u3000転入");
        vm.manualBirthDateProperty().set("1990-01-02");
        vm.submitManualEntry();
        vm.continueWithoutRegister();
    }

    @Test
    void theAnswersGoIntoTheVisitAndTheProposalIsWhatTheRulesGiveForThem() {
        toLifeEvent();
        vm.chooseEvent("tennyu");
        assertThat(vm.visit().answers()).isNotEmpty().allSatisfy((q, a) -> assertThat(a).isEqualTo("unknown"));
        vm.questions().forEach(q -> vm.answer(q.id(), "no"));
        vm.answer("withChildren", "yes");
        assertThat(vm.visit().answers()).isEqualTo(vm.answers()).containsEntry("withChildren", "yes");
        Map<String, String> given = Map.copyOf(vm.answers());
        vm.proposeProcedures();
        assertThat(vm.procedures()).extracting(ProposedProcedure::id).containsExactlyElementsOf(
                fixture.visits.plan("tennyu", given).procedures().stream().map(ProposedProcedure::id).toList());
        vm.backToLifeEvent();
        vm.answer("withChildren", "no");
        vm.proposeProcedures();
        assertThat(vm.procedures()).extracting(ProposedProcedure::id).containsExactly("jumin-ido");
    }

    @Test
    void theInterviewStopsAskingForWhatOnlyASetAsideProcedureNeedsAndAsksAgainWhenItIsTakenBack() {
        toLifeEvent();
        vm.chooseEvent("tennyu");
        vm.questions().forEach(q -> vm.answer(q.id(), "no"));
        vm.answer("withChildren", "yes");
        vm.proposeProcedures();
        var plan = vm.steps().plan();
        assertThat(plan.interviewItems()).extracting(InterviewItem::key).contains("bankAccount");

        plan.setAside("jidou-teate", SetAsideReason.LATER);
        assertThat(plan.interviewItems()).as("児童手当's bank account is not asked for while it is set aside")
                .extracting(InterviewItem::key).doesNotContain("bankAccount").contains("previousAddress");

        plan.takeBack("jidou-teate");
        assertThat(plan.interviewItems()).extracting(InterviewItem::key).contains("bankAccount");
    }

    @Test
    void aProcedureSetAsideIsAuditedAndItsFormIsNeitherFilledNorPrinted() {
        CounterFixture.requireFonts();
        toLifeEvent();
        vm.chooseEvent("tennyu");
        vm.questions().forEach(q -> vm.answer(q.id(), "no"));
        vm.answer("withChildren", "yes");
        vm.proposeProcedures();
        assertThat(vm.procedures()).extracting(ProposedProcedure::id).contains("jidou-teate");

        vm.steps().plan().setAside("jidou-teate", SetAsideReason.NOT_APPLICABLE);
        assertThat(vm.visit().setAside()).containsEntry("jidou-teate", "NOT_APPLICABLE");
        assertThat(vm.steps().plan().setAside()).containsOnlyKeys("jidou-teate");
        assertThat(store().audit().tail(1).get(0)).satisfies(e -> {
            assertThat(e.action()).isEqualTo(AuditAction.SET_ASIDE_PROCEDURE);
            assertThat(e.detail()).isEqualTo("procedure jidou-teate set aside: NOT_APPLICABLE");
        });
        assertThat(vm.procedures()).as("still shown, marked").extracting(ProposedProcedure::id).contains("jidou-teate");

        VisitServiceTest.interview().forEach(vm::setInterviewValue);
        vm.setInterviewValue("nameKana", "シンキ　テンニュウ");
        vm.setInterviewValue("relationship", "世帯主");
        vm.setInterviewValue("previousAddress", "別県別市三丁目４番");
        vm.setInterviewValue("residentCode", "12345678901");
        vm.prepareForms();
        assertThat(vm.forms()).extracting(VisitForm::formId).containsExactly("jumin-ido");
        vm.editField(0, "name", "新規\u3000転入");
        vm.editField(0, "birthDate", "1990-01-02");
        vm.preview();
        vm.print();
        assertThat(vm.stepProperty().get()).isEqualTo(VisitStep.DONE);
        assertThat(vm.printed()).extracting(PrintOutcome::formId).containsExactly("jumin-ido");
    }

    @Test
    void theOnlyChildOfTheHouseholdStartsTheChildFieldsOfTheInterview() {
        var residents = fixture.demo.municipality().residents();
        var parent = fixture.demo.municipality().cardHolders().stream()
                .filter(r -> r.card().textPinTriesLeft() == 3 && "世帯主".equals(r.relationship()))
                .filter(r -> residents.stream().filter(m -> m.householdId().equals(r.householdId())
                        && "子".equals(m.relationship())).count() == 1)
                .findFirst().orElseThrow();
        var child = residents.stream().filter(m -> m.householdId().equals(parent.householdId())
                && "子".equals(m.relationship())).findFirst().orElseThrow();
        putCard(parent);
        typePin(parent.card().textPin());
        vm.submitPin();
        vm.confirmCandidate(vm.candidates().stream().filter(c -> c.resident().residentId().equals(parent.id()))
                .findFirst().orElseThrow());
        vm.chooseEvent("shussei"); // registered here: a birth brings 児童手当 with the child's fields
        vm.answer("withChildren", "yes");
        vm.proposeProcedures();
        assertThat(vm.interview()).containsEntry("childName", child.fullName())
                .containsEntry("childBirthDate", child.birthDate().toString());
        assertThat(vm.visit().interview()).containsEntry("childName", child.fullName());
    }

    @Test
    void aSetAsideProcedureCanBeTakenBack() {
        toLifeEvent();
        vm.chooseEvent("tennyu");
        vm.answer("withChildren", "yes");
        vm.proposeProcedures();
        vm.steps().plan().setAside("jidou-teate", SetAsideReason.ELSEWHERE);
        vm.steps().plan().setAside("no-such-procedure", SetAsideReason.LATER);
        assertThat(vm.visit().setAside()).containsOnlyKeys("jidou-teate");
        vm.steps().plan().takeBack("jidou-teate");
        assertThat(vm.visit().setAside()).isEmpty();
    }
}
