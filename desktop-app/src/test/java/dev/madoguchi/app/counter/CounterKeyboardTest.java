package dev.madoguchi.app.counter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.madoguchi.app.counter.screen.CounterView;
import dev.madoguchi.app.i18n.Language;
import dev.madoguchi.app.i18n.Messages;
import dev.madoguchi.app.shell.AccessibilityAudit;
import dev.madoguchi.app.task.ExecutorTaskRunner;
import dev.madoguchi.app.wiring.ViewLoader;
import dev.madoguchi.demo.Resident;
import dev.madoguchi.forms.rules.ProposedProcedure;
import dev.madoguchi.store.audit.AuditAction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
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
 * What a keyboard-only clerk hit at the counter (issue 12, item 7), each driven the way a person does: Tab, arrow
 * keys, Space, Enter, F8, PageDown, typed text — never {@code fire()} on a node.
 */
@ExtendWith(ApplicationExtension.class)
class CounterKeyboardTest {

    @TempDir
    static Path dir;

    private ExecutorTaskRunner tasks;
    private CounterFixture fixture;
    private CounterVisit vm;
    private Parent root;

    @Start
    void start(Stage stage) throws IOException {
        Path visitDir = Files.createTempDirectory(dir, "keys");
        tasks = new ExecutorTaskRunner(Platform::runLater);
        fixture = new CounterFixture(visitDir);
        vm = new CounterVisit(new Messages(Language.JAPANESE), tasks, fixture.visits,
                () -> new PrintDestination.Folder(fixture.printFolder));
        Messages messages = new Messages(Language.JAPANESE);
        CaseListViewModel caseList = new CaseListViewModel(messages, tasks, fixture.visits,
                () -> new PrintDestination.Folder(fixture.printFolder), java.time.ZoneId.of("Asia/Tokyo"));
        root = new ViewLoader(messages.bundle()).withAll(vm.steps().controllers(caseList)).loadStyled(CounterView.class);
        stage.setScene(new Scene(root, 1100, 600));
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

    /** A card holder found in the register, confirmed: the life event panel. */
    private Resident toLifeEvent(FxRobot robot) throws Exception {
        Resident resident = fixture.holderWithSubstituteName();
        fixture.reader.place(resident.id());
        waitUntil(() -> vm.stepProperty().get() == VisitStep.PIN_ENTRY);
        robot.write(resident.card().textPin()).type(KeyCode.ENTER);
        waitUntil(() -> vm.stepProperty().get() == VisitStep.CANDIDATES);
        assertThat(focusedId()).isEqualTo("confirm-1");
        robot.type(KeyCode.SPACE);
        waitUntil(() -> vm.stepProperty().get() == VisitStep.LIFE_EVENT);
        return resident;
    }

    @Test
    void answersChosenWithTheArrowKeysAreTheAnswersRecordedAndTheProposalIsTheRulesOne(FxRobot robot)
            throws Exception {
        toLifeEvent(robot);
        focusByTab(robot, "event-tenshutsu");
        robot.type(KeyCode.SPACE);
        waitUntil(() -> !vm.questions().isEmpty());
        for (var q : vm.questions()) {
            assertThat(radio("answer-" + q.id() + "-unknown").isSelected()).as("わからない shown first").isTrue();
            focusByTab(robot, "answer-" + q.id() + "-unknown");
            robot.type(KeyCode.LEFT); // わからない → いいえ, as a person moves a radio selection
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(radio("answer-" + q.id() + "-no").isSelected()).as(q.id()).isTrue();
        }
        var children = vm.questions().stream().filter(q -> q.id().equals("withChildren")).findFirst().orElseThrow();
        focusByTab(robot, "answer-" + children.id() + "-no");
        robot.type(KeyCode.LEFT); // いいえ → はい
        WaitForAsyncUtils.waitForFxEvents();
        focusByTab(robot, "answer-" + children.id() + "-yes");
        robot.type(KeyCode.SPACE); // Space on the selected button keeps it
        WaitForAsyncUtils.waitForFxEvents();

        for (var q : vm.questions()) {
            String shown = java.util.stream.Stream.of("yes", "no", "unknown")
                    .filter(a -> radio("answer-" + q.id() + "-" + a).isSelected()).findFirst().orElseThrow();
            assertThat(vm.answers().get(q.id())).as("shown and recorded: " + q.id()).isEqualTo(shown);
        }
        assertThat(vm.answers()).containsEntry("withChildren", "yes");
        Map<String, String> shownAnswers = Map.copyOf(vm.answers());
        focusByTab(robot, "proposeButton");
        robot.type(KeyCode.SPACE);
        waitUntil(() -> vm.stepProperty().get() == VisitStep.PROCEDURES);
        assertThat(vm.procedures()).extracting(ProposedProcedure::id).containsExactlyElementsOf(
                fixture.visits.plan("tenshutsu", shownAnswers).procedures().stream().map(ProposedProcedure::id).toList())
                .containsExactly("jumin-ido", "jidou-teate");
        noUnnamedControls();
    }

    @Test
    void aProposedProcedureIsSetAsideWithAReasonByKeyboardAndItsFormIsNotMade(FxRobot robot) throws Exception {
        toLifeEvent(robot);
        robot.interact(() -> {
            vm.chooseEvent("tenshutsu");
            vm.questions().forEach(q -> vm.answer(q.id(), "no"));
            vm.answer("withChildren", "yes");
            vm.proposeProcedures();
        });
        waitUntil(() -> vm.stepProperty().get() == VisitStep.PROCEDURES);
        noUnnamedControls();
        focusByTab(robot, "setAsideReason-jidou-teate");
        robot.type(KeyCode.DOWN).type(KeyCode.ENTER); // the list opens on the first reason: 当てはまらない
        WaitForAsyncUtils.waitForFxEvents();
        focusByTab(robot, "setAside-jidou-teate");
        robot.type(KeyCode.SPACE);
        waitUntil(() -> vm.visit().setAside().containsKey("jidou-teate"));
        assertThat(vm.visit().setAside()).containsEntry("jidou-teate", "NOT_APPLICABLE");
        assertThat(focusedId()).as("the focus stays on the procedure").isEqualTo("takeBack-jidou-teate");
        assertThat(shows("除きました（この方には当てはまらない）。この手続の届出書は作らず、印刷しません")).isTrue();
        waitUntil(() -> fixture.store.store().orElseThrow().audit().tail(1).get(0).action()
                == AuditAction.SET_ASIDE_PROCEDURE);
        noUnnamedControls();

        robot.interact(() -> VisitServiceTest.interview().forEach(vm::setInterviewValue));
        focusByTab(robot, "prepareButton");
        robot.type(KeyCode.SPACE);
        waitUntil(() -> vm.stepProperty().get() == VisitStep.FORMS);
        assertThat(vm.forms()).extracting(VisitForm::formId).doesNotContain("jidou-teate");
    }

    @Test
    void aRefusedPreviewIsSaidWhereTheFocusIsF8GoesToTheFieldAndPageDownScrolls(FxRobot robot) throws Exception {
        toLifeEvent(robot);
        robot.interact(() -> {
            vm.chooseEvent("tenshutsu");
            vm.questions().forEach(q -> vm.answer(q.id(), "no"));
            vm.answer("withChildren", "yes");
            vm.proposeProcedures();
        });
        waitUntil(() -> vm.stepProperty().get() == VisitStep.PROCEDURES);
        robot.interact(() -> VisitServiceTest.interview().forEach(vm::setInterviewValue));
        focusByTab(robot, "interview-destination");
        robot.press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL).write("別県別市三丁目４番");
        focusByTab(robot, "prepareButton");
        robot.type(KeyCode.SPACE);
        waitUntil(() -> vm.stepProperty().get() == VisitStep.FORMS);
        WaitForAsyncUtils.waitForFxEvents();
        // what the clerk typed in the interview is on the form, and says where it came from
        assertThat(vm.forms().get(0).filled().text("destination")).isEqualTo("別県別市三丁目４番");
        assertThat(vm.sourceText(vm.forms().get(0).filled().value("destination").orElseThrow().source()))
                .isEqualTo("聞き取り");

        ScrollPane panel = robot.lookup("#panelScroll").queryAs(ScrollPane.class);
        focusByTab(robot, "form-0-nameKana");
        robot.press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL).write("abc").type(KeyCode.ENTER);
        waitUntil(() -> !vm.forms().get(0).printable());
        double before = panel.getVvalue();
        robot.type(KeyCode.PAGE_DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(panel.getVvalue()).as("PageDown scrolls the panel").isGreaterThan(before);
        robot.type(KeyCode.PAGE_UP);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(panel.getVvalue()).as("PageUp scrolls back").isLessThan(before + 1e-9);

        focusByTab(robot, "previewButton");
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.stepProperty().get()).isEqualTo(VisitStep.FORMS);
        assertThat(focusedId()).as("the refusal takes the focus").isEqualTo("formsErrorLabel");
        Label said = robot.lookup("#formsErrorLabel").queryAs(Label.class);
        assertThat(said.getAccessibleText()).contains("エラーのある届出書は印刷できません").contains("住民異動届")
                .contains("F8");
        assertThat(said.isVisible()).isTrue();
        noUnnamedControls();

