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
import dev.madoguchi.store.drafts.VisitDraftRepository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
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
    private CounterVisit vm;
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

    private CounterVisit newViewModel() {
        return new CounterVisit(new Messages(Language.JAPANESE), tasks, fixture.visits, () -> destination);
    }

    private LocalStore store() {
        return fixture.store.store().orElseThrow();
    }

    /** The newest draft offered after sign-in, or null. */
    static VisitDraft offered(CounterVisit vm) {
        return vm.offeredDrafts().isEmpty() ? null : vm.offeredDrafts().get(0);
    }

    /** The no-card path up to the forms, with two corrections by the clerk. */
    static void manualVisitToForms(CounterVisit vm) {
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
        CounterVisit next = newViewModel();
        next.offerDrafts();
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
        vm.chooseEvent("tenshutsu"); // registered here: moving out
        vm.questions().forEach(q -> vm.answer(q.id(), "no"));
        vm.answer("nationalHealthInsurance", "yes");
        vm.proposeProcedures();
        assertThat(vm.procedures()).extracting(p -> p.id()).contains("kokuho");
        assertThat(store().drafts().latest().orElseThrow().holdsMyNumber()).as("kokuho needs it: sealed").isTrue();

        UUID dropped = vm.discard();
        CounterVisit next = newViewModel();
        next.resumeDropped(dropped); // after an unlock or a language switch the visit goes on at once
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
        CounterVisit next = newViewModel();
        next.offerDrafts();
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
        next.offerDrafts();
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

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm")
            .withZone(ZoneId.systemDefault());

    private void signInAsDemoClerk() {
        fixture.store.signIn(DemoEnvironment.DEMO_CLERK, DemoEnvironment.DEMO_CLERK_PASSPHRASE.toCharArray());
    }

    @Test
    void anUnlockWithNoVisitRunningOffersTheOlderInterruptedVisitInsteadOfResumingIt() {
        manualVisitToForms(vm);
        assertThat(vm.discard()).as("the power goes off at the forms: the dropped visit names its draft").isNotNull();
        CounterVisit later = newViewModel(); // the clerk signs in again and waits for the next resident
        later.enterManually();
        assertThat(later.discard()).as("the counter locks with nothing identified: no draft to name").isNull();
        later.resumeDropped(null); // and unlocks
        assertThat(later.stepProperty().get()).isEqualTo(VisitStep.WAITING_FOR_CARD);
        assertThat(later.holdsPersonalData()).as("an older visit is not opened without the clerk choosing it").isFalse();
        assertThat(later.offeredDrafts()).extracting(VisitDraft::step).containsExactly("FORMS");
        CounterVisit another = newViewModel();
        another.resumeDropped(UUID.randomUUID()); // the dropped visit's draft is gone (stored meanwhile)
        assertThat(another.stepProperty().get()).isEqualTo(VisitStep.WAITING_FOR_CARD);
        assertThat(another.offeredDrafts()).extracting(VisitDraft::step).containsExactly("FORMS");
    }

    @Test
    void onlyTheSignedInClerksOwnDraftsAreOfferedNewestFirstAndEachIsResumedOrDiscarded() {
        fixture.store.signIn(DemoEnvironment.DEMO_ADMINISTRATOR,
                DemoEnvironment.DEMO_ADMINISTRATOR_PASSPHRASE.toCharArray());
        store().clerks().add(new Clerk("clerk-b", "窓口 二郎", Role.CLERK), "clerk b passphrase".toCharArray());
        signInAsDemoClerk();

        manualVisitToForms(vm);
        vm.discard(); // the power goes off at the forms
        fixture.clock.advance(Duration.ofMinutes(12));
        CounterVisit second = newViewModel();
        second.enterManually();
        second.manualNameProperty().set("別件\u3000次郎");
        second.manualBirthDateProperty().set("1985-05-05");
        second.submitManualEntry();
        assertThat(second.stepProperty().get()).isEqualTo(VisitStep.CANDIDATES);
        UUID droppedByDemoClerk = second.discard(); // and again at the candidates of a second visit

        fixture.store.signIn("clerk-b", "clerk b passphrase".toCharArray());
        CounterVisit otherClerk = newViewModel();
        otherClerk.offerDrafts();
        assertThat(otherClerk.offeredDrafts()).as("another clerk's drafts hold personal data: never offered")
                .isEmpty();
        otherClerk.resumeDropped(droppedByDemoClerk);
        assertThat(otherClerk.stepProperty().get()).as("nor resumed after an unlock")
                .isEqualTo(VisitStep.WAITING_FOR_CARD);
        assertThat(otherClerk.holdsPersonalData()).isFalse();

        signInAsDemoClerk();
        CounterVisit next = newViewModel();
        next.offerDrafts();
        assertThat(next.offeredDrafts()).extracting(VisitDraft::step).containsExactly("CANDIDATES", "FORMS");
        assertThat(next.draftTextProperty().get()).contains("2 件").contains("新しい順");
        VisitDraft newest = next.offeredDrafts().get(0);
        VisitDraft older = next.offeredDrafts().get(1);
        assertThat(next.draftText(newest)).contains("住民記録の候補")
                .contains(HH_MM.format(CounterFixture.TODAY.plus(Duration.ofMinutes(12))) + " 保存");
        assertThat(next.draftText(older)).contains("届出書の確認").contains(HH_MM.format(CounterFixture.TODAY));
        assertThat(next.holdsPersonalData()).as("nothing personal before a resume").isFalse();

        next.discardOfferedDraft(older);
        assertThat(next.offeredDrafts()).containsExactly(newest);
        assertThat(next.draftTextProperty().get()).contains("中断した受付があります").contains("住民記録の候補");
        assertThat(store().audit().tail(1)).extracting(AuditEntry::action, AuditEntry::detail)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(AuditAction.DISCARD_VISIT_DRAFT,
                        "visit draft " + older.draftId() + " at FORMS"));

        next.resumeDraft(newest);
        assertThat(next.errorProperty().get()).isEmpty();
        assertThat(next.stepProperty().get()).isEqualTo(VisitStep.CANDIDATES);
        assertThat(next.offeredDrafts()).isEmpty();
    }

    @Test
    void aDraftNobodyResumesIsPurgedAtTheFirstSignInAfterTheRetentionPeriodWithCountsOnly() {
        manualVisitToForms(vm);
        vm.discard();
        fixture.clock.advance(Duration.ofHours(23));
        signInAsDemoClerk();
        CounterVisit sameDay = newViewModel();
        sameDay.offerDrafts();
        assertThat(sameDay.offeredDrafts()).as("23 h later: still offered").hasSize(1);

        fixture.clock.advance(Duration.ofHours(1));
        signInAsDemoClerk();
        CounterVisit nextDay = newViewModel();
        nextDay.offerDrafts();
        assertThat(nextDay.offeredDrafts()).as("24 h after its last save: purged at the sign-in").isEmpty();
        AuditEntry purge = store().audit().tail(5).stream().filter(e -> e.action() == AuditAction.PURGE)
                .reduce((a, b) -> b).orElseThrow();
        assertThat(purge.detail()).isEqualTo("visit drafts not saved for "
                + VisitDraftRepository.DEFAULT_RETENTION + ": 1 (with a My Number: 0)");
        assertThat(purge.detail()).doesNotContain("転入").doesNotContain("別県");
        assertThat(store().audit().verify().intact()).isTrue();
    }

    /**
     * Runs the manual visit to the preview and prints it on a runner whose power goes off just before the case's
     * transaction would run: the forms are printed, the draft says so, the case is not stored.
     *
     * @return when the forms were printed
     */
    private Instant printThenPowerCut() throws Exception {
        CounterFixture.requireFonts();
        PowerCutTaskRunner cut = new PowerCutTaskRunner("counter store case");
        CounterVisit doomed = new CounterVisit(new Messages(Language.JAPANESE), cut, fixture.visits,
                () -> destination);
        manualVisitToForms(doomed);
        doomed.preview();
        assertThat(doomed.stepProperty().get()).isEqualTo(VisitStep.PREVIEW);
        Instant printedAt = fixture.clock.instant();
        doomed.print();
        assertThat(cut.off()).as("the power went off before the case was stored").isTrue();
        assertThat(pdfs()).as("printed").isEqualTo(1);
        VisitDraft draft = store().drafts().latest().orElseThrow();
        assertThat(draft.step()).isEqualTo("PRINTED");
        assertThat(store().cases().openedBetween(CounterFixture.TODAY.minus(Duration.ofDays(1)),
                CounterFixture.TODAY.plus(Duration.ofDays(2)))).as("no case yet").isEmpty();
        fixture.clock.advance(Duration.ofMinutes(7)); // the restart takes a while
        signInAsDemoClerk();
        return printedAt;
    }

    private long pdfs() throws Exception {
        try (Stream<Path> files = Files.list(fixture.printFolder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".pdf")
                    && !f.getFileName().toString().startsWith(".")).count();
        }
    }

    private List<AuditEntry> rowsAfter(long seq) {
        return store().audit().tail(200).stream().filter(e -> e.seq() > seq).toList();
    }

    private List<dev.madoguchi.store.cases.CounterCase> casesOfTheDay() {
        return store().cases().openedBetween(CounterFixture.TODAY.minus(Duration.ofDays(1)),
                CounterFixture.TODAY.plus(Duration.ofDays(2)));
    }

    @Test
    void aVisitInterruptedAfterPrintingIsStoredWithoutPrintingAgainOnceWithTheOriginalPrintTime() throws Exception {
        long before = store().audit().tail(1).get(0).seq();
        Instant printedAt = printThenPowerCut();

        CounterVisit next = newViewModel();
        next.offerDrafts();
        assertThat(offered(next).step()).isEqualTo("PRINTED");
        assertThat(next.draftTextProperty().get()).contains("印刷済み");
        next.resumeDraft();
        assertThat(next.errorProperty().get()).isEmpty();
        assertThat(next.stepProperty().get()).isEqualTo(VisitStep.PRINTED);
        assertThat(next.printedTextProperty().get()).contains(HH_MM.format(printedAt) + " に印刷済み")
                .contains("まだ記録されていません");
        assertThat(next.printed()).hasSize(1);
        assertThat(next.printed().get(0).printedAt()).isEqualTo(printedAt);

        next.storePrinted(); // 記録する
        assertThat(next.errorProperty().get()).isEmpty();
        assertThat(next.stepProperty().get()).isEqualTo(VisitStep.DONE);
        UUID caseId = UUID.fromString(next.caseIdProperty().get());
        assertThat(pdfs()).as("not printed again").isEqualTo(1);
        assertThat(casesOfTheDay()).extracting(c -> c.caseId()).containsExactly(caseId);
        assertThat(store().outbox().ofAggregate("case", caseId.toString())).hasSize(1);
        List<AuditEntry> rows = rowsAfter(before);
        assertThat(rows).filteredOn(e -> e.action() == AuditAction.OPEN_CASE).hasSize(1);
        assertThat(rows).filteredOn(e -> e.action() == AuditAction.PRINT).singleElement()
                .satisfies(e -> assertThat(e.detail()).startsWith("jumin-ido").doesNotContain("reprint")
                        .endsWith("to file printed " + printedAt));
        assertThat(store().drafts().mine()).as("deleted with the case").isEmpty();

        next.nextResident();
        next.offerDrafts();
        assertThat(next.offeredDrafts()).isEmpty();
        assertThat(casesOfTheDay()).as("still exactly one case").hasSize(1);
    }

    @Test
    void printingAgainAfterTheInterruptionIsAuditedAsAReprintBesideTheFirstPrint() throws Exception {
        long before = store().audit().tail(1).get(0).seq();
        Instant printedAt = printThenPowerCut();
        CounterVisit next = newViewModel();
        next.offerDrafts();
        next.resumeDraft();
        assertThat(next.stepProperty().get()).isEqualTo(VisitStep.PRINTED);

        next.printAgain(); // 印刷し直す: preview first
        assertThat(next.stepProperty().get()).isEqualTo(VisitStep.PREVIEW);
        next.print();
        assertThat(next.errorProperty().get()).isEmpty();
        assertThat(next.stepProperty().get()).isEqualTo(VisitStep.DONE);
        assertThat(pdfs()).isEqualTo(2);
        assertThat(casesOfTheDay()).hasSize(1);
        List<AuditEntry> prints = rowsAfter(before).stream().filter(e -> e.action() == AuditAction.PRINT).toList();
        assertThat(prints).extracting(AuditEntry::detail).satisfiesExactly(
                first -> assertThat(first).doesNotContain("reprint").endsWith("printed " + printedAt),
                again -> assertThat(again).contains(" reprint to file printed ")
                        .endsWith(printedAt.plus(Duration.ofMinutes(7)).toString()));
        assertThat(rowsAfter(before)).filteredOn(e -> e.action() == AuditAction.OPEN_CASE).hasSize(1);
    }

    @Test
    void discardingAPrintedDraftSaysInTheAuditRowWhatWasPrintedAndWhen() throws Exception {
        Instant printedAt = printThenPowerCut();
        CounterVisit next = newViewModel();
        next.offerDrafts();
        VisitDraft draft = offered(next);
        next.discardOfferedDraft(draft);
        assertThat(store().drafts().mine()).isEmpty();
        assertThat(store().audit().tail(1)).extracting(AuditEntry::action, AuditEntry::detail)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(AuditAction.DISCARD_VISIT_DRAFT,
                        "visit draft " + draft.draftId() + " at PRINTED; printed, not recorded: jumin-ido printed "
                                + printedAt));
    }

    @Test
    void givingUpAResumedPrintedVisitAlsoSaysWhatWasPrintedAndWhen() throws Exception {
        Instant printedAt = printThenPowerCut();
        CounterVisit next = newViewModel();
        next.offerDrafts();
        UUID draftId = offered(next).draftId();
        next.resumeDraft();
        next.printAgain();
        next.backToForms();
        assertThat(next.stepProperty().get()).isEqualTo(VisitStep.FORMS);
        next.cancelVisit(); // the resident leaves: nothing is stored
        assertThat(next.stepProperty().get()).isEqualTo(VisitStep.WAITING_FOR_CARD);
        assertThat(next.holdsPersonalData()).isFalse();
        assertThat(store().drafts().mine()).isEmpty();
        assertThat(casesOfTheDay()).isEmpty();
        assertThat(store().audit().tail(1).get(0).detail()).isEqualTo("visit draft " + draftId
                + " at FORMS; printed, not recorded: jumin-ido printed " + printedAt);
    }

    @Test
    void formsThatNoLongerMatchWhatWasPrintedCannotBeStoredAsPrintedOnlyPrintedAgain() throws Exception {
        printThenPowerCut();
        VisitDraft draft = store().drafts().latest().orElseThrow();
        // as if the register copy had changed since: the forms made again are not the printed ones
        String changed = draft.data().replaceAll("(\"printedForms\":\\{\"jumin-ido\":\")[0-9a-f]{64}", "$1" + "0".repeat(64));
        assertThat(changed).isNotEqualTo(draft.data());
        store().drafts().save(draft.draftId(), draft.step(), changed, null);

        CounterVisit next = newViewModel();
        next.offerDrafts();
        next.resumeDraft();
        assertThat(next.stepProperty().get()).isEqualTo(VisitStep.PRINTED);
        next.storePrinted();
        assertThat(next.errorProperty().get()).contains("COUNTER-009").contains("印刷し直す");
        assertThat(next.stepProperty().get()).isEqualTo(VisitStep.PRINTED);
        assertThat(casesOfTheDay()).isEmpty();

        next.printAgain();
        next.print();
        assertThat(next.stepProperty().get()).isEqualTo(VisitStep.DONE);
        assertThat(casesOfTheDay()).hasSize(1);
    }
}
