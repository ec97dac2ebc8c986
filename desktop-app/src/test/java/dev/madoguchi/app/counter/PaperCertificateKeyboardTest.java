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
        assertThat(((javafx.scene.control.Label) lookup("paper-problem-1")).getText())
                .isEqualTo("異動者1の住民票コードの最後の桁（検査数字）が合いません。証明書の番号を見直してください");
        assertThat(((javafx.scene.control.Label) lookup("paper-problems")).getText()).as("said once, in the row")
                .isEqualTo(vm.messages().get("counter.paper.rowsNeedAttention", 1, 1));
        assertThat(vm.stepProperty().get()).isEqualTo(VisitStep.CANDIDATES);
        assertThat(focusedId()).as("the focus is on the item to fix").isEqualTo("paper-residentCode-1");
        assertThat(lookup("paper-residentCode-1").getAccessibleHelp()).contains("検査数字");

        robot.press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL);
        robot.write(good).type(KeyCode.ENTER);
        waitUntil(() -> vm.stepProperty().get() == VisitStep.LIFE_EVENT);
        assertThat(vm.eventProperty().get()).isEqualTo("tennyu");
        assertThat(vm.visit().moving().origin().typed()).isTrue();
        assertThat(vm.visit().moving().movers()).containsExactly(good);
        assertThat(vm.interview()).containsEntry("previousAddress", "別県紙市本町一丁目１番");
        assertThat(lookup("paperBox").isVisible()).isFalse();
        noUnnamedControls();
    }

    @Test
    void spaceMarksAPersonForeignAndTheirItemsAreTypedByKeyboardWithTheCardNumberCheckedInTheRow(FxRobot robot)
            throws Exception {
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
        assertThat(lookup("paper-foreignItems-1").isVisible()).isFalse();
        focusByTab(robot, "paper-foreign-1");
        robot.type(KeyCode.SPACE);
        waitUntil(() -> lookup("paper-foreignItems-1").isVisible());
        noUnnamedControls();
        robot.type(KeyCode.TAB);
        assertThat(focusedId()).isEqualTo("paper-nationality-1");
        robot.write("ベトナム").type(KeyCode.TAB).write("留学").type(KeyCode.TAB).write("1年3月").type(KeyCode.TAB)
                .write("2027-08-31").type(KeyCode.TAB);
        assertThat(focusedId()).isEqualTo("paper-residenceCardNumber-1");
        robot.write("AB1234");
        waitUntil(() -> lookup("paper-problem-1").isVisible());
        assertThat(((javafx.scene.control.Label) lookup("paper-problem-1")).getText())
                .startsWith("異動者1の在留カード等番号は");
        robot.write("5678CD");
        waitUntil(() -> !lookup("paper-problem-1").isVisible());
        robot.type(KeyCode.TAB);
        assertThat(focusedId()).isEqualTo("paper-foreignCategory-1");
        robot.type(KeyCode.DOWN); // opens the list on the first category
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        var row = vm.steps().match().paper().rows().get(0);
        assertThat(row.foreignCategory.get()).isEqualTo("中長期在留者");
        assertThat(row.nationality.get()).isEqualTo("ベトナム");
        assertThat(row.residenceStatus.get()).isEqualTo("留学");
        assertThat(row.stayExpiry.get()).isEqualTo("2027-08-31");
        assertThat(row.residenceCardNumber.get()).isEqualTo("AB12345678CD");

        focusByTab(robot, "paper-foreign-1");
        robot.type(KeyCode.SPACE);
        waitUntil(() -> !lookup("paper-foreignItems-1").isVisible());
        assertThat(row.nationality.get()).as("hidden, not forgotten").isEqualTo("ベトナム");
    }

    private Node lookup(String id) {
        return find(root, id);
    }

    /** The node with exactly this id (a CSS selector lookup is not case-exact for every id). */
    private static Node find(Node node, String id) {
        if (id.equals(node.getId())) {
            return node;
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                Node found = find(child, id);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
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