        robot.type(KeyCode.F8);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(focusedId()).isEqualTo("form-0-nameKana");
        double atField = panel.getVvalue();
        robot.press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL).write("ヨシダ　タロウ")
                .type(KeyCode.ENTER);
        waitUntil(() -> vm.forms().get(0).printable());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(focusedId()).isEqualTo("form-0-nameKana");
        assertThat(panel.getVvalue()).as("the panel does not jump when the form turns printable")
                .isCloseTo(atField, org.assertj.core.data.Offset.offset(0.02));
    }

    @Test
    void aLowerFormStaysWhereItIsOnScreenWhenItTurnsUnprintableAndPrintableAndItsRefusalIsInView(FxRobot robot)
            throws Exception {
        toLifeEvent(robot);
        robot.interact(() -> {
            vm.chooseEvent("tenshutsu"); // a confirmed resident moving in is stopped: 転出 has the children's form too
            vm.questions().forEach(q -> vm.answer(q.id(), "no"));
            vm.answer("withChildren", "yes");
            vm.proposeProcedures();
        });
        waitUntil(() -> vm.stepProperty().get() == VisitStep.PROCEDURES);
        robot.interact(() -> VisitServiceTest.interview().forEach(vm::setInterviewValue));
        focusByTab(robot, "prepareButton");
        robot.type(KeyCode.SPACE);
        waitUntil(() -> vm.stepProperty().get() == VisitStep.FORMS);
        assertThat(vm.forms()).hasSizeGreaterThan(1);
        assertThat(vm.forms()).allMatch(VisitForm::printable);
        int k = vm.forms().stream().map(VisitForm::formId).toList().indexOf("jidou-teate");
        assertThat(k).as("the children's form is a lower form").isGreaterThan(0);
        String field = "form-" + k + "-claimantNameKana";
        ScrollPane panel = robot.lookup("#panelScroll").queryAs(ScrollPane.class);

        // a field of the second form, reached with Tab (the panel scrolls to it), made wrong with Enter
        focusByTab(robot, field);
        assertThat(panel.getVvalue()).as("the panel scrolled down to the second form").isGreaterThan(0.1);
        double y = screenY(field);
        robot.press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL).write("abc").type(KeyCode.ENTER);
        waitUntil(() -> !vm.forms().get(k).printable());
        assertThat(focusedId()).isEqualTo(field);
        assertThat(screenY(field)).as("the field stays where it was when its form turns unprintable")
                .isCloseTo(y, within(3.0));

        // corrected and left with Tab: the next field has the focus and stays where it was
        robot.press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL).write("ヨシダ　タロウ").type(KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();
        String next = focusedId();
        assertThat(next).startsWith("form-" + k + "-").isNotEqualTo(field);
        double nextY = screenY(next);
        waitUntil(() -> vm.forms().get(k).printable());
        assertThat(focusedId()).isEqualTo(next);
        assertThat(screenY(next)).as("the focused field stays where it was when its form turns printable")
                .isCloseTo(nextY, within(3.0));

        // wrong again, left with Tab; the refusal of the preview is in view, where the focus is
        robot.press(KeyCode.SHIFT).type(KeyCode.TAB).release(KeyCode.SHIFT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(focusedId()).isEqualTo(field);
        robot.press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL).write("abc").type(KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();
        nextY = screenY(next);
        waitUntil(() -> !vm.forms().get(k).printable());
        assertThat(focusedId()).isEqualTo(next);
        assertThat(screenY(next)).isCloseTo(nextY, within(3.0));
        focusByTab(robot, "previewButton");
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.stepProperty().get()).isEqualTo(VisitStep.FORMS);
        assertThat(focusedId()).as("the refusal takes the focus").isEqualTo("formsErrorLabel");
        Label said = robot.lookup("#formsErrorLabel").queryAs(Label.class);
        assertThat(said.getAccessibleText()).contains("エラーのある届出書は印刷できません").contains("F8");
        assertThat(inViewport(said)).as("the refusal is in view").isTrue();
        assertThat(inViewport(robot.lookup("#previewButton").query())).as("beside the button, in view").isTrue();
        robot.type(KeyCode.F8);
        WaitForAsyncUtils.waitForFxEvents();
        // F8 goes to the first field in error: the kana typed here was carried to the same answer on the first form
        assertThat(focusedId()).isEqualTo("form-0-nameKana");
        assertThat(inViewport(robot.lookup("#form-0-nameKana").query())).isTrue();
        noUnnamedControls();
    }

    private double screenY(String id) {
        WaitForAsyncUtils.waitForFxEvents();
        Node node = root.lookup("#" + id);
        return node.localToScene(node.getLayoutBounds()).getMinY();
    }

    private boolean inViewport(Node node) {
        ScrollPane panel = (ScrollPane) root.lookup("#panelScroll");
        Node viewport = panel.lookup(".viewport");
        var view = viewport.localToScene(viewport.getLayoutBounds());
        var b = node.localToScene(node.getLayoutBounds());
        return node.isVisible() && b.getHeight() > 0 && b.getMinY() >= view.getMinY() - 0.5
                && b.getMaxY() <= view.getMaxY() + 0.5;
    }

    private RadioButton radio(String id) {
        return (RadioButton) root.lookup("#" + id);
    }

    private void noUnnamedControls() {
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(AccessibilityAudit.unnamedFocusableNodes(root)).isEmpty();
    }

    private void focusByTab(FxRobot robot, String id) {
        for (int i = 0; i < 200; i++) {
            WaitForAsyncUtils.waitForFxEvents();
            if (id.equals(focusedId())) {
                return;
            }
            robot.type(KeyCode.TAB);
        }
        throw new AssertionError("#" + id + " not reachable with Tab; focus is on " + focusedId());
    }

    private String focusedId() {
        Node owner = root.getScene().getFocusOwner();
        return owner == null ? null : owner.getId();
    }

    private boolean shows(String text) {
        WaitForAsyncUtils.waitForFxEvents();
        return root.lookupAll("*").stream().anyMatch(n -> n instanceof javafx.scene.control.Labeled l
                && text.equals(l.getText()) && l.isVisible());
    }

    private static void waitUntil(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
