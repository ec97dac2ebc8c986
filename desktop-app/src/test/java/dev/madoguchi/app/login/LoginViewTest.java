package dev.madoguchi.app.login;

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
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real sign-in screen, wired by the real composition root, headless (Monocle). */
@ExtendWith(ApplicationExtension.class)
class LoginViewTest {

    @TempDir
    static Path dataDir;

    private ExecutorTaskRunner tasks;
    private CompositionRoot root;

    @Start
    void start(Stage stage) {
        tasks = new ExecutorTaskRunner(Platform::runLater);
        root = new CompositionRoot(new AppConfig(new AppPaths(dataDir), Language.JAPANESE, 100, true), tasks);
        root.showLogin(stage);
    }

    @AfterEach
    void stop() {
        tasks.close();
        root.close();
    }

    @Test
    void everyControlHasAnAccessibleNameAndTheDemoClerkIsShown(FxRobot robot) {
        assertThat(AccessibilityAudit.unnamedFocusableNodes(robot.lookup("#loginRoot").query())).isEmpty();
        assertThat(robot.lookup("#demoHint").queryAs(Label.class).getText())
                .contains(DemoEnvironment.DEMO_CLERK).contains(DemoEnvironment.DEMO_CLERK_PASSPHRASE);
    }

    @Test
    void theSignInScreenCarriesTheDemoBanner(FxRobot robot) {
        Label banner = robot.lookup("#demoBanner").queryAs(Label.class);
        assertThat(banner.isVisible()).isTrue();
        assertThat(banner.getText()).startsWith("デモモード");
        assertThat(banner.getHeight()).isGreaterThan(10);
    }

    @Test
    void theDemoClerkSignsInByKeyboardAndTheMainWindowOpens(FxRobot robot) throws Exception {
        robot.clickOn("#passphraseField").write(DemoEnvironment.DEMO_CLERK_PASSPHRASE);
        robot.type(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#storeStatus").tryQuery().isPresent());
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> robot.lookup("#storeStatus").queryAs(Label.class).getText().contains("人"));
        assertThat(root.mainWindow()).isNotNull();
    }

    @Test
    void theDemoShelterStaffSignsInToTheShelterModeOnly(FxRobot robot) throws Exception {
        robot.clickOn("#clerkIdField").press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.A)
                .release(javafx.scene.input.KeyCode.A, javafx.scene.input.KeyCode.CONTROL)
                .write(DemoEnvironment.DEMO_SHELTER);
        robot.clickOn("#passphraseField").write(DemoEnvironment.DEMO_SHELTER_PASSPHRASE);
        robot.type(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#shelterView").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#shelterView").query().isVisible()).isTrue();
        // the other modes' views are not even made for an account of one mode (docs/performance.md, "Counter")
        assertThat(robot.lookup("#counterView").tryQuery()).isEmpty();
        assertThat(robot.lookup("#volunteerView").tryQuery()).isEmpty();
        assertThat(robot.lookup("#counterButton").query().isVisible()).isFalse();
        assertThat(robot.lookup("#volunteerButton").query().isVisible()).isFalse();
        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.DIGIT1)
                .release(javafx.scene.input.KeyCode.DIGIT1, javafx.scene.input.KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#counterView").tryQuery()).isEmpty(); // Ctrl+1 is not theirs
        assertThat(root.mainWindow().modeProperty().get()).isEqualTo(dev.madoguchi.app.shell.Mode.SHELTER);
    }
}
