package dev.madoguchi.app.counter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The forms step on its own: corrections recorded in order, the first field in error, a refused preview. */
class FormsViewModelTest extends StepTestBase {

    @Test
    void correctionsAreRecordedInTheVisitAndAPreviewIsRefusedWhileAFieldIsInError() {
        VisitDraftTest.manualVisitToForms(vm);
        assertThat(vm.visit().edits()).extracting(Visit.FieldEdit::fieldId).containsExactly("name", "birthDate");
        vm.editField(0, "nameKana", "abc");
        assertThat(vm.steps().formsStep().firstError()).get()
                .isEqualTo(new dev.madoguchi.app.counter.forms.FormsViewModel.FieldRef(0, "nameKana"));
        vm.preview();
        assertThat(vm.stepProperty().get()).isEqualTo(VisitStep.FORMS);
        assertThat(vm.errorProperty().get()).contains("住民異動届");
        vm.editField(0, "nameKana", "シンキ　テンニュウ");
        assertThat(vm.steps().formsStep().firstError()).isEmpty();
        assertThat(vm.visit().edits()).hasSize(4);
    }

    @Test
    void anInterviewAnswerWinsOverTheRegisterAndItsSourceSaysSo() {
        var r = fixture.holderWithSubstituteName();
        putCard(r);
        typePin(r.card().textPin());
        vm.submitPin();
        vm.confirmCandidate(vm.candidates().get(0));
        vm.chooseEvent("tenkyo");
        vm.questions().forEach(q -> vm.answer(q.id(), "no"));
        vm.proposeProcedures();
        VisitServiceTest.interview().forEach(vm::setInterviewValue);
        vm.setInterviewValue("previousAddress", "別県別市三丁目４番");
        vm.prepareForms();
        VisitForm ido = vm.forms().get(0);
        var previous = ido.filled().value("previousAddress").orElseThrow();
        assertThat(previous.text()).isEqualTo("別県別市三丁目４番");
        assertThat(vm.sourceText(previous.source())).isEqualTo("聞き取り");
        assertThat(ido.filled().discrepancies()).anySatisfy(d -> {
            assertThat(d.fieldId()).isEqualTo("previousAddress");
            assertThat(d.otherText()).isEqualTo(r.address());
        });
    }
}
