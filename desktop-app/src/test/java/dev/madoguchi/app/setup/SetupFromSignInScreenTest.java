package dev.madoguchi.app.setup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.madoguchi.app.AppPaths;
import dev.madoguchi.app.CompositionRoot;
import dev.madoguchi.app.i18n.Language;
import dev.madoguchi.app.shell.AccessibilityAudit;
import dev.madoguchi.store.LocalStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
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
 * この端末を設定する on the sign-in screen (docs/adr/0031), in the real application: on a computer never set up (the
 * demo's sign-in) it is reached by keyboard only and opens the setup assistant's first step with the demo left behind;
 * on a set-up computer the sign-in offers nothing of the kind.
 */
@ExtendWith(ApplicationExtension.class)
class SetupFromSignInScreenTest {

    @TempDir
    Path dir;

    private Stage stage;
    private SetupScreenApp app;
    private CompositionRoot root;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        app = new SetupScreenApp(stage);
    }

    @AfterEach
    void stop() {
        app.close();
    }

    private void show(FxRobot robot, Path data) {
        root = app.show(robot, data, 100, StartRequest.AUTO);
    }

    @Test
    void onAComputerNeverSetUpTheKeyboardAloneGoesFromTheSignInToTheAssistantsFirstStep(FxRobot robot)
            throws Exception {
        Path data = dir.resolve("data");
        show(robot, data);
        assertThat(root.startMode()).isEqualTo(StartMode.DEMO);
        Button setUp = robot.lookup("#setUpButton").queryAs(Button.class);
        assertThat(setUp.isVisible()).isTrue();
        assertThat(setUp.getText()).isEqualTo("この端末を設定する");
        assertThat(AccessibilityAudit.unnamedFocusableNodes(robot.lookup("#loginRoot").query())).isEmpty();

        for (int i = 0; i < 8 && !setUp.isFocused(); i++) {
            robot.type(KeyCode.TAB); // from the clerk id field: passphrase, サインイン, この端末を設定する
        }
        assertThat(setUp.isFocused()).as("この端末を設定する is reached with Tab").isTrue();
        shoot(robot, "setup-00-sign-in-demo");
        robot.type(KeyCode.SPACE);

        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#setupRoot").tryQuery().isPresent());
        Node first = robot.lookup("#municipalityPage").query();
        assertThat(first.isVisible()).isTrue();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup("#municipalityName").query().isFocused()); // the first field takes the focus
        assertThat(root.startMode()).isEqualTo(StartMode.SETUP);
        assertThat(stage.getTitle()).isEqualTo(new dev.madoguchi.app.i18n.Messages(Language.JAPANESE).get("setup.title"));
        assertThat(robot.lookup("#demoBanner").tryQuery()).isEmpty();
        // nothing was written yet: the store is created (and a demo store moved aside) only at the register step
        assertThat(LocalStore.exists(new AppPaths(data).storeDirectory())).isFalse();

        robot.write("千代田区").type(KeyCode.TAB).write("131016");
        assertThat(((javafx.scene.control.Label) robot.lookup("#municipalityMessage").query()).getText())
                .contains("検査数字は正しい");
    }

    @Test
    void onASetUpComputerTheSignInOffersNoSetup(FxRobot robot) throws Exception {
        Path data = dir.resolve("data");
        Path store = new AppPaths(data).storeDirectory();
        Files.createDirectories(store);
        SetupMarker.write(store, "131016", "千代田区");
        show(robot, data);
        assertThat(root.startMode()).isEqualTo(StartMode.SIGN_IN);
        assertThat(robot.lookup("#loginRoot").tryQuery()).isPresent();
        Node setUp = robot.lookup("#setUpButton").query();
        assertThat(setUp.isVisible()).isFalse();
        assertThat(setUp.isManaged()).isFalse();
        assertThat(robot.lookup("#setUpHint").query().isVisible()).isFalse();
        for (int i = 0; i < 8; i++) {
            robot.type(KeyCode.TAB);
            assertThat(setUp.isFocused()).isFalse();
        }
        assertThat(robot.lookup("#demoBanner").query().isVisible()).isFalse();
    }

    private void shoot(FxRobot robot, String name) throws Exception {
        app.shoot(robot, name);
    }
}
