package dev.madoguchi.app.counter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.madoguchi.app.i18n.Language;
import dev.madoguchi.app.i18n.Messages;
import dev.madoguchi.app.scroll.ShownScrollPanes;
import dev.madoguchi.app.shell.AccessibilityAudit;
import dev.madoguchi.app.task.ExecutorTaskRunner;
import dev.madoguchi.demo.Resident;
import dev.madoguchi.store.cases.CaseRepository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import dev.madoguchi.app.counter.screen.CounterView;
import dev.madoguchi.app.wiring.ViewLoader;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The clerk's counter screen, headless (Monocle), on the real task lanes, the simulated reader with the demo deck and
 * the demo municipality in a real store. Everything is done from the keyboard: Tab moves the focus, Space presses,
 * Enter submits a field.
 */
@ExtendWith(ApplicationExtension.class)
class CounterViewTest {

    @TempDir
    static Path dir;

    private ExecutorTaskRunner tasks;
    private CounterFixture fixture;
    private CounterVisit vm;
    private CaseListViewModel caseList;
    private Parent root;

    @Start
    void start(Stage stage) throws IOException {
        Path visitDir = Files.createTempDirectory(dir, "visit");
        tasks = new ExecutorTaskRunner(Platform::runLater);
        fixture = new CounterFixture(visitDir);
        vm = new CounterVisit(new Messages(Language.JAPANESE), tasks, fixture.visits,
                () -> new PrintDestination.Folder(fixture.printFolder));
        Messages messages = new Messages(Language.JAPANESE);
        caseList = new CaseListViewModel(messages, tasks, fixture.visits,
                () -> new PrintDestination.Folder(fixture.printFolder), java.time.ZoneId.of("Asia/Tokyo"));
        root = new ViewLoader(messages.bundle()).withAll(vm.steps().controllers(caseList)).loadStyled(CounterView.class);
        stage.setScene(new Scene(root, 1100, 800));
        stage.show();
        vm.start();
    }

    @AfterEach
    void stop() {
        Platform.runLater(vm::stop);
        WaitForAsyncUtils.waitForFxEvents();
        tasks.close();
        fixture.close();
    }

    @Test
    void theWholeTennyuVisitWithAChildByKeyboardFromCardToStoredCase(FxRobot robot) throws Exception {
        CounterFixture.requireFonts();
        Resident resident = fixture.holderWithSubstituteName();
        assertThat(text(robot, "#stepLabel")).contains("カードを読取機に置いて");
        noUnnamedControls(robot);

        fixture.reader.place(resident.id());
        waitUntil(() -> vm.stepProperty().get() == VisitStep.PIN_ENTRY);
        assertThat(text(robot, "#pinTriesLabel")).isEqualTo("残り 3 回");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(focusedId(robot)).isEqualTo("pinField");
        noUnnamedControls(robot);

        robot.write(resident.card().textPin().equals("0000") ? "1111" : "0000").type(KeyCode.ENTER);
        waitUntil(() -> text(robot, "#pinTriesLabel").contains("残り 2 回"));
        assertThat(text(robot, "#errorLabel")).contains("暗証番号が違います").contains("CARD-020");
        assertThat(vm.stepProperty().get()).isEqualTo(VisitStep.PIN_ENTRY);

        focusByTab(robot, "readMyNumberBox");
        robot.type(KeyCode.SPACE);
        focusByTab(robot, "pinField");
        robot.write(resident.card().textPin()).type(KeyCode.ENTER);
        waitUntil(() -> vm.stepProperty().get() == VisitStep.CANDIDATES);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#matchLabel")).contains("候補");
        assertThat(shows("代替文字の違い（要確認）")).isTrue();
        assertThat(shows(resident.fullName())).as("register text shown").isTrue();
        assertThat(shows(resident.card().nameOnCard())).as("card text shown").isTrue();
        noUnnamedControls(robot);
        assertThat(focusedId(robot)).isEqualTo("confirm-1");
        robot.type(KeyCode.SPACE);

        waitUntil(() -> vm.stepProperty().get() == VisitStep.LIFE_EVENT);
        focusByTab(robot, "event-tenshutsu");
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        for (var q : vm.questions()) {
            // a radio group takes the Tab at its selected answer (わからない at first); the arrow keys choose
            focusByTab(robot, "answer-" + q.id() + "-unknown");
            robot.type(KeyCode.LEFT);
            if (q.id().equals("withChildren")) {
                robot.type(KeyCode.LEFT);
            }
            robot.type(KeyCode.SPACE);
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(focusedId(robot)).isEqualTo("answer-" + q.id() + "-"
                    + (q.id().equals("withChildren") ? "yes" : "no"));
        }
        noUnnamedControls(robot);
        focusByTab(robot, "proposeButton");
        robot.type(KeyCode.SPACE);

        waitUntil(() -> vm.stepProperty().get() == VisitStep.PROCEDURES);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(shows("1. " + vm.text(vm.procedures().get(0).title()))).isTrue();
        assertThat(vm.procedures()).extracting(p -> p.id()).containsExactly("jumin-ido", "jidou-teate");
        noUnnamedControls(robot);
        for (var entry : VisitServiceTest.interview().entrySet()) {
            String id = "interview-" + entry.getKey();
            if (robot.lookup("#" + id).tryQuery().isEmpty()) {
                continue;
            }
            focusByTab(robot, id);
            Node field = robot.lookup("#" + id).query();
            if (field instanceof javafx.scene.control.ComboBox<?> box) {
                int index = box.getItems().indexOf(entry.getValue());
                robot.type(KeyCode.DOWN);
                for (int i = 0; i < index; i++) {
                    robot.type(KeyCode.DOWN);
                }
                robot.type(KeyCode.ENTER);
            } else {
                // a value pre-filled from the register (the household's child) is replaced, as a clerk does
                robot.press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL).write(entry.getValue());
            }
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.interview()).containsEntry("newAddress", "架空県窓口市本町一丁目２番３号")
                .containsEntry("childName", "𠮷田　花").containsEntry("notifier", "本人");
        focusByTab(robot, "prepareButton");
        robot.type(KeyCode.SPACE);

