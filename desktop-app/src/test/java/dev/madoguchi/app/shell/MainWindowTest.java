package dev.madoguchi.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.madoguchi.app.AppConfig;
import dev.madoguchi.app.AppPaths;
import dev.madoguchi.app.CompositionRoot;
import dev.madoguchi.app.i18n.Language;
import dev.madoguchi.app.scroll.ShownScrollPanes;
import dev.madoguchi.app.task.ExecutorTaskRunner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real main window, wired by the real composition root, headless (Monocle). */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {

    @TempDir
    static Path dataDir;

    private ExecutorTaskRunner tasks;
    private CompositionRoot root;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        tasks = new ExecutorTaskRunner(Platform::runLater);
        root = new CompositionRoot(new AppConfig(new AppPaths(dataDir), Language.JAPANESE, 100, true), tasks);
        root.showMainWindow(stage);
    }

    @AfterEach
    void stop() {
        tasks.close();
        root.close();
    }

    @Test
    void marksDemoModeVisiblyInTheWindowAndItsTitle(FxRobot robot) {
        Label banner = robot.lookup("#demoBanner").queryAs(Label.class);
        assertThat(banner.isVisible()).isTrue();
        assertThat(banner.getText()).startsWith("デモモード");
        assertThat(banner.getHeight()).isGreaterThan(10);
        assertThat(((Stage) banner.getScene().getWindow()).getTitle()).contains("デモ");
    }

    @Test
    void startsInCounterModeAndNavigatesByButtonsAndKeys(FxRobot robot) {
        assertThat(visible(robot, "#counterView")).isTrue();
        // a mode's view is made when the mode is first shown (docs/performance.md, "Counter")
        assertThat(robot.lookup("#shelterView").tryQuery()).isEmpty();
        assertThat(robot.lookup("#volunteerView").tryQuery()).isEmpty();

        robot.clickOn("#shelterButton");
        assertThat(visible(robot, "#shelterView")).isTrue();
        assertThat(visible(robot, "#counterView")).isFalse();
        assertThat(robot.lookup("#shelterButton").queryAs(ToggleButton.class).isSelected()).isTrue();

        robot.press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(visible(robot, "#volunteerView")).isTrue();
        assertThat(robot.lookup("#volunteerButton").queryAs(ToggleButton.class).isSelected()).isTrue();

        robot.clickOn("#volunteerButton"); // clicking the chosen mode again keeps it chosen
        assertThat(robot.lookup("#volunteerButton").queryAs(ToggleButton.class).isSelected()).isTrue();
        assertThat(visible(robot, "#volunteerView")).isTrue();
    }

    @Test
    void showsReaderStoreAndSyncStateInWords(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> text(robot, "#storeStatus").contains("人") && text(robot, "#readerStatus").contains("模擬"));
        assertThat(text(robot, "#readerStatus")).isEqualTo("読取機：模擬読取機（デモ）・カードなし");
        assertThat(text(robot, "#storeStatus")).matches("ローカル保存：使用できます（デモ住民記録 [0-9,]+ 世帯・[0-9,]+ 人）");
        assertThat(text(robot, "#syncStatus")).contains("同期先が未設定");
    }

    @Test
    void aDemoCardPutOnTheSimulatedReaderShowsInTheStatusBar(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> text(robot, "#readerStatus").contains("模擬"));
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.C).release(KeyCode.C, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> text(robot, "#readerStatus").contains("カードあり"));
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.R).release(KeyCode.R, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> text(robot, "#readerStatus").contains("カードなし"));
    }

    @Test
    void switchesToEnglishKeepingTheModeAndTheBanner(FxRobot robot) throws Exception {
        robot.clickOn("#shelterButton");
        robot.interact(() -> root.mainWindow().languageProperty().set(Language.ENGLISH));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#demoBanner").queryAs(Label.class).getText()).startsWith("DEMO MODE");
        assertThat(robot.lookup("#shelterButton").queryAs(ToggleButton.class).getText()).isEqualTo("Shelter");
        assertThat(visible(robot, "#shelterView")).isTrue();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> text(robot, "#storeStatus").startsWith("Local store: ready"));
    }

    @Test
    void theFileMenuOffersTheBackupAndExplainsTheRestoreInWords(FxRobot robot) {
        robot.clickOn("ファイル");
        assertThat(robot.lookup("バックアップを作成…").tryQuery()).isPresent();
        robot.clickOn("復元について…");
        WaitForAsyncUtils.waitForFxEvents();
        Label notice = robot.lookup("#backupNotice").queryAs(Label.class);
        assertThat(notice.isVisible()).isTrue();
        assertThat(notice.getText()).contains("madoguchi store restore").contains(".before-restore");
        assertThat(notice.getAccessibleText()).isEqualTo(notice.getText());
    }

    @Test
    void aLanguageSwitchResumesTheRunningVisitFromItsDraft(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> text(robot, "#storeStatus").contains("人"));
        var visit = new dev.madoguchi.app.counter.CounterVisit(root.visit());
        robot.interact(() -> {
            visit.enterManually();
            visit.manualNameProperty().set("新規\u3000転入");
            visit.manualBirthDateProperty().set("1990-01-02");
            visit.submitManualEntry();
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> visit.stepProperty().get() == dev.madoguchi.app.counter.VisitStep.CANDIDATES);
        robot.interact(visit::continueWithoutRegister);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> visit.stepProperty().get() == dev.madoguchi.app.counter.VisitStep.LIFE_EVENT);

        robot.interact(() -> root.mainWindow().languageProperty().set(Language.ENGLISH));
        var resumed = new dev.madoguchi.app.counter.CounterVisit(root.visit());
        assertThat(resumed.steps()).isNotSameAs(visit.steps());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> resumed.stepProperty().get() == dev.madoguchi.app.counter.VisitStep.LIFE_EVENT);
        assertThat(resumed.messageProperty().get()).isEqualTo("The interrupted visit was resumed");
        assertThat(visit.holdsPersonalData()).as("the old counter dropped it").isFalse();
        robot.interact(resumed::cancelVisit); // discarded (audited): the next test's window starts without it
    }

    @Test
    void theAutoLockDropsTheVisitAndTheUnlockResumesItFromItsDraft(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> text(robot, "#storeStatus").contains("人"));
        var visit = new dev.madoguchi.app.counter.CounterVisit(root.visit());
        robot.interact(() -> {
            visit.enterManually();
            visit.manualNameProperty().set("新規\u3000転入");
            visit.manualBirthDateProperty().set("1990-01-02");
            visit.submitManualEntry();
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> visit.stepProperty().get() == dev.madoguchi.app.counter.VisitStep.CANDIDATES);
        robot.interact(visit::continueWithoutRegister);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> visit.stepProperty().get() == dev.madoguchi.app.counter.VisitStep.LIFE_EVENT);

        robot.interact(() -> root.lock().lock());
        assertThat(visit.holdsPersonalData()).as("nothing personal while locked").isFalse();
        robot.interact(() -> {
            root.lock().passphraseProperty().set(dev.madoguchi.app.demo.DemoEnvironment.DEMO_CLERK_PASSPHRASE);
            root.lock().unlock();
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> visit.stepProperty().get() == dev.madoguchi.app.counter.VisitStep.LIFE_EVENT);
        assertThat(visit.messageProperty().get()).isEqualTo("中断した受付を再開しました");
        robot.interact(visit::cancelVisit);
    }

    @Test
    void scalesTheTextUpToTwiceTheSize(FxRobot robot) {
        Label banner = robot.lookup("#demoBanner").queryAs(Label.class);
        double normal = banner.getFont().getSize();
        robot.interact(() -> root.mainWindow().fontScalePercentProperty().set(200));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(banner.getFont().getSize()).isCloseTo(normal * 2, org.assertj.core.data.Offset.offset(0.6));
    }

    @Test
    void noLabelIsCutOffAtTwiceTheTextSize(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> text(robot, "#storeStatus").contains("人"));
        robot.interact(() -> root.mainWindow().fontScalePercentProperty().set(200));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(AccessibilityAudit.clippedLabels(robot.lookup("#root").query())).isEmpty();
    }

    @Test
    void everyFocusableControlHasAnAccessibleNameInBothLanguages(FxRobot robot) {
        for (String mode : new String[] {"#counterButton", "#shelterButton", "#volunteerButton"}) {
            robot.clickOn(mode);
            assertThat(AccessibilityAudit.unnamedFocusableNodes(robot.lookup("#root").query())).as(mode).isEmpty();
        }
        robot.interact(() -> root.mainWindow().languageProperty().set(Language.ENGLISH));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(AccessibilityAudit.unnamedFocusableNodes(robot.lookup("#root").query())).isEmpty();
    }

    @Test
    void theAuditCatchesAnUnnamedControl(FxRobot robot) {
        javafx.scene.layout.VBox box = new javafx.scene.layout.VBox(new ToggleButton(), new javafx.scene.control.TextField());
        assertThat(AccessibilityAudit.unnamedFocusableNodes(box)).containsExactly("ToggleButton", "TextField");
    }

    @Test
    void theClippingAuditCatchesACutOffLabel(FxRobot robot) {
        Label label = new Label("ローカル保存：使用できます（デモ住民記録 2,185 世帯・5,000 人）");
        javafx.scene.layout.StackPane narrow = new javafx.scene.layout.StackPane(label);
        narrow.setMaxWidth(80);
        robot.interact(() -> {
            Stage probe = new Stage();
            probe.setScene(new javafx.scene.Scene(narrow, 80, 40));
            probe.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(AccessibilityAudit.clippedLabels(narrow)).hasSize(1);
        robot.interact(() -> narrow.getScene().getWindow().hide());
    }

    @Test
    void quittingMidVisitAsksFirstAndTheDefaultKeepsTheVisit(FxRobot robot) {
        Stage stage = (Stage) robot.lookup("#root").query().getScene().getWindow();
        robot.interact(() -> root.mainWindow().visitRunningProperty().set(true));
        robot.press(KeyCode.CONTROL, KeyCode.Q).release(KeyCode.Q, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.DialogPane question = robot.lookup("#quitConfirmation")
                .queryAs(javafx.scene.control.DialogPane.class);
        assertThat(question.getHeaderText()).isEqualTo("受付の途中です");
        assertThat(robot.lookup("#quitCancel").queryAs(javafx.scene.control.Button.class).isDefaultButton()).isTrue();
        robot.type(KeyCode.ENTER); // the default: back to the visit
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#quitConfirmation").tryQuery()).isEmpty();
        assertThat(stage.isShowing()).isTrue();

        // the window's close button asks the same
        WaitForAsyncUtils.asyncFx(() -> stage.fireEvent(new javafx.stage.WindowEvent(stage,
                javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST)));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#quitConfirmation").tryQuery()).isPresent();
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stage.isShowing()).isTrue();

        robot.press(KeyCode.CONTROL, KeyCode.Q).release(KeyCode.Q, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> robot.lookup("#quitConfirm").query().requestFocus());
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stage.isShowing()).as("quit when the clerk says so").isFalse();
    }

    @Test
    void withoutAVisitQuittingDoesNotAsk(FxRobot robot) {
        Stage stage = (Stage) robot.lookup("#root").query().getScene().getWindow();
        robot.press(KeyCode.CONTROL, KeyCode.Q).release(KeyCode.Q, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stage.isShowing()).isFalse();
    }

    @Test
    void theDemoMenuListsEachDocumentedCardWithItsPinAndCollationNumber(FxRobot robot) throws Exception {
        javafx.scene.control.MenuBar bar = robot.lookup("#menuBar").queryAs(javafx.scene.control.MenuBar.class);
        javafx.scene.control.Menu demo = bar.getMenus().stream().filter(m -> "デモ".equals(m.getText())).findFirst()
                .orElseThrow();
        javafx.scene.control.Menu cards = (javafx.scene.control.Menu) demo.getItems().stream()
                .filter(i -> "demoCardsMenu".equals(i.getId())).findFirst().orElseThrow();
        var documented = dev.madoguchi.app.demo.DemoEnvironment.standard().documentedCards();
        assertThat(cards.getItems()).hasSize(documented.size()).hasSizeGreaterThanOrEqualTo(5);
        var first = documented.get(0);
        assertThat(cards.getItems().get(0).getText()).isEqualTo(first.residentId() + " " + first.nameOnCard()
                + " — 暗証番号 " + first.pin() + "・照合番号B " + first.collationNumberB());
        assertThat(cards.getItems()).anySatisfy(i -> assertThat(i.getText()).contains("暗証番号ロック中"));
        assertThat(cards.getItems()).as("the move-out family's card").anySatisfy(i -> assertThat(i.getId())
                .isEqualTo("demo-card-" + dev.madoguchi.app.demo.DemoMoveOuts.CARD_ID));
        assertThat(cards.getItems()).as("the residence cards, opened with the number printed on them")
                .anySatisfy(i -> assertThat(i.getText()).startsWith("rc-").contains("在留カード 第1世代")
                        .containsPattern("在留カード等番号 [A-Z]{2}[0-9]{8}[A-Z]{2}"))
                .anySatisfy(i -> assertThat(i.getText()).contains("特別永住者証明書"))
                .anySatisfy(i -> assertThat(i.getText()).startsWith("sc-").contains("暗証番号"));

        // by keyboard: F10 opens the menu bar, the arrows reach デモ → the card list → the first card, Enter puts it on
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> text(robot, "#readerStatus").contains("カードなし"));
        robot.interact(() -> root.mainWindow().placeDemoCard(first.residentId()));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> text(robot, "#readerStatus").contains("カードあり"));
    }

    @Test
    void theLockIsInTheFileMenuWithCtrlL(FxRobot robot) {
        Node main = robot.lookup("#root").query();
        robot.press(KeyCode.CONTROL, KeyCode.L).release(KeyCode.L, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(root.lock().lockedProperty().get()).isTrue();
        assertThat(main.isVisible()).isFalse();
        assertThat(robot.lookup("#lockMessage").queryAs(Label.class).getText())
                .isEqualTo("画面をロックしました。受付中の内容は消しました");
    }

    /**
     * The counter session's windows keep no offscreen image of a scroll pane's viewport (JavaFX's scroll pane caches
     * its viewport; on the software renderer that is a window-sized int[] per pane: docs/performance.md, "Counter"):
     * the counter's panel, the resident's window, and the trust anchors, blocked messages and handling times windows.
     */
    @Test
    void noScrollPaneOfTheCounterSessionsWindowsKeepsAViewportImage(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> text(robot, "#storeStatus").contains("人"));
        robot.interact(() -> root.trustAnchors().show(new dev.madoguchi.app.i18n.Messages(Language.JAPANESE), stage));
        robot.interact(stage::requestFocus);
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.B).release(KeyCode.B, KeyCode.SHIFT, KeyCode.CONTROL);
        robot.interact(stage::requestFocus);
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.H).release(KeyCode.H, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        List<ScrollPane> panes = new ArrayList<>();
        robot.interact(() -> panes.addAll(ShownScrollPanes.inShownWindows()));
        try {
            assertThat(panes).extracting(ScrollPane::getId)
                    .contains("panelScroll", "linesScroll", "trustScroll", "blockedScroll", "handlingScroll");
            assertThat(panes).allSatisfy(p -> assertThat(p.getSkin()).as("shown, so skinned").isNotNull());
            assertThat(ShownScrollPanes.cached(panes)).as("drawn through the node cache").isEmpty();
        } finally {
            robot.interact(() -> List.copyOf(Window.getWindows()).stream()
                    .filter(w -> w != stage && w != root.residentWindow()).forEach(Window::hide));
        }
    }

    /** Whether the node is there and shown (a mode's view not yet made is not shown). */
    private static boolean visible(FxRobot robot, String query) {
        return robot.lookup(query).tryQuery().map(Node::isVisible).orElse(false);
    }

    private static String text(FxRobot robot, String query) {
        String text = robot.lookup(query).queryAs(Label.class).getText();
        return text == null ? "" : text;
    }
}
