package dev.madoguchi.app.lock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.madoguchi.app.AppConfig;
import dev.madoguchi.app.AppPaths;
import dev.madoguchi.app.CompositionRoot;
import dev.madoguchi.app.demo.DemoEnvironment;
import dev.madoguchi.app.i18n.Language;
import dev.madoguchi.app.shell.AccessibilityAudit;
import dev.madoguchi.app.task.ExecutorTaskRunner;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
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

/** The real main window under its lock screen, wired by the composition root, headless. */
@ExtendWith(ApplicationExtension.class)
class LockViewTest {

    @TempDir
    static Path dataDir;

    private ExecutorTaskRunner tasks;
    private CompositionRoot root;

    @Start
    void start(Stage stage) {
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
    void theLockScreenHidesTheWindowAndThePassphraseUnlocksItByKeyboard(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS,
                () -> root.mainWindow().statusBar().storeTextProperty().get().contains("人"));
        Node main = robot.lookup("#root").query();
        robot.targetWindow(main.getScene().getWindow());
        robot.press(KeyCode.CONTROL, KeyCode.L).release(KeyCode.L, KeyCode.CONTROL); // ファイル → 画面をロック
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(main.isVisible()).isFalse();
        Node lockRoot = robot.lookup("#lockRoot").query();
        assertThat(lockRoot.isVisible()).isTrue();
        assertThat(AccessibilityAudit.unnamedFocusableNodes(lockRoot)).isEmpty();
        assertThat(robot.lookup("#passphraseField").query().isFocused()).isTrue();

        robot.targetWindow(main.getScene().getWindow()); // the resident window was shown too; type into the clerk's
        robot.write("not the passphrase").type(KeyCode.ENTER);
        try {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#lockMessage")
                    .queryAs(javafx.scene.control.Label.class).getText().contains("STORE-005"));
            assertThat(robot.lookup("#lockMessage").queryAs(javafx.scene.control.Label.class).getText())
                    .as("the lock screen has no 職員ID field, so the message does not name one")
                    .startsWith("パスフレーズが違います").doesNotContain("職員ID");
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("message: " + robot.lookup("#lockMessage")
                    .queryAs(javafx.scene.control.Label.class).getText() + " field: "
                    + robot.lookup("#passphraseField").queryAs(javafx.scene.control.PasswordField.class).getText()
                    + " focused: " + robot.lookup("#passphraseField").query().isFocused(), e);
        }
        assertThat(main.isVisible()).isFalse();

        robot.targetWindow(main.getScene().getWindow());
        robot.write(DemoEnvironment.DEMO_CLERK_PASSPHRASE).type(KeyCode.ENTER);
        try {
            WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, main::isVisible);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("still locked: " + robot.lookup("#lockMessage")
                    .queryAs(javafx.scene.control.Label.class).getText(), e);
        }
        assertThat(lockRoot.isVisible()).isFalse();
    }
}
