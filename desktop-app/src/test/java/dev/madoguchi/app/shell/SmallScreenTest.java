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
 * sign-in window's controls and the main window's work area are on screen and not cut off.
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
