package dev.madoguchi.app.counter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.madoguchi.app.i18n.Language;
import dev.madoguchi.app.i18n.Messages;
import dev.madoguchi.app.task.InlineTaskRunner;
import dev.madoguchi.card.mynumber.TextCredential;
import dev.madoguchi.demo.Resident;
import dev.madoguchi.store.LocalStore;
import dev.madoguchi.store.cases.CaseRepository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The visit's state machine with the inline task runner, the simulated reader, the real store and forms. */
class VisitViewModelTest {

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
        vm = new CounterVisit(new Messages(Language.JAPANESE), tasks, fixture.visits, () -> destination);
        vm.start();
    }

    @AfterEach
    void tearDown() {
        vm.stop();
        fixture.close();
    }

    private void putCard(Resident r) {
        fixture.reader.place(r.id());
        tasks.tick();
    }

    private void typePin(String digits) {
        digits.chars().forEach(c -> vm.pressPinDigit(c - '0'));
    }

    @Test
    void theWholeTennyuVisitWithAWrongPinFirstEndsWithTheCaseStoredAndNothingPersonalLeft() throws Exception {
        CounterFixture.requireFonts();
        Resident resident = fixture.holderWithSubstituteName();
        assertThat(vm.stepProperty().get()).isEqualTo(VisitStep.WAITING_FOR_CARD);
        assertThat(vm.stepTextProperty().get()).contains("カードを読取機に置いて");

        putCard(resident);
        assertThat(vm.stepProperty().get()).isEqualTo(VisitStep.PIN_ENTRY);
        assertThat(vm.pinTriesLeftProperty().get()).as("shown before any entry").isEqualTo(3);
        assertThat(vm.pinTriesTextProperty().get()).isEqualTo("残り 3 回");

        typePin(resident.card().textPin().equals("0000") ? "1111" : "0000");
        assertThat(vm.pinProperty().get()).hasSize(4);
        vm.submitPin();
        assertThat(vm.stepProperty().get()).isEqualTo(VisitStep.PIN_ENTRY);
        assertThat(vm.pinTriesLeftProperty().get()).isEqualTo(2);
        assertThat(vm.pinTriesTextProperty().get()).contains("残り 2 回");
        assertThat(vm.errorProperty().get()).contains("暗証番号が違います").contains("CARD-020");
        assertThat(vm.pinProperty().get()).isEmpty();
        assertThat(fixture.visits.pinTriesLeft().triesLeft()).as("never retried").isEqualTo(2);

        vm.readMyNumberProperty().set(true);
        typePin(resident.card().textPin());
        vm.submitPin();
        assertThat(vm.stepProperty().get()).isEqualTo(VisitStep.CANDIDATES);
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.confirmedProperty().get()).as("never picked by the program").isNull();
        MatchCandidate candidate = vm.candidates().get(0);
        assertThat(candidate.resident().residentId()).isEqualTo(resident.id());
        assertThat(vm.matchText(candidate.match(MatchField.NAME))).isEqualTo("代替文字の違い（要確認）");

        vm.confirmCandidate(candidate);
        assertThat(vm.stepProperty().get()).isEqualTo(VisitStep.LIFE_EVENT);
        vm.chooseEvent("tennyu");
        assertThat(vm.eventProperty().get()).as("registered here: 転入 is stopped").isNull();
        vm.chooseEvent("tenshutsu"); // moving out: with a child and 国保
        assertThat(vm.answers()).containsEntry("withChildren", "unknown");
        vm.questions().forEach(q -> vm.answer(q.id(), "no"));
        vm.answer("withChildren", "yes");
        vm.answer("nationalHealthInsurance", "yes");
        vm.proposeProcedures();
        assertThat(vm.stepProperty().get()).isEqualTo(VisitStep.PROCEDURES);
        assertThat(vm.procedures()).extracting(p -> p.id()).containsExactly("jumin-ido", "kokuho", "jidou-teate");
        assertThat(vm.text(vm.procedures().get(2).reason())).isNotBlank();

        VisitServiceTest.interview().forEach(vm::setInterviewValue);
        vm.setInterviewValue("kokuhoReason", "転入");
        vm.prepareForms();
        assertThat(vm.stepProperty().get()).isEqualTo(VisitStep.FORMS);
        assertThat(vm.forms()).extracting(VisitForm::formId).containsExactly("jumin-ido", "kokuho-ido", "jidou-teate");
        VisitForm ido = vm.forms().get(0);
        assertThat(vm.sourceText(ido.filled().value("name").orElseThrow().source())).isEqualTo("住民記録");
        assertThat(vm.sourceText(ido.filled().value("destination").orElseThrow().source())).isEqualTo("聞き取り");

        vm.editField(0, "nameKana", "abc");
        assertThat(vm.forms().get(0).printable()).isFalse();
        assertThat(vm.issueText(vm.forms().get(0).issuesOf("nameKana").get(0))).startsWith("エラー：");
        vm.preview();
        assertThat(vm.stepProperty().get()).isEqualTo(VisitStep.FORMS);
        assertThat(vm.errorProperty().get()).contains("住民異動届");
        vm.editField(0, "nameKana", resident.fullNameKana());
        assertThat(vm.forms().get(0).filled().value("nameKana").orElseThrow().source()).isEqualTo("clerk");
        assertThat(vm.forms()).allSatisfy(f -> assertThat(f.printable()).as(f.issues().toString()).isTrue());

        vm.preview();
        assertThat(vm.stepProperty().get()).isEqualTo(VisitStep.PREVIEW);
        assertThat(vm.rendered()).hasSize(3);
        vm.print();
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.stepProperty().get()).isEqualTo(VisitStep.DONE);
        assertThat(vm.messageProperty().get()).isEqualTo("3 枚を印刷し、受付を記録しました");
        try (var files = Files.list(fixture.printFolder)) {
            assertThat(files.filter(f -> f.toString().endsWith(".pdf")).count()).isEqualTo(3);
        }
        UUID caseId = UUID.fromString(vm.caseIdProperty().get());
        LocalStore store = fixture.store.store().orElseThrow();
        assertThat(store.cases().find(caseId).orElseThrow().holdsMyNumber()).isTrue();
        assertThat(store.outbox().ofAggregate(CaseRepository.AGGREGATE, caseId.toString())).hasSize(1);

        assertThat(tasks.lanesUsed()).contains("card-io:counter reader watch", "card-io:counter pin tries",
                "card-io:counter read card", "store-writer:counter register match", "store-writer:counter household",
                "background:counter plan", "background:counter prefill", "background:counter render",
                "background:counter print", "store-writer:counter store case");

        CaseListViewModel list = new CaseListViewModel(new Messages(Language.JAPANESE), tasks, fixture.visits,
                () -> destination, java.time.ZoneId.of("Asia/Tokyo"));
        list.refresh();
        assertThat(list.cases()).singleElement().satisfies(c -> {
            assertThat(c.caseId()).isEqualTo(caseId);
            assertThat(c.state()).isEqualTo(CaseSyncState.WAITING_TO_SYNC);
            assertThat(c.printed()).isTrue();
            assertThat(list.describe(c)).contains("転出", "住民異動届", "送信待ち", "印刷済み", "受付 " + c.number())
                    .doesNotContain("tennyu").doesNotContain("jumin-ido").doesNotContain(caseId.toString())
                    .doesNotContain(resident.familyName());
        });
        list.queryProperty().set(resident.familyName());
        assertThat(list.cases()).hasSize(1);
        list.queryProperty().set("該当しない名前");
        assertThat(list.cases()).isEmpty();
        list.queryProperty().set("");
        list.reprint(list.cases().get(0));
        assertThat(list.errorProperty().get()).isEmpty();
        assertThat(list.messageProperty().get()).isEqualTo("3 枚を再印刷しました（記録に残りました）");
        assertThat(store.audit().tail(3)).allSatisfy(e -> {
            assertThat(e.action()).isEqualTo(dev.madoguchi.store.audit.AuditAction.PRINT);
            assertThat(e.detail()).contains("reprint of case " + caseId);
        });
        try (var files = Files.list(fixture.printFolder)) {
            assertThat(files.filter(f -> f.toString().endsWith(".pdf")).count()).isEqualTo(6);
        }

        vm.nextResident();
        assertThat(vm.stepProperty().get()).isEqualTo(VisitStep.WAITING_FOR_CARD);
        assertThat(vm.holdsPersonalData()).isFalse();
        assertThat(vm.candidates()).isEmpty();
        assertThat(vm.forms()).isEmpty();
        assertThat(vm.caseIdProperty().get()).isEmpty();
    }

    @Test
    void aBlockedPinOffersCollationNumberBAndReadsWithIt() {
        Resident blocked = fixture.cardHolder(r -> r.card().textPinTriesLeft() == 0);
        putCard(blocked);
        assertThat(vm.stepProperty().get()).isEqualTo(VisitStep.PIN_BLOCKED);
        assertThat(vm.pinTriesTextProperty().get()).contains("ロック");
        vm.pressPinDigit(1);
        assertThat(vm.pinProperty().get()).as("no PIN pad on a blocked card").isEmpty();

        vm.useCollationNumber();
        assertThat(vm.stepProperty().get()).isEqualTo(VisitStep.COLLATION_NUMBER_ENTRY);
        vm.collationNumberProperty().set("123");
        vm.submitCollationNumber();
        assertThat(vm.errorProperty().get()).contains("14桁");
        vm.collationNumberProperty().set(TextCredential.CollationNumberB.of(blocked.birthDate(),
                blocked.card().expiryDate().getYear(), blocked.card().securityCode()).digits());
        vm.submitCollationNumber();
        assertThat(vm.stepProperty().get()).isEqualTo(VisitStep.CANDIDATES);
        assertThat(vm.candidates()).extracting(c -> c.resident().residentId()).contains(blocked.id());
        vm.cancelVisit();
        assertThat(vm.holdsPersonalData()).isFalse();
    }

    @Test
    void theNoCardPathTypesTheIdentityAndContinuesWithoutARegisterEntry() {
        CounterFixture.requireFonts();
        vm.enterManually();
        assertThat(vm.stepProperty().get()).isEqualTo(VisitStep.MANUAL_ENTRY);
        vm.manualNameProperty().set("新規\u3000転入");
        vm.manualBirthDateProperty().set("1990-13-01");
        vm.submitManualEntry();
        assertThat(vm.errorProperty().get()).contains("生年月日");
        vm.manualBirthDateProperty().set("1990-01-02");
        vm.manualKanaProperty().set("シンキ　テンニュウ");
        vm.submitManualEntry();
        assertThat(vm.stepProperty().get()).isEqualTo(VisitStep.CANDIDATES);
        assertThat(vm.matchTextProperty().get()).contains("該当する方がいません");
        vm.continueWithoutRegister();
        vm.chooseEvent("tennyu");
        vm.questions().forEach(q -> vm.answer(q.id(), "no"));
        vm.proposeProcedures();
        assertThat(vm.procedures()).extracting(p -> p.id()).containsExactly("jumin-ido");
        VisitServiceTest.interview().forEach(vm::setInterviewValue);
        vm.setInterviewValue("nameKana", "シンキ　テンニュウ");
        vm.setInterviewValue("relationship", "世帯主");
        vm.setInterviewValue("previousAddress", "別県別市三丁目４番");
        vm.setInterviewValue("residentCode", "12345678901");
        vm.prepareForms();
        VisitForm ido = vm.forms().get(0);
        assertThat(ido.filled().text("name")).isEmpty();
        vm.editField(0, "name", "新規\u3000転入");
        vm.editField(0, "birthDate", "1990-01-02");
        assertThat(vm.forms().get(0).printable()).as(vm.forms().get(0).issues().toString()).isTrue();
        vm.preview();
        vm.print();
        assertThat(vm.stepProperty().get()).isEqualTo(VisitStep.DONE);
        UUID caseId = UUID.fromString(vm.caseIdProperty().get());
        var stored = fixture.store.store().orElseThrow().cases().find(caseId).orElseThrow();
        assertThat(stored.residentId()).isNull();
        assertThat(stored.formsData()).contains("\"identifiedBy\":\"MANUAL\"");
        vm.nextResident();
        assertThat(vm.holdsPersonalData()).isFalse();
    }

    @Test
    void aFailedPrintIsShownInWordsWithItsRemedyAndTheVisitStaysInPreview() throws Exception {
        CounterFixture.requireFonts();
        Path notAFolder = Files.writeString(dir.resolve("plain-file"), "x");
        destination = new PrintDestination.Folder(notAFolder);
        VisitDraftTest.manualVisitToForms(vm);
        vm.preview();
        vm.print();
        assertThat(vm.stepProperty().get()).isEqualTo(VisitStep.PREVIEW);
        assertThat(vm.errorProperty().get()).contains("保存先に書き込めません").contains("COUNTER-003")
                .doesNotContain("Exception");
        assertThat(vm.caseIdProperty().get()).isEmpty();
    }

    @Test
    void takingTheCardAwayDuringPinEntryEndsTheVisit() {
        putCard(fixture.holderWithSubstituteName());
        vm.pressPinDigit(1);
        fixture.reader.remove();
        tasks.tick();
        assertThat(vm.stepProperty().get()).isEqualTo(VisitStep.WAITING_FOR_CARD);
        assertThat(vm.pinProperty().get()).isEmpty();
        assertThat(vm.messageProperty().get()).contains("カードが離れました");
    }
}
