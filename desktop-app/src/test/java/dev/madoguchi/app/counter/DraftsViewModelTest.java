package dev.madoguchi.app.counter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.madoguchi.store.drafts.VisitDraft;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The drafts step on its own: a draft is the visit itself, written and read back equal; older drafts still read. */
class DraftsViewModelTest extends StepTestBase {

    @Test
    void aDraftWrittenMidVisitReadsBackAsAnEqualVisit() {
        VisitDraftTest.manualVisitToForms(vm);
        Visit running = vm.visit();
        VisitDraft draft = store().drafts().latest().orElseThrow();
        Visit read = fixture.visits.openDraft(draft);
        assertThat(read).isEqualTo(running);
        assertThat(VisitJson.read(running.draftId(), VisitJson.write(running))).isEqualTo(running);
        assertThat(running.timings()).isNotEmpty();
        assertThat(running.toString()).doesNotContain("新規");
    }

    @Test
    void aVersionTwoDraftIsStillReadAndAnotherVersionIsRefusedInWords() {
        UUID id = UUID.randomUUID();
        String v2 = "{\"version\":2,\"step\":\"LIFE_EVENT\",\"identity\":{\"source\":\"MANUAL\",\"name\":\"新規　転入\","
                + "\"nameKana\":null,\"address\":null,\"birthDate\":\"1990-01-02\",\"sex\":null},\"readMyNumber\":false,"
                + "\"confirmedResidentId\":null,\"event\":\"tennyu\",\"answers\":{\"withChildren\":\"yes\"},"
                + "\"interview\":{},\"edits\":[],\"prints\":[],\"printedForms\":{}}";
        Visit read = VisitJson.read(id, v2);
        assertThat(read.step()).isEqualTo(VisitStep.LIFE_EVENT);
        assertThat(read.answers()).containsEntry("withChildren", "yes");
        assertThat(read.timings()).isEmpty();
        assertThatThrownBy(() -> VisitJson.read(id, v2.replace("\"version\":2", "\"version\":9")))
                .isInstanceOf(CounterException.class)
                .satisfies(e -> assertThat(((CounterException) e).error()).isEqualTo(CounterError.DRAFT_UNREADABLE));
    }

    @Test
    void aResumedVisitKeepsItsEndedTimingsAndStartsTheCurrentStepAnew() {
        VisitDraftTest.manualVisitToForms(vm);
        UUID dropped = vm.discard();
        tick(100);
        CounterVisit next = new CounterVisit(vm.messages(), tasks, fixture.visits,
                () -> new PrintDestination.Folder(fixture.printFolder), nanos::get, fixture.clock);
        next.resumeDropped(dropped);
        assertThat(next.stepProperty().get()).isEqualTo(VisitStep.FORMS);
        assertThat(next.visit().timings()).extracting(StepTiming::step)
                .containsExactly("identify", "match", "plan", "forms");
        StepTiming current = next.visit().timings().get(3);
        assertThat(current.running()).isTrue();
        assertThat(current.startNanos()).as("started at the resume").isEqualTo(nanos.get());
    }
}
