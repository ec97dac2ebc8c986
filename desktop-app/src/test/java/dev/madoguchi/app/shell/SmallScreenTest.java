package dev.madoguchi.app.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.madoguchi.app.AppConfig;
import dev.madoguchi.app.AppPaths;
import dev.madoguchi.app.CompositionRoot;
import dev.madoguchi.app.i18n.Language;
import dev.madoguchi.app.task.ExecutorTaskRunner;
import java.nio.file.Path;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Screen;
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
 * A 1366×768 laptop screen (the headless screen's size, {@code headless.geometry} in the POM) at 200 % text: the
 * sign-in window's controls, the main window's work area, its status bar (two lines at most) and the quit question
 * are on screen, at the text size asked for, and not cut off (or, for a status item, its whole text kept for screen readers).
 */
@ExtendWith(ApplicationExtension.class)
class SmallScreenTest {

    @TempDir
    Path dataDir;

    private ExecutorTaskRunner tasks;
    private CompositionRoot root;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        tasks = new ExecutorTaskRunner(Platform::runLater);
    }

    @AfterEach
    void stop() {
        tasks.close();
        if (root != null) {
            root.close();
        }
    }

    private void assumeLaptopScreen() {
        var screen = Screen.getPrimary().getBounds();
        assumeTrue(screen.getWidth() == 1366 && screen.getHeight() == 768, "the headless screen is " + screen);
    }

    @Test
    void theSignInWindowAt200PercentShowsEveryControlWhole(FxRobot robot) {
        assumeLaptopScreen();
        robot.interact(() -> {
            root = new CompositionRoot(new AppConfig(new AppPaths(dataDir), Language.JAPANESE, 200, true), tasks);
            root.showLogin(stage);
        });
        WaitForAsyncUtils.waitForFxEvents();
        Label title = robot.lookup(".title").queryAs(Label.class);
        assertThat(title.getFont().getSize()).as("the text size asked for").isGreaterThanOrEqualTo(28);
        for (String id : new String[] {"#demoHint", "#clerkIdField", "#passphraseField", "#signInButton"}) {
            assertInsideTheScreen(robot.lookup(id).query(), id);
        }
        assertThat(AccessibilityAudit.clippedLabels(stage.getScene().getRoot())).isEmpty();
    }

    @Test
    void theMainWindowAt200PercentLeavesAWorkArea(FxRobot robot) throws Exception {
        assumeLaptopScreen();
        robot.interact(() -> {
            root = new CompositionRoot(new AppConfig(new AppPaths(dataDir), Language.JAPANESE, 200, true), tasks);
            root.showMainWindow(stage);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stage.getWidth()).isLessThanOrEqualTo(1366);
        assertThat(stage.getHeight()).isLessThanOrEqualTo(768);
        Node work = robot.lookup("#modeArea").query();
        assertInsideTheScreen(work, "work area");
        assertThat(work.getLayoutBounds().getHeight()).as("the work area's height at 200 %")
                .isGreaterThanOrEqualTo(768 * 0.45);
        assertInsideTheScreen(robot.lookup("#statusBar").query(), "status bar");
        assertThat(AccessibilityAudit.clippedLabels(robot.lookup("#root").query())).isEmpty();
    }

    @Test
    void theStatusBarAt200PercentTakesTwoLinesAtMostAndKeepsEveryWholeText(FxRobot robot) throws Exception {
        assumeLaptopScreen();
        robot.interact(() -> {
            root = new CompositionRoot(new AppConfig(new AppPaths(dataDir), Language.JAPANESE, 200, true), tasks);
            root.showMainWindow(stage);
        });
        WaitForAsyncUtils.waitFor(120, java.util.concurrent.TimeUnit.SECONDS, () -> text(robot, "#storeStatus")
                .contains("使用できます") && !text(robot, "#syncStatus").contains("接続しています"));
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.layout.FlowPane bar = robot.lookup("#statusBar").queryAs(javafx.scene.layout.FlowPane.class);
        var items = bar.getChildren().stream().filter(Node::isVisible).filter(Node::isManaged).toList();
        int wholeWidth = 0;
        java.util.Set<Double> lines = new java.util.TreeSet<>();
        for (Node item : items) {
            Label label = (Label) item;
            wholeWidth += (int) label.prefWidth(-1);
            lines.add(Math.floor(item.getBoundsInParent().getMinY()));
            assertThat(label.getAccessibleText()).as("a screen reader reads the whole text").isEqualTo(label.getText());
            assertThat(label.getBoundsInParent().getMaxX()).isLessThanOrEqualTo(bar.getWidth() + 0.5);
        }
        assertThat(items).hasSizeGreaterThanOrEqualTo(3);
        assertThat(wholeWidth).as("the texts are longer than two lines of the bar at 200 %")
                .isGreaterThan((int) (1.5 * bar.getWidth()));
        assertThat(lines).as("lines of the status bar").hasSizeLessThanOrEqualTo(2);
        assertInsideTheScreen(bar, "status bar");
        assertThat(AccessibilityAudit.clippedLabels(robot.lookup("#root").query())).isEmpty();
    }

    @Test
    void theQuitQuestionAt200PercentIsAsLargeAsTheWindowsText(FxRobot robot) {
        assumeLaptopScreen();
        robot.interact(() -> {
            root = new CompositionRoot(new AppConfig(new AppPaths(dataDir), Language.JAPANESE, 200, true), tasks);
            root.showMainWindow(stage);
            root.mainWindow().visitRunningProperty().set(true);
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.Q)
                .release(javafx.scene.input.KeyCode.Q, javafx.scene.input.KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.DialogPane question = robot.lookup("#quitConfirmation")
                .queryAs(javafx.scene.control.DialogPane.class);
        javafx.scene.control.Button stay = robot.lookup("#quitCancel").queryAs(javafx.scene.control.Button.class);
        Label header = (Label) question.lookup(".header-panel .label");
        assertThat(stay.getFont().getSize()).as("the buttons' text at 200 %").isGreaterThanOrEqualTo(28);
        assertThat(header.getFont().getSize()).as("the question's text at 200 %").isGreaterThanOrEqualTo(28);
        assertInsideTheScreen(stay, "stay button");
        assertInsideTheScreen(robot.lookup("#quitConfirm").query(), "quit button");
        assertThat(AccessibilityAudit.clippedLabels(question)).isEmpty();
        robot.type(javafx.scene.input.KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#quitConfirmation").tryQuery()).isEmpty();
        assertThat(stage.isShowing()).isTrue();
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private void assertInsideTheScreen(Node node, String what) {
        assertThat(node.isVisible()).as(what + " visible").isTrue();
        Bounds b = node.localToScreen(node.getLayoutBounds());
        var screen = Screen.getPrimary().getBounds();
        assertThat(b.getMinX()).as(what + " left").isGreaterThanOrEqualTo(screen.getMinX() - 0.5);
        assertThat(b.getMinY()).as(what + " top").isGreaterThanOrEqualTo(screen.getMinY() - 0.5);
        assertThat(b.getMaxX()).as(what + " right").isLessThanOrEqualTo(screen.getMaxX() + 0.5);
        assertThat(b.getMaxY()).as(what + " bottom").isLessThanOrEqualTo(screen.getMaxY() + 0.5);
        Bounds inScene = node.localToScene(node.getLayoutBounds());
        assertThat(inScene.getMaxY()).as(what + " inside the window").isLessThanOrEqualTo(
                node.getScene().getHeight() + 0.5);
    }
}
