package dev.madoguchi.app.counter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.madoguchi.app.demo.DemoEnvironment;
import dev.madoguchi.app.i18n.Language;
import dev.madoguchi.app.i18n.Messages;
import dev.madoguchi.app.task.InlineTaskRunner;
import dev.madoguchi.demo.Resident;
import dev.madoguchi.store.LocalStore;
import dev.madoguchi.store.audit.AuditAction;
import dev.madoguchi.store.audit.AuditEntry;
import dev.madoguchi.store.clerks.Clerk;
import dev.madoguchi.store.clerks.Role;
import dev.madoguchi.store.drafts.VisitDraft;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The running visit's draft (docs/adr/0014) with the inline task runner, the simulated reader and the real store: it
 * is written at each step, resumed with its step and values by another view model (a language switch, a restart), and
 * discarded with an audit row.
 */
class VisitDraftTest {

    @TempDir
    Path dir;

    private CounterFixture fixture;
    private InlineTaskRunner tasks;
    private VisitViewModel vm;
    private PrintDestination destination;

    @BeforeEach
    void setUp() {
        fixture = new CounterFixture(dir);
        tasks = new InlineTaskRunner();
        destination = new PrintDestination.Folder(fixture.printFolder);
        vm = newViewModel();
        vm.start();
    }

    @AfterEach
    void tearDown() {
        vm.stop();
        fixture.close();
    }

    private VisitViewModel newViewModel() {
        return new VisitViewModel(new Messages(Language.JAPANESE), tasks, fixture.visits, () -> destination);
    }

    private LocalStore store() {
        return fixture.store.store().orElseThrow();
    }

    /** The newest draft offered after sign-in, or null. */
    static VisitDraft offered(VisitViewModel vm) {
        return vm.offeredDrafts().isEmpty() ? null : vm.offeredDrafts().get(0);
    }

    /** The no-card path up to the forms, with two corrections by the clerk. */
    static void manualVisitToForms(VisitViewModel vm) {
        vm.enterManually();
        vm.manualNameProperty().set("新規\u3000転入");
        vm.manualKanaProperty().set("シンキ　テンニュウ");
        vm.manualBirthDateProperty().set("1990-01-02");
        vm.submitManualEntry();
        vm.continueWithoutRegister();
        vm.chooseEvent("tennyu");
        vm.questions().forEach(q -> vm.answer(q.id(), "no"));
        vm.proposeProcedures();
        VisitServiceTest.interview().forEach(vm::setInterviewValue);
        vm.setInterviewValue("nameKana", "シンキ　テンニュウ");
        vm.setInterviewValue("relationship", "世帯主");
        vm.setInterviewValue("previousAddress", "別県別市三丁目４番");
        vm.setInterviewValue("residentCode", "12345678901");
        vm.prepareForms();
        vm.editField(0, "name", "新規\u3000転入");
        vm.editField(0, "birthDate", "1990-01-02");
    }

    @Test
    void theDraftIsWrittenAtEachStepAndAnotherViewModelResumesTheFormsWithTheClerksCorrections() {
        vm.enterManually();
        vm.manualNameProperty().set("新規\u3000転入");
        vm.manualBirthDateProperty().set("1990-01-02");
        vm.submitManualEntry();
        assertThat(store().drafts().latest()).get().extracting(VisitDraft::step).isEqualTo("CANDIDATES");
        vm.cancelVisit();
        assertThat(store().drafts().latest()).as("cancelling discards the draft").isEmpty();

        manualVisitToForms(vm);
        assertThat(vm.stepProperty().get()).isEqualTo(VisitStep.FORMS);
        VisitDraft draft = store().drafts().latest().orElseThrow();
        assertThat(draft.step()).isEqualTo("FORMS");
        assertThat(draft.holdsMyNumber()).isFalse();
        assertThat(draft.data()).contains("別県別市三丁目４番");

        vm.stop();
        vm.discard(); // the language changes or the counter locks: the visit is dropped from memory
        assertThat(vm.holdsPersonalData()).isFalse();
        VisitViewModel next = newViewModel();
        next.lookForDraft(false);
        assertThat(offered(next)).isNotNull();
        assertThat(next.draftTextProperty().get()).contains("中断した受付があります").contains("届出書の確認");
        assertThat(next.holdsPersonalData()).as("nothing personal before the clerk resumes").isFalse();

        next.resumeDraft();
        assertThat(next.errorProperty().get()).isEmpty();
        assertThat(next.stepProperty().get()).isEqualTo(VisitStep.FORMS);
        assertThat(next.messageProperty().get()).isEqualTo("中断した受付を再開しました");
        assertThat(next.eventProperty().get()).isEqualTo("tennyu");
        assertThat(next.interview()).containsEntry("previousAddress", "別県別市三丁目４番");
        assertThat(next.forms()).extracting(VisitForm::formId).containsExactly("jumin-ido");
        VisitForm ido = next.forms().get(0);
        assertThat(ido.filled().text("name")).isEqualTo("新規\u3000転入");
        assertThat(ido.filled().value("name").orElseThrow().source()).isEqualTo("clerk");
        assertThat(ido.printable()).as(ido.issues().toString()).isTrue();
        assertThat(offered(next)).isNull();
        assertThat(store().drafts().latest().orElseThrow().draftId()).as("the same draft goes on")
                .isEqualTo(draft.draftId());
    }

