package dev.madoguchi.app.counter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The print step on its own, and the step timings a visit records on the monotonic clock the test moves: the case
 * receives them with the wall start time, the life event and whether the identity was typed — nothing personal.
 */
class PrintViewModelTest extends StepTestBase {

    @Test
    void eachStepIsTimedFromItsStartToItsEndAndTheStoredCaseGetsTheTimings() {
        CounterFixture.requireFonts();
        vm.enterManually();
        tick(30);
        vm.manualNameProperty().set("新規\u3000転入");
        vm.manualKanaProperty().set("シンキ　テンニュウ");
        vm.manualBirthDateProperty().set("1990-01-02");
        vm.submitManualEntry();
        tick(20);
        vm.continueWithoutRegister();
        tick(60);
        vm.chooseEvent("tennyu");
        vm.questions().forEach(q -> vm.answer(q.id(), "no"));
        vm.proposeProcedures();
        tick(40);
        VisitServiceTest.interview().forEach(vm::setInterviewValue);
        vm.setInterviewValue("nameKana", "シンキ　テンニュウ");
        vm.setInterviewValue("relationship", "世帯主");
        vm.setInterviewValue("previousAddress", "別県別市三丁目４番");
        vm.setInterviewValue("residentCode", "12345678901");
        vm.prepareForms();
        tick(90);
        vm.editField(0, "name", "新規\u3000転入");
        vm.editField(0, "birthDate", "1990-01-02");
        vm.preview();
        tick(15);
        vm.print();
        assertThat(vm.stepProperty().get()).isEqualTo(VisitStep.DONE);
        UUID caseId = UUID.fromString(vm.caseIdProperty().get());
        assertThat(vm.visit().caseId()).isEqualTo(caseId);

        VisitTimings times = vm.visit().handlingTimes();
        assertThat(times.startedAt()).isEqualTo(CounterFixture.TODAY);
        assertThat(times.lifeEvent()).isEqualTo("tennyu");
        assertThat(times.manualEntry()).isTrue();
        Map<String, Duration> expected = new LinkedHashMap<>();
        expected.put(StepTiming.IDENTIFY, Duration.ofSeconds(30));
        expected.put(StepTiming.MATCH, Duration.ofSeconds(20));
        expected.put(StepTiming.PLAN, Duration.ofSeconds(100));
        expected.put(StepTiming.FORMS, Duration.ofSeconds(105));
        expected.put(StepTiming.PRINT, Duration.ZERO);
        assertThat(times.perStep()).containsExactlyEntriesOf(expected);
        assertThat(times.steps()).extracting(StepTiming::step)
                .containsExactly("identify", "match", "plan", "forms", "print");
        assertThat(times.toString()).doesNotContain("新規").doesNotContain("1990");

        vm.nextResident();
        assertThat(vm.visit()).isEqualTo(Visit.NONE);
        assertThat(vm.holdsPersonalData()).isFalse();
    }

    @Test
    void goingBackAddsASecondTimingOfTheSameStep() {
        vm.enterManually();
        vm.manualNameProperty().set("新規\u3000転入");
        vm.manualBirthDateProperty().set("1990-01-02");
        vm.submitManualEntry();
        vm.continueWithoutRegister();
        vm.chooseEvent("tennyu");
        vm.proposeProcedures();
        tick(10);
        vm.prepareForms();
        tick(5);
        vm.backToProcedures();
        tick(7);
        vm.prepareForms();
        assertThat(vm.visit().timings()).extracting(StepTiming::step)
                .containsExactly("identify", "match", "plan", "forms", "plan", "forms");
        assertThat(vm.visit().timings().get(5).running()).isTrue();
        assertThat(vm.coordinator().handlingTimesNow().perStep()).containsEntry("plan", Duration.ofSeconds(17))
                .containsEntry("forms", Duration.ofSeconds(5));
    }
}
