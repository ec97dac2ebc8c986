package dev.madoguchi.app.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.madoguchi.app.AppConfig;
import dev.madoguchi.app.AppPaths;
import dev.madoguchi.app.CompositionRoot;
import dev.madoguchi.app.demo.DemoEnvironment;
import dev.madoguchi.app.i18n.Language;
import dev.madoguchi.app.shell.AccessibilityAudit;
import dev.madoguchi.app.store.StoreService;
import dev.madoguchi.app.task.ExecutorTaskRunner;
import dev.madoguchi.store.LocalStore;
import dev.madoguchi.store.cases.HandlingTime;
import dev.madoguchi.store.cases.StepDuration;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real main window (real composition root, demo store, store-writer lane), headless: the demo clerk opens
 * ファイル → 受付時間の集計… by its shortcut, reads their figures, changes the range with the keyboard and closes the
 * screen with Escape.
 */
@ExtendWith(ApplicationExtension.class)
class HandlingTimesScreenTest {

    @TempDir
    static Path dataDir;

    private ExecutorTaskRunner tasks;
    private CompositionRoot root;

    /**
     * The demo store as the app will open it, with three timed 転入 visits of the demo clerk today; prepared before
     * the toolkit's start, which must not take a minute on a loaded machine.
     */
    @BeforeAll
    static void demoStoreWithVisits() {
        try (StoreService prepare = new StoreService(new AppPaths(dataDir).storeDirectory(),
                DemoEnvironment.standard())) {
            prepare.open();
            LocalStore store = prepare.store().orElseThrow();
            for (int i = 1; i <= 3; i++) {
                store.cases().open("R" + i, "tennyu", "{}", null, List.of(), null, new HandlingTime(Instant.now(),
                        List.of(new StepDuration(StepDuration.IDENTIFY, Duration.ofSeconds(10 * i)),
                                new StepDuration(StepDuration.PRINT, Duration.ofSeconds(30))), i == 3));
            }
        }
    }

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    /** The main window is built in the test, not in {@link Start}: the toolkit's setup gives up after 30 s. */
    private void showMainWindow() throws Exception {
        tasks = new ExecutorTaskRunner(Platform::runLater);
        root = new CompositionRoot(new AppConfig(new AppPaths(dataDir), Language.JAPANESE, 100, true), tasks);
        onFx(() -> {
            root.showMainWindow(stage);
            return null;
        }, 120);
    }

    @AfterEach
    void stop() {
        if (root != null) {
            tasks.close();
            root.close();
        }
    }

    @Test
    void theClerkOpensTheirFiguresByKeyboardChangesTheRangeAndClosesTheScreen(FxRobot robot) throws Exception {
        showMainWindow();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#root").tryQuery().isPresent());
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.H).release(KeyCode.H, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> rows(robot) == 3);

        Node screen = robot.lookup("#handlingRoot").query();
        assertThat(onFx(() -> AccessibilityAudit.unnamedFocusableNodes(screen))).isEmpty();
        assertThat(onFx(() -> AccessibilityAudit.clippedLabels(screen))).isEmpty();
        assertThat(onFx(() -> cell(robot, 2, 0))).isEqualTo("転入（市外から引っ越してきた）");
        assertThat(onFx(() -> cell(robot, 2, 1))).isEqualTo("受付全体");
        assertThat(onFx(() -> cell(robot, 0, 3))).as("identify median").isEqualTo("0:20.0");
        assertThat(onFx(() -> cell(robot, 2, 5))).isEqualTo("2 / 3（67 %）");
        assertThat(robot.lookup("#handlingRoot #summary").queryAs(Label.class).getText())
                .isEqualTo("自分の受付 3 件、うち手入力なし 2 / 3（67 %）");
        assertThat(robot.lookup("#allClerksBox").query().isVisible()).as("a clerk has no all-clerks choice").isFalse();

        // keyboard only: the first field has the focus; a date that cannot be read is said, Enter shows the figures
        TextField from = robot.lookup("#fromField").queryAs(TextField.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, from::isFocused);
        // the headless robot sends keys to the window it last pointed at: one click hands it the new window
        robot.clickOn(from);
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.write("12/01");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#handlingRoot #message").queryAs(Label.class).getText()).contains("年-月-日");
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.write("2000-01-01");
        robot.type(KeyCode.TAB);
        assertThat(robot.lookup("#toField").query().isFocused()).isTrue();
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.write("2000-01-31");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> rows(robot) == 0);
        assertThat(robot.lookup("#handlingRoot #summary").queryAs(Label.class).getText())
                .isEqualTo("この期間に自分の受付はありません");

        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !screen.getScene().getWindow().isShowing());
    }

    @Test
    void theScreenIsNamedAndUncutInEnglishAtTwiceTheTextSize(FxRobot robot) throws Exception {
        showMainWindow();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#root").tryQuery().isPresent());
        robot.interact(() -> {
            root.mainWindow().languageProperty().set(Language.ENGLISH);
            root.mainWindow().fontScalePercentProperty().set(200);
        });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#root").tryQuery().isPresent());
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.H).release(KeyCode.H, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> rows(robot) == 3);
        Node screen = robot.lookup("#handlingRoot").query();
        assertThat(onFx(() -> screen.getScene().getWindow() instanceof Stage s ? s.getTitle() : ""))
                .isEqualTo("Handling times");
        assertThat(onFx(() -> cell(robot, 0, 0))).isEqualTo("Moving in from another municipality");
        assertThat(onFx(() -> cell(robot, 2, 5))).isEqualTo("2 / 3 (67 %)");
        assertThat(onFx(() -> AccessibilityAudit.unnamedFocusableNodes(screen))).isEmpty();
        assertThat(onFx(() -> AccessibilityAudit.clippedLabels(screen))).isEmpty();
    }

    private static int rows(FxRobot robot) {
        return robot.lookup("#handlingRoot #table").tryQuery()
                .map(n -> ((TableView<?>) n).getItems().size()).orElse(-1);
    }

    private static String cell(FxRobot robot, int row, int column) {
        TableView<?> table = robot.lookup("#handlingRoot #table").queryAs(TableView.class);
        return String.valueOf(table.getColumns().get(column).getCellData(row));
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> read) throws Exception {
        return onFx(read, 10);
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> read, int seconds) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(read.call());
            } catch (Exception e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(seconds, TimeUnit.SECONDS);
    }
}
