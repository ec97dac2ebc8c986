package dev.madoguchi.app.counter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.madoguchi.app.counter.screen.CounterView;
import dev.madoguchi.app.i18n.Language;
import dev.madoguchi.app.i18n.Messages;
import dev.madoguchi.app.shell.AccessibilityAudit;
import dev.madoguchi.app.task.ExecutorTaskRunner;
import dev.madoguchi.app.wiring.ViewLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
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
 * The paper 転出証明書 typed by keyboard only, as a clerk does it: Tab to 紙の転出証明書を入力, Space, the certificate's
 * items in its order with Tab, Enter to take it — a wrong check digit is said and nothing is taken — then the 転入
 * with the person at the counter moving. Every control is named for screen readers.
 */
@ExtendWith(ApplicationExtension.class)
class PaperCertificateKeyboardTest {

    @TempDir
    static Path dir;

    private ExecutorTaskRunner tasks;
    private CounterFixture fixture;
    private CounterVisit vm;
    private Parent root;

    @Start
    void start(Stage stage) throws IOException {
        Path visitDir = Files.createTempDirectory(dir, "paper");
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

    @Test
    void theClerkTypesThePaperCertificateByKeyboardAndEnterTakesIt(FxRobot robot) throws Exception {
        Platform.runLater(() -> {
            vm.enterManually();
            vm.manualNameProperty().set("紙野\u3000一子");
            vm.manualBirthDateProperty().set("1980-05-06");
            vm.submitManualEntry();
        });
        waitUntil(() -> vm.stepProperty().get() == VisitStep.CANDIDATES);
        focusByTab(robot, "paperButton");
        robot.type(KeyCode.SPACE);
        waitUntil(() -> "paper-from".equals(focusedId()));
        noUnnamedControls();
        String good = PaperCertificateTest.code(3141592653L);
        String bad = good.substring(0, 10) + ((good.charAt(10) - '0' + 1) % 10);
        robot.write("別県紙市").type(KeyCode.TAB).write("別県紙市本町一丁目１番").type(KeyCode.TAB)
                .write("紙野　一子").type(KeyCode.TAB).write("2026-11-15").type(KeyCode.TAB);
        assertThat(focusedId()).isEqualTo("paper-name-1");
        robot.type(KeyCode.TAB).write("カミノ　カズコ").type(KeyCode.TAB);
        assertThat(focusedId()).isEqualTo("paper-birthDate-1");
        robot.type(KeyCode.TAB).write("女").type(KeyCode.TAB).write("世帯主").type(KeyCode.TAB).write(bad)
                .type(KeyCode.ENTER);
        waitUntil(() -> lookup("paper-problems").isVisible());
        assertThat(((javafx.scene.control.Label) lookup("paper-problems")).getText())
                .contains("異動者1の住民票コードの最後の桁（検査数字）が合いません");
        assertThat(vm.stepProperty().get()).isEqualTo(VisitStep.CANDIDATES);

        focusByTab(robot, "paper-residentCode-1");
        robot.write(good).type(KeyCode.ENTER);
        waitUntil(() -> vm.stepProperty().get() == VisitStep.LIFE_EVENT);
        assertThat(vm.eventProperty().get()).isEqualTo("tennyu");
        assertThat(vm.visit().moving().origin().typed()).isTrue();
        assertThat(vm.visit().moving().movers()).containsExactly(good);
        assertThat(vm.interview()).containsEntry("previousAddress", "別県紙市本町一丁目１番");
        assertThat(lookup("paperBox").isVisible()).isFalse();
        noUnnamedControls();
    }

    private Node lookup(String id) {
        return root.lookup("#" + id);
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

    private static void waitUntil(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
