package dev.madoguchi.app.volunteer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.madoguchi.app.AppConfig;
import dev.madoguchi.app.AppPaths;
import dev.madoguchi.app.CompositionRoot;
import dev.madoguchi.app.demo.DemoEnvironment;
import dev.madoguchi.app.i18n.Language;
import dev.madoguchi.app.scroll.ShownScrollPanes;
import dev.madoguchi.app.shell.AccessibilityAudit;
import dev.madoguchi.app.shell.Mode;
import dev.madoguchi.app.task.ExecutorTaskRunner;
import dev.madoguchi.card.simulated.VolunteerDemoCards;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
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
 * The volunteer mode as the demo volunteer meets it: signed in by keyboard to the volunteer mode only, nothing of the
 * counter reachable; a demo card with a locked PIN on the simulated reader; the result on both windows at 200 % text,
 * every control named; 終了 by its shortcut; the resident's self-test on the resident's window.
 */
@ExtendWith(ApplicationExtension.class)
class VolunteerScreenTest {

    @TempDir
    static Path dataDir;

    private ExecutorTaskRunner tasks;
    private CompositionRoot root;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        tasks = new ExecutorTaskRunner(Platform::runLater);
        root = new CompositionRoot(new AppConfig(new AppPaths(dataDir), Language.JAPANESE, 200, true), tasks);
        root.showLogin(stage);
    }

    @AfterEach
    void stop() {
        tasks.close();
        root.close();
    }

    private void signInAsTheVolunteer(FxRobot robot) throws Exception {
        robot.clickOn("#clerkIdField").press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL)
                .write(DemoEnvironment.DEMO_VOLUNTEER);
        robot.clickOn("#passphraseField").write(DemoEnvironment.DEMO_VOLUNTEER_PASSPHRASE);
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> robot.lookup("#volunteerView").tryQuery().isPresent()
                && root.volunteer() != null);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void put(String card) throws Exception {
        root.readers().simulatedReader().orElseThrow().place(card);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> root.volunteer().session().stepProperty().get() == CheckUpStep.RESULT);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theDemoVolunteerLandsInTheVolunteerModeWithNothingOfTheCounterReachable(FxRobot robot) throws Exception {
        signInAsTheVolunteer(robot);
        assertThat(root.mainWindow().modeProperty().get()).isEqualTo(Mode.VOLUNTEER);
        assertThat(robot.lookup("#volunteerView").query().isVisible()).isTrue();
        assertThat(robot.lookup("#counterView").tryQuery()).isEmpty(); // not even made for a volunteer account
        assertThat(robot.lookup("#shelterView").tryQuery()).isEmpty();
        assertThat(robot.lookup("#counterButton").query().isVisible()).isFalse();
        assertThat(robot.lookup("#shelterButton").query().isVisible()).isFalse();
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(root.mainWindow().modeProperty().get()).as("Ctrl+1 is not theirs").isEqualTo(Mode.VOLUNTEER);
        assertThat(root.visit().stepProperty().get().name()).isEqualTo("WAITING_FOR_CARD");
        assertThat(robot.lookup("#welcomeHeading").queryAs(Label.class).getText())
                .isEqualTo("カードを読取機に置いてください");
        WaitForAsyncUtils.sleep(1500, TimeUnit.MILLISECONDS); // a status bar round
        WaitForAsyncUtils.waitForFxEvents();
        String status = robot.lookup("#statusBar").query().lookupAll(".label").stream()
                .map(n -> ((Label) n).getText()).toList().toString();
        assertThat(status).as("no error for a volunteer in the status bar").doesNotContain("STORE-", "エラー",
                "権限");
        assertThat(root.volunteerResident().headlineProperty().get()).contains("読取機に置いてください");
    }

    @Test
    void aLockedPinCheckUpByKeyboardOnBothWindowsAt200Percent(FxRobot robot) throws Exception {
        signInAsTheVolunteer(robot);
        put(VolunteerDemoCards.AUTH_PIN_LOCKED);
        Node screen = robot.lookup("#volunteerView").query();
        assertThat(AccessibilityAudit.unnamedFocusableNodes(screen)).isEmpty();
        assertThat(robot.lookup("#cardKindLabel").queryAs(Label.class).getText()).isEqualTo("マイナンバーカード");
        assertThat(screen.getScene().getFocusOwner().getId()).isIn("readAloudButton", "finishButton");
        assertThat(AccessibilityAudit.clippedLabels(robot.lookup("#resultRoot").query())).isEmpty();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !root.volunteer().result().advice().isEmpty());
        Stage residentStage = root.residentWindow();
        Node resident = residentStage.getScene().getRoot();
        assertThat(AccessibilityAudit.unnamedFocusableNodes(resident)).isEmpty();
        assertThat(root.volunteerResident().headlineProperty().get()).isEqualTo("マイナンバーカードです");

        // the resident checks their 券面事項入力補助用 PIN on their own window: digits, Enter
        robot.interact(() -> residentStage.toFront());
        robot.clickOn(robot.lookup("#resident-selftest-text-pin").queryAs(javafx.scene.control.Button.class));
        WaitForAsyncUtils.waitForFxEvents();
        // the pad stays where it is while the resident types (it once grew and moved at the first digit)
        Node lastKey = robot.lookup("#resident-pin-9").query();
        javafx.geometry.Bounds before = WaitForAsyncUtils.waitForAsyncFx(5_000, () -> lastKey.localToScreen(lastKey.getBoundsInLocal()));
        boolean first = true;
        for (char c : VolunteerDemoCards.TEXT_PIN.toCharArray()) {
            robot.type(KeyCode.getKeyCode(String.valueOf(c)));
            if (first) {
                first = false;
                WaitForAsyncUtils.waitForFxEvents();
                assertThat(WaitForAsyncUtils.waitForAsyncFx(5_000, () -> lastKey.localToScreen(lastKey.getBoundsInLocal())))
                        .as("the pad after the first digit").isEqualTo(before);
            }
        }
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> "正しい暗証番号です".equals(root.volunteerResident().detailProperty().get()));
        assertThat(robot.lookup("#selfTestLabel").queryAs(Label.class).getText()).contains("正しい暗証番号です")
                .doesNotContain(VolunteerDemoCards.TEXT_PIN);

        // 終了 on the volunteer's keyboard: both windows back to the welcome
        robot.interact(() -> stage.toFront());
        robot.clickOn("#cardKindLabel");
        robot.press(KeyCode.CONTROL, KeyCode.E).release(KeyCode.E, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> root.volunteer().session().stepProperty().get() == CheckUpStep.WELCOME);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(root.volunteer().result().lines()).isEmpty();
        assertThat(root.volunteerResident().headlineProperty().get()).contains("読取機に置いてください");
        assertThat(root.volunteerResident().lines()).isEmpty();
    }

    /**
     * JavaFX's scroll pane caches its viewport in an offscreen image of its size; on the software renderer that is a
     * window-sized int[] per pane (docs/performance.md, "Counter"). Neither the volunteer's screen nor the resident's
     * window draws a scroll pane through that cache, with a check-up's result shown.
     */
    @Test
    void noScrollPaneOfEitherWindowKeepsAViewportImage(FxRobot robot) throws Exception {
        signInAsTheVolunteer(robot);
        put(VolunteerDemoCards.AUTH_PIN_LOCKED);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !root.volunteerResident().lines().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        List<ScrollPane> panes = new ArrayList<>();
        robot.interact(() -> panes.addAll(ShownScrollPanes.inShownWindows()));
        assertThat(panes).extracting(ScrollPane::getId).contains("volunteerScroll", "linesScroll");
        assertThat(panes).allSatisfy(p -> assertThat(p.getSkin()).as("shown, so skinned").isNotNull());
        assertThat(ShownScrollPanes.cached(panes)).as("drawn through the node cache").isEmpty();
        // 終了 (Ctrl+E): both windows back to the welcome before the application closes
        robot.interact(() -> stage.toFront());
        robot.clickOn("#cardKindLabel");
        robot.press(KeyCode.CONTROL, KeyCode.E).release(KeyCode.E, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> root.volunteer().session().stepProperty().get() == CheckUpStep.WELCOME);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Tab until the node with this id has the focus (at most 120 presses), then press Space on it. */
    private static void tabToAndPress(FxRobot robot, javafx.scene.Scene scene, String id) {
        robot.interact(() -> scene.getWindow().requestFocus()); // the window the keys go to
        WaitForAsyncUtils.waitForFxEvents();
        java.util.List<String> seen = new java.util.ArrayList<>();
        for (int i = 0; i < 120 && (scene.getFocusOwner() == null || !id.equals(scene.getFocusOwner().getId())); i++) {
            seen.add(scene.getFocusOwner() == null ? "-" : String.valueOf(scene.getFocusOwner().getId()));
            robot.type(KeyCode.TAB);
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertThat(scene.getFocusOwner().getId()).as("reached by Tab; went through %s", seen).isEqualTo(id);
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** An answered question: Tab reaches its chosen answer (a toggle group), the arrow key the other, Space chooses. */
    private static void changeAnswerByKeyboard(FxRobot robot, javafx.scene.Scene scene, String from, String to) {
        robot.interact(() -> scene.getWindow().requestFocus());
        for (int i = 0; i < 120 && (scene.getFocusOwner() == null || !from.equals(scene.getFocusOwner().getId())); i++) {
            robot.type(KeyCode.TAB);
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertThat(scene.getFocusOwner().getId()).isEqualTo(from);
        robot.type(KeyCode.RIGHT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(scene.getFocusOwner().getId()).isEqualTo(to);
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theQuestionsAreAnsweredByKeyboardOnBothWindowsAndThePasswordIsTypedOnTheResidentsKeys(FxRobot robot)
            throws Exception {
        signInAsTheVolunteer(robot);
        put(VolunteerDemoCards.AUTH_PIN_LOCKED);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !root.volunteer().result().questions().isEmpty()
                && !root.volunteerResident().questions().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        String store = "利用者証明用の暗証番号がロックされています：コンビニで再設定できます";
        String counter = "利用者証明用の暗証番号がロックされています：窓口で再設定します";
        assertThat(root.volunteer().result().advice()).extracting(AdviceLine::title).contains(store, counter);
        Node screen = robot.lookup("#volunteerView").query();
        assertThat(AccessibilityAudit.unnamedFocusableNodes(screen)).isEmpty();
        assertThat(AccessibilityAudit.clippedLabels(robot.lookup("#resultRoot").query())).isEmpty();

        // the volunteer asks and enters the answer with the keyboard (from the focused 読み上げ / 終了): the advice is
        // made again
        tabToAndPress(robot, stage.getScene(), "volunteer-answer-knowsSignPassword-yes");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> root.volunteer().result().advice().stream()
                .map(AdviceLine::title).noneMatch(counter::equals));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(root.volunteer().result().advice()).extracting(AdviceLine::title).contains(store);
        assertThat(stage.getScene().getFocusOwner().getId()).as("the focus stays on the answer")
                .isEqualTo("volunteer-answer-knowsSignPassword-yes");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> root.volunteerResident().questions().stream()
                .allMatch(q -> q.answer().equals("yes")));

        // the resident changes it on their window, by keyboard too, in large type
        Stage residentStage = root.residentWindow();
        robot.interact(residentStage::toFront);
        Node resident = residentStage.getScene().getRoot();
        assertThat(AccessibilityAudit.unnamedFocusableNodes(resident)).isEmpty();
        changeAnswerByKeyboard(robot, residentStage.getScene(), "resident-answer-knowsSignPassword-yes",
                "resident-answer-knowsSignPassword-no");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> root.volunteer().result().advice().stream()
                .map(AdviceLine::title).noneMatch(store::equals));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(root.volunteer().result().questions()).extracting(AdviceQuestion::answer).containsExactly("no");

        // the 署名用パスワード on the resident's keys: letters and digits, Enter; one VERIFY
        robot.clickOn(robot.lookup("#resident-selftest-sign-password").queryAs(Node.class));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> root.volunteerResident().lettersShownProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#resident-pin-Q").query().isVisible()).isTrue();
        assertThat(AccessibilityAudit.unnamedFocusableNodes(resident)).isEmpty();
        for (char c : VolunteerDemoCards.SIGN_PASSWORD.toCharArray()) {
            robot.type(KeyCode.getKeyCode(String.valueOf(c)));
        }
        assertThat(root.volunteerResident().pinDotsProperty().get()).isEqualTo("●●●●●●");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> "正しい暗証番号です".equals(root.volunteerResident().detailProperty().get()));
        assertThat(robot.lookup("#selfTestLabel").queryAs(Label.class).getText()).contains("正しい暗証番号です")
                .doesNotContain(VolunteerDemoCards.SIGN_PASSWORD);
        robot.interact(() -> root.volunteer().result().finish());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> root.volunteer().session().stepProperty().get() == CheckUpStep.WELCOME);
        assertThat(root.volunteer().session().answers()).isEmpty();
    }
}
