package dev.madoguchi.app.setup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.madoguchi.app.AppPaths;
import dev.madoguchi.app.CompositionRoot;
import dev.madoguchi.app.scroll.ShownScrollPanes;
import dev.madoguchi.app.setup.SetupWizardViewModel.Page;
import dev.madoguchi.app.shell.AccessibilityAudit;
import dev.madoguchi.store.LocalStore;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
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
 * The setup assistant in the real application (the real composition root, {@code --setup}, a fresh data directory),
 * by keyboard only: every page audited for unnamed controls and cut-off text, at 100 % and at 200 %; a small register
 * imported; at the end the main window opens on it without the DEMO banner. With {@code -Dmadoguchi.screenshots=DIR}
 * each page is also saved as {@code setup-NN-….png}.
 */
@ExtendWith(ApplicationExtension.class)
class SetupAssistantScreenTest {

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

    @Test
    void aFreshComputerIsSetUpByKeyboardAndOpensOnTheImportedRegisterWithoutTheDemoBanner(FxRobot robot)
            throws Exception {
        walk(robot, 100, "");
    }

    @Test
    void everyPageKeepsItsTextWholeAt200Percent(FxRobot robot) throws Exception {
        walk(robot, 200, "200-");
    }

    private void walk(FxRobot robot, int textSize, String shotPrefix) throws Exception {
        Path data = dir.resolve("data");
        Path csv = SetupStepsTest.register(dir, 40);
        long residents = RegisterStep.lines(csv);
        root = app.show(robot, data, textSize, StartRequest.SETUP);
        assertThat(robot.lookup("#setupRoot").tryQuery()).isPresent();
        assertThat(robot.lookup("#demoBanner").tryQuery()).isEmpty();

        page(robot, Page.MUNICIPALITY, shotPrefix + "01-municipality");
        robot.write("千代田区").type(KeyCode.TAB).write("131017");
        assertThat(text(robot, "#municipalityMessage")).contains("SETUP-002");
        robot.type(KeyCode.BACK_SPACE).write("6");
        assertThat(text(robot, "#municipalityMessage")).contains("検査数字は正しい");
        robot.type(KeyCode.ENTER);

        page(robot, Page.ADMINISTRATOR, null);
        robot.write("admin1").type(KeyCode.TAB).write("管理者 一郎").type(KeyCode.TAB).write(SetupStepsTest.PASSPHRASE);
        assertThat(text(robot, "#strength")).isEqualTo("強さ: 強い");
        robot.type(KeyCode.TAB).write(SetupStepsTest.PASSPHRASE);
        shoot(robot, shotPrefix + "02-administrator");
        robot.type(KeyCode.ENTER);

        page(robot, Page.REGISTER, null);
        robot.write(csv.toString());
        shoot(robot, shotPrefix + "03-register");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> page(robot) == Page.BACKEND);
        assertThat(LocalStore.exists(new AppPaths(data).storeDirectory())).isTrue();

        page(robot, Page.BACKEND, null);
        robot.write("https://backend.example.invalid/").type(KeyCode.TAB).write(dir.resolve("no-token").toString());
        robot.type(KeyCode.ENTER); // tried: the token file is missing
        waitText(robot, "#backendMessage", "SETUP-008");
        shoot(robot, shotPrefix + "04-backend-failed");
        assertThat(page(robot)).isEqualTo(Page.BACKEND);
        robot.press(KeyCode.ALT, KeyCode.S).release(KeyCode.S, KeyCode.ALT); // あとで設定する

        page(robot, Page.PRINTER, null);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !text(robot, "#printerMessage").isEmpty());
        shoot(robot, shotPrefix + "05-printer");
        robot.press(KeyCode.ALT, KeyCode.S).release(KeyCode.S, KeyCode.ALT);

        page(robot, Page.CARD_READER, null);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#cardTest").query().isFocused());
        robot.type(KeyCode.SPACE); // 読み取りを試す has the focus: the simulated reader is empty outside the demo
        waitText(robot, "#cardMessage", "CARD-");
        shoot(robot, shotPrefix + "06-card-reader");
        robot.press(KeyCode.ALT, KeyCode.S).release(KeyCode.S, KeyCode.ALT);

        page(robot, Page.FOLDERS, shotPrefix + "07-folders");
        robot.type(KeyCode.ENTER); // both empty: left for later

        page(robot, Page.SUMMARY, null);
        assertThat(text(robot, "#summary")).contains("✓ 住民記録の取込み: " + residents + " 人")
                .contains("— 基幹システムとの接続: 未設定。");
        shoot(robot, shotPrefix + "08-summary");
        robot.type(KeyCode.ENTER); // 設定を終えて開始

        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#storeStatus").tryQuery().isPresent());
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> text(robot, "#storeStatus").contains(String.format("%,d", residents)));
        Node banner = robot.lookup("#demoBanner").query();
        assertThat(banner.isVisible()).isFalse();
        assertThat(root.mainWindow().demoModeProperty().get()).isFalse();
        assertThat(text(robot, "#storeStatus")).doesNotContain("デモ");
        shoot(robot, shotPrefix + "09-main-window");
    }

    /** Waits for the page, audits it (named controls, no text cut off) and shoots it when asked. */
    private void page(FxRobot robot, Page expected, String shot) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> page(robot) == expected);
        WaitForAsyncUtils.waitForFxEvents();
        Node setup = robot.lookup("#setupRoot").query();
        assertThat(AccessibilityAudit.unnamedFocusableNodes(setup)).as(expected.name()).isEmpty();
        assertThat(onFx(() -> AccessibilityAudit.clippedLabels(setup))).as(expected.name()).isEmpty();
        assertThat(onFx(() -> ShownScrollPanes.cached(ShownScrollPanes.under((javafx.scene.Parent) setup))))
                .as("%s: scroll panes drawn through the node cache (UncachedViewport)", expected).isEmpty();
        if (shot != null) {
            shoot(robot, shot);
        }
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(30, TimeUnit.SECONDS);
    }

    private Page page(FxRobot robot) {
        for (Page page : Page.values()) {
            Node pane = robot.lookup("#" + switch (page) {
                case MUNICIPALITY -> "municipalityPage";
                case ADMINISTRATOR -> "administratorPage";
                case REGISTER -> "registerPage";
                case BACKEND -> "backendPage";
                case PRINTER -> "printerPage";
                case CARD_READER -> "cardPage";
                case FOLDERS -> "foldersPage";
                case SUMMARY -> "summaryPage";
            }).tryQuery().orElse(null);
            if (pane != null && pane.isVisible()) {
                return page;
            }
        }
        return null;
    }

    /** Waits until the label says {@code part}; a timeout says what it said and where the focus was. */
    private void waitText(FxRobot robot, String id, String part) {
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> text(robot, id).contains(part));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError(id + " says '" + text(robot, id) + "', focus on " + stage.getScene().getFocusOwner());
        }
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).tryQuery().map(n -> ((Label) n).getText()).orElse("");
    }

    private void shoot(FxRobot robot, String name) throws Exception {
        app.shoot(robot, "setup-" + name);
    }
}