        waitUntil(() -> vm.stepProperty().get() == VisitStep.FORMS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(shows("住民異動届（転出届）：印刷できます")).isTrue();
        assertThat(shows("出典：住民記録")).isTrue();
        noUnnamedControls(robot);
        focusByTab(robot, "form-0-nameKana");
        robot.press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL).write("abc").type(KeyCode.ENTER);
        waitUntil(() -> !vm.forms().get(0).printable());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(shows("住民異動届（転出届）：エラーがあります")).isTrue();
        assertThat(focusedId(robot)).as("focus stays in the field after re-validation").isEqualTo("form-0-nameKana");
        robot.press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL).write(resident.fullNameKana())
                .type(KeyCode.ENTER);
        waitUntil(() -> vm.forms().get(0).printable());
        focusByTab(robot, "previewButton");
        robot.type(KeyCode.SPACE);

        waitUntil(() -> vm.stepProperty().get() == VisitStep.PREVIEW);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".image-view").queryAll()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(focusedId(robot)).isEqualTo("printButton");
        robot.type(KeyCode.SPACE);

        waitUntil(() -> vm.stepProperty().get() == VisitStep.DONE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#caseLabel")).contains("受付番号");
        assertThat(shownTexts()).as("titles, not form ids")
                .anyMatch(t -> t.startsWith("住民異動届：PDF ファイルに出力"))
                .noneMatch(t -> t.contains("jumin-ido") || t.contains(vm.caseIdProperty().get())
                        || t.contains(fixture.printFolder.toString()));
        UUID caseId = UUID.fromString(vm.caseIdProperty().get());
        var store = fixture.store.store().orElseThrow();
        assertThat(store.cases().find(caseId).orElseThrow().lifeEvent()).isEqualTo("tenshutsu");
        assertThat(store.outbox().ofAggregate(CaseRepository.AGGREGATE, caseId.toString())).hasSize(1);
        try (var files = Files.list(fixture.printFolder)) {
            assertThat(files.filter(f -> f.toString().endsWith(".pdf")).count()).isEqualTo(2);
        }
        assertThat(focusedId(robot)).isEqualTo("nextButton");
        robot.type(KeyCode.SPACE);
        waitUntil(() -> vm.stepProperty().get() == VisitStep.WAITING_FOR_CARD);
        assertThat(vm.holdsPersonalData()).isFalse();

        // today's visits: open the list, choose the case, reprint it — all by keyboard
        focusByTab(robot, "casesPane");
        robot.type(KeyCode.SPACE);
        waitUntil(() -> caseList.cases().size() == 1);
        noUnnamedControls(robot);
        focusByTab(robot, "casesList");
        robot.type(KeyCode.HOME);
        WaitForAsyncUtils.waitForFxEvents();
        focusByTab(robot, "reprintButton");
        robot.type(KeyCode.SPACE);
        waitUntil(() -> text(robot, "#casesMessage").contains("再印刷しました"));
    }

    @Test
    void theNoCardPathByKeyboard(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        focusByTab(robot, "manualButton");
        robot.type(KeyCode.SPACE);
        waitUntil(() -> vm.stepProperty().get() == VisitStep.MANUAL_ENTRY);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(focusedId(robot)).isEqualTo("manualNameField");
        Resident someone = fixture.demo.municipality().residents().stream()
                .filter(r -> r.address().chars().anyMatch(c -> c >= 0xFF10 && c <= 0xFF19)).findFirst().orElseThrow();
        robot.write(someone.fullName()).type(KeyCode.TAB).write(someone.fullNameKana()).type(KeyCode.TAB)
                .write(someone.birthDate().toString()).type(KeyCode.TAB)
                .write(asciiDigits(someone.address())).type(KeyCode.ENTER);
        waitUntil(() -> vm.stepProperty().get() == VisitStep.CANDIDATES);
        assertThat(vm.candidates()).extracting(c -> c.resident().residentId()).contains(someone.id());
        assertThat(vm.candidates().get(0).match(MatchField.ADDRESS)).isEqualTo(FieldMatch.SAME_WHEN_NORMALISED);
        noUnnamedControls(robot);
        WaitForAsyncUtils.waitForFxEvents();
        robot.type(KeyCode.SPACE);
        waitUntil(() -> vm.stepProperty().get() == VisitStep.LIFE_EVENT);
        assertThat(vm.confirmedProperty().get().resident().residentId()).isEqualTo(vm.candidates().get(0).resident().residentId());
        focusByTab(robot, "cancelButton");
        robot.type(KeyCode.SPACE);
        waitUntil(() -> vm.stepProperty().get() == VisitStep.WAITING_FOR_CARD);
        assertThat(vm.holdsPersonalData()).isFalse();
    }

    /**
     * JavaFX's scroll pane caches its viewport in an offscreen image of its size; on the software renderer that is a
     * window-sized int[] per pane (docs/performance.md, "Counter"). The counter's panel does not draw through that
     * cache, waiting for a card and at the PIN step.
     */
    @Test
    void theCountersPanelKeepsNoViewportImage(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        List<ScrollPane> waiting = new ArrayList<>();
        robot.interact(() -> waiting.addAll(ShownScrollPanes.under(root)));
        assertThat(waiting).extracting(ScrollPane::getId).contains("panelScroll");
        assertThat(ShownScrollPanes.cached(waiting)).as("waiting for a card").isEmpty();
        fixture.reader.place(fixture.holderWithSubstituteName().id());
        waitUntil(() -> vm.stepProperty().get() == VisitStep.PIN_ENTRY);
        WaitForAsyncUtils.waitForFxEvents();
        List<ScrollPane> pin = new ArrayList<>();
        robot.interact(() -> pin.addAll(ShownScrollPanes.under(root)));
        assertThat(pin).allSatisfy(p -> assertThat(p.getSkin()).as("shown, so skinned").isNotNull());
        assertThat(ShownScrollPanes.cached(pin)).as("at the PIN step").isEmpty();
    }

    @Test
    void noLabelIsCutOffAtTwiceTheTextSize(FxRobot robot) throws Exception {
        robot.interact(() -> root.setStyle("-fx-font-size: 28px;"));
        fixture.reader.place(fixture.holderWithSubstituteName().id());
        waitUntil(() -> vm.stepProperty().get() == VisitStep.PIN_ENTRY);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(AccessibilityAudit.clippedLabels(root)).isEmpty();
        noUnnamedControls(robot);
    }

    @Test
    void anInterruptedVisitIsOfferedAfterTheSignInAndResumedByKeyboard(FxRobot robot) throws Exception {
        // a visit of an earlier session (a crash, a power cut) left its draft in the store
        CounterVisit earlier = new CounterVisit(new Messages(Language.JAPANESE),
                new dev.madoguchi.app.task.InlineTaskRunner(), fixture.visits,
                () -> new PrintDestination.Folder(fixture.printFolder));
        VisitDraftTest.manualVisitToForms(earlier);
        assertThat(earlier.stepProperty().get()).isEqualTo(VisitStep.FORMS);

        Platform.runLater(() -> vm.offerDrafts());
        waitUntil(() -> VisitDraftTest.offered(vm) != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#draftLabel")).contains("中断した受付があります").contains("届出書の確認");
        assertThat(focusedId(robot)).as("the offer takes the focus").isEqualTo("resumeDraft-1");
        javafx.scene.control.Button resume = robot.from(root).lookup("#resumeDraft-1")
                .queryAs(javafx.scene.control.Button.class);
        javafx.scene.control.Button discard = robot.from(root).lookup("#discardDraft-1")
                .queryAs(javafx.scene.control.Button.class);
        assertThat(resume.getAccessibleText()).startsWith("再開").contains("届出書の確認");
        assertThat(discard.getAccessibleText()).startsWith("破棄").contains("届出書の確認");
        noUnnamedControls(robot);
        focusByTab(robot, "discardDraft-1");
        focusByTab(robot, "resumeDraft-1");

        robot.type(KeyCode.SPACE);
        waitUntil(() -> vm.stepProperty().get() == VisitStep.FORMS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#messageLabel")).isEqualTo("中断した受付を再開しました");
        assertThat(robot.from(root).lookup("#draftBox").query().isVisible()).isFalse();
        assertThat(vm.forms().get(0).filled().text("name")).isEqualTo("新規\u3000転入");
        noUnnamedControls(robot);
    }

    @Test
    void severalInterruptedVisitsAreOfferedAsRowsThatTheKeyboardReachesEachNamedWithItsStepAndTime(FxRobot robot)
            throws Exception {
        CounterVisit earlier = new CounterVisit(new Messages(Language.JAPANESE),
                new dev.madoguchi.app.task.InlineTaskRunner(), fixture.visits,
                () -> new PrintDestination.Folder(fixture.printFolder));
        VisitDraftTest.manualVisitToForms(earlier);
        earlier.discard();
        fixture.clock.advance(java.time.Duration.ofMinutes(25));
        earlier.enterManually();
        earlier.manualNameProperty().set("別件\u3000次郎");
        earlier.manualBirthDateProperty().set("1985-05-05");
        earlier.submitManualEntry();
        assertThat(earlier.stepProperty().get()).isEqualTo(VisitStep.CANDIDATES);
        earlier.discard();
        String hhmm = java.time.format.DateTimeFormatter.ofPattern("HH:mm").withZone(java.time.ZoneId.systemDefault())
                .format(CounterFixture.TODAY);

        Platform.runLater(() -> vm.offerDrafts());
        waitUntil(() -> vm.offeredDrafts().size() == 2);
        assertThat(text(robot, "#draftLabel")).contains("2 件");
        assertThat(focusedId(robot)).as("the newest draft's 再開 takes the focus").isEqualTo("resumeDraft-1");
        javafx.scene.control.Button resumeOlder = robot.from(root).lookup("#resumeDraft-2")
                .queryAs(javafx.scene.control.Button.class);
        javafx.scene.control.Button discardOlder = robot.from(root).lookup("#discardDraft-2")
                .queryAs(javafx.scene.control.Button.class);
        assertThat(resumeOlder.getAccessibleText()).isEqualTo("再開：届出書の確認と修正、" + hhmm + " 保存");
        assertThat(discardOlder.getAccessibleText()).isEqualTo("破棄：届出書の確認と修正、" + hhmm + " 保存");
        assertThat(robot.from(root).lookup("#resumeDraft-1").queryAs(javafx.scene.control.Button.class)
                .getAccessibleText()).startsWith("再開：住民記録の候補");
        noUnnamedControls(robot);

        focusByTab(robot, "discardDraft-2");
        robot.type(KeyCode.SPACE);
        waitUntil(() -> vm.offeredDrafts().size() == 1);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.from(root).lookup("#discardDraft-2").tryQuery()).as("its row is gone").isEmpty();
        assertThat(focusedId(robot)).as("the focus goes to the draft left").isEqualTo("resumeDraft-1");
        assertThat(text(robot, "#draftLabel")).contains("住民記録の候補");
        var store = fixture.store.store().orElseThrow();
        waitUntil(() -> store.drafts().mine().size() == 1);
        assertThat(store.audit().tail(1).get(0).action())
                .isEqualTo(dev.madoguchi.store.audit.AuditAction.DISCARD_VISIT_DRAFT);

        robot.type(KeyCode.SPACE);
        waitUntil(() -> vm.stepProperty().get() == VisitStep.CANDIDATES);
        assertThat(robot.from(root).lookup("#draftBox").query().isVisible()).isFalse();
        noUnnamedControls(robot);
    }

    @Test
    void aVisitPrintedBeforeTheInterruptionSaysSoAndIsRecordedWithoutPrintingAgainByKeyboard(FxRobot robot)
            throws Exception {
        CounterFixture.requireFonts();
        PowerCutTaskRunner cut = new PowerCutTaskRunner("counter store case");
        CounterVisit earlier = new CounterVisit(new Messages(Language.JAPANESE), cut, fixture.visits,
                () -> new PrintDestination.Folder(fixture.printFolder));
        VisitDraftTest.manualVisitToForms(earlier);
        earlier.preview();
        earlier.print();
        assertThat(cut.off()).isTrue();
        String hhmm = java.time.format.DateTimeFormatter.ofPattern("HH:mm").withZone(java.time.ZoneId.systemDefault())
                .format(CounterFixture.TODAY);

        Platform.runLater(() -> vm.offerDrafts());
        waitUntil(() -> VisitDraftTest.offered(vm) != null);
        assertThat(text(robot, "#draftLabel")).contains("印刷済み");
        assertThat(focusedId(robot)).isEqualTo("resumeDraft-1");
        robot.type(KeyCode.SPACE);
        waitUntil(() -> vm.stepProperty().get() == VisitStep.PRINTED);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#printedLabel")).contains(hhmm + " に印刷済み").contains("まだ記録されていません");
        assertThat(focusedId(robot)).as("記録する comes first").isEqualTo("storePrintedButton");
        javafx.scene.control.Button printAgain = robot.from(root).lookup("#printAgainButton")
                .queryAs(javafx.scene.control.Button.class);
        assertThat(printAgain.getAccessibleText()).startsWith("印刷し直す：").contains(hhmm);
        assertThat(robot.from(root).lookup("#cancelButton").query().isVisible()).as("it may still be given up")
                .isTrue();
        noUnnamedControls(robot);
        focusByTab(robot, "printAgainButton");
        focusByTab(robot, "storePrintedButton");

        robot.type(KeyCode.SPACE);
        waitUntil(() -> vm.stepProperty().get() == VisitStep.DONE);
        assertThat(text(robot, "#caseLabel")).as("a short case number, not the id").contains(
                dev.madoguchi.app.counter.print.PrintViewModel.caseNumber(UUID.fromString(vm.caseIdProperty().get())))
                .doesNotContain(vm.caseIdProperty().get());
        try (var files = Files.list(fixture.printFolder)) {
            assertThat(files.filter(f -> f.toString().endsWith(".pdf")).count()).as("not printed again")
                    .isEqualTo(1);
        }
        noUnnamedControls(robot);
    }

    /** The texts of every label shown (itself and all its parents visible). */
    private java.util.List<String> shownTexts() {
        WaitForAsyncUtils.waitForFxEvents();
        return root.lookupAll(".label").stream().filter(n -> n instanceof Label l && l.getText() != null
                && java.util.stream.Stream.iterate(n, p -> p != null, Node::getParent).allMatch(Node::isVisible))
                .map(n -> ((Label) n).getText()).toList();
    }

    private static String asciiDigits(String s) {
        StringBuilder b = new StringBuilder();
        s.chars().forEach(c -> b.append(c >= 0xFF10 && c <= 0xFF19 ? (char) ('0' + c - 0xFF10) : (char) c));
        return b.toString();
    }

    private void noUnnamedControls(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(AccessibilityAudit.unnamedFocusableNodes(root)).isEmpty();
    }

    /** Presses Tab until the node is focused: proves it is reachable by keyboard in the focus order. */
    private void focusByTab(FxRobot robot, String id) {
        for (int i = 0; i < 150; i++) {
            WaitForAsyncUtils.waitForFxEvents();
            if (id.equals(focusedId(robot))) {
                return;
            }
            robot.type(KeyCode.TAB);
        }
        throw new AssertionError("#" + id + " not reachable with Tab; focus is on " + focusedId(robot));
    }

    private String focusedId(FxRobot robot) {
        Node owner = root.getScene().getFocusOwner();
        return owner == null ? null : owner.getId();
    }

    private static void waitUntil(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Whether a label or button on screen shows exactly this text. */
    private boolean shows(String text) {
        WaitForAsyncUtils.waitForFxEvents();
        return root.lookupAll("*").stream().anyMatch(n -> n instanceof javafx.scene.control.Labeled l
                && text.equals(l.getText()) && l.isVisible());
    }

    private static String text(FxRobot robot, String query) {
        String t = robot.lookup(query).queryAs(Label.class).getText(); // only the counter window is open here
        return t == null ? "" : t;
    }
}