    @Test
    void aResumedCardVisitKeepsTheConfirmedEntryTheAnswersAndTheSealedMyNumberANeededProcedureUses() {
        Resident resident = fixture.holderWithSubstituteName();
        fixture.reader.place(resident.id());
        tasks.tick();
        vm.readMyNumberProperty().set(true);
        resident.card().textPin().chars().forEach(c -> vm.pressPinDigit(c - '0'));
        vm.submitPin();
        vm.confirmCandidate(vm.candidates().get(0));
        vm.chooseEvent("tennyu");
        vm.questions().forEach(q -> vm.answer(q.id(), "no"));
        vm.answer("nationalHealthInsurance", "yes");
        vm.proposeProcedures();
        assertThat(vm.procedures()).extracting(p -> p.id()).contains("kokuho");
        assertThat(store().drafts().latest().orElseThrow().holdsMyNumber()).as("kokuho needs it: sealed").isTrue();

        vm.discard();
        VisitViewModel next = newViewModel();
        next.lookForDraft(true); // after an unlock or a language switch the visit goes on at once
        assertThat(next.stepProperty().get()).isEqualTo(VisitStep.PROCEDURES);
        assertThat(next.confirmedProperty().get().resident().residentId()).isEqualTo(resident.id());
        assertThat(next.answers()).containsEntry("nationalHealthInsurance", "yes").containsEntry("withChildren", "no");
        assertThat(next.procedures()).extracting(p -> p.id()).containsExactly("jumin-ido", "kokuho");
        assertThat(store().drafts().latest().orElseThrow().holdsMyNumber())
                .as("saved again at the resumed step with the My Number it read back").isTrue();
        assertThat(store().audit().tail(30)).extracting(AuditEntry::action).contains(AuditAction.READ_MY_NUMBER);

        next.backToLifeEvent();
        next.questions().forEach(q -> next.answer(q.id(), "no"));
        next.proposeProcedures();
        assertThat(next.procedures()).extracting(p -> p.id()).containsExactly("jumin-ido");
        assertThat(store().drafts().latest().orElseThrow().holdsMyNumber())
                .as("no procedure needs it any more: not kept").isFalse();
    }

    @Test
    void discardingTheOfferedDraftDeletesItWithAnAuditRow() {
        manualVisitToForms(vm);
        vm.discard();
        VisitViewModel next = newViewModel();
        next.lookForDraft(false);
        VisitDraft offered = offered(next);
        assertThat(offered).isNotNull();

        next.discardOfferedDraft();
        assertThat(offered(next)).isNull();
        assertThat(next.messageProperty().get()).contains("破棄しました");
        assertThat(next.stepProperty().get()).isEqualTo(VisitStep.WAITING_FOR_CARD);
        assertThat(store().drafts().latest()).isEmpty();
        assertThat(store().audit().tail(1)).extracting(AuditEntry::action, AuditEntry::detail)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(AuditAction.DISCARD_VISIT_DRAFT,
                        "visit draft " + offered.draftId() + " at FORMS"));
        next.lookForDraft(false);
        assertThat(offered(next)).isNull();
    }

    @Test
    void storingTheCaseDeletesTheDraftAndRecordAgainWritesThePrintRowsOnce() {
        CounterFixture.requireFonts();
        fixture.store.signIn(DemoEnvironment.DEMO_ADMINISTRATOR,
                DemoEnvironment.DEMO_ADMINISTRATOR_PASSPHRASE.toCharArray());
        store().clerks().add(new Clerk("shelter-t", "避難所 職員", Role.SHELTER_STAFF), "shelter passphrase".toCharArray());
        fixture.store.signIn(DemoEnvironment.DEMO_CLERK, DemoEnvironment.DEMO_CLERK_PASSPHRASE.toCharArray());

        manualVisitToForms(vm);
        vm.preview();
        assertThat(vm.stepProperty().get()).isEqualTo(VisitStep.PREVIEW);
        long before = store().audit().tail(1).get(0).seq();
        // a clerk who may print but not store cases: the case write fails after the print (as a broken store would)
        fixture.store.signIn("shelter-t", "shelter passphrase".toCharArray());
        vm.print();
        assertThat(vm.stepProperty().get()).isEqualTo(VisitStep.PRINTING);
        assertThat(vm.messageProperty().get()).contains("記録をやり直す");
        vm.retryStore();
        assertThat(vm.caseIdProperty().get()).isEmpty();

        fixture.store.signIn(DemoEnvironment.DEMO_CLERK, DemoEnvironment.DEMO_CLERK_PASSPHRASE.toCharArray());
        vm.retryStore();
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.stepProperty().get()).isEqualTo(VisitStep.DONE);
        var rows = store().audit().tail(40).stream().filter(e -> e.seq() > before).toList();
        assertThat(rows).filteredOn(e -> e.action() == AuditAction.PRINT).as("one print row per printed form")
                .hasSize(1);
        assertThat(rows).filteredOn(e -> e.action() == AuditAction.OPEN_CASE).hasSize(1);
        assertThat(store().drafts().latest()).as("deleted with the case").isEmpty();
    }
}
