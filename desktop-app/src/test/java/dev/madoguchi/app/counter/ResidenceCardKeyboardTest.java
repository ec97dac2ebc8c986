package dev.madoguchi.app.counter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.madoguchi.app.counter.screen.CounterView;
import dev.madoguchi.app.demo.DemoResidenceCards;
import dev.madoguchi.app.i18n.Language;
import dev.madoguchi.app.i18n.Messages;
import dev.madoguchi.app.shell.AccessibilityAudit;
import dev.madoguchi.app.task.ExecutorTaskRunner;
import dev.madoguchi.app.wiring.ViewLoader;
import dev.madoguchi.card.simulated.SimulatedCard;
import dev.madoguchi.demo.Resident;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
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
 * The identify step with a residence card, keyboard only: the card put down opens the number field with the focus in
 * it; the clerk types, a wrong number is said in words where the clerk looks, the right one (Enter) reaches the
 * register's candidates.
 */
@ExtendWith(ApplicationExtension.class)
class ResidenceCardKeyboardTest {

    @TempDir
    static Path dir;

    private ExecutorTaskRunner tasks;
    /** Made before the toolkit's set-up (whose time is limited): the store and the demo take a while on a busy machine. */
    private static CounterFixture fixture;
    private CounterVisit vm;
    private Parent root;

    @BeforeAll
    static void makeFixture() throws IOException {
        fixture = new CounterFixture(Files.createTempDirectory(dir, "residence"));
    }

    @AfterAll
    static void closeFixture() {
        fixture.close();
    }

    @Start
    void start(Stage stage) {
        tasks = new ExecutorTaskRunner(Platform::runLater);
        Messages messages = new Messages(Language.JAPANESE);
        vm = new CounterVisit(messages, tasks, fixture.visits, () -> new PrintDestination.Folder(fixture.printFolder));
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
    }

    @Test
    void theClerkTypesTheNumberAWrongOneIsSaidInWordsAndTheRightOneFindsTheResident(FxRobot robot)
            throws Exception {
        SimulatedCard card = fixture.reader.deck().stream()
                .filter(c -> c.id().startsWith(DemoResidenceCards.ID_PREFIX) && c.label().contains("（在留カード）"))
                .findFirst().orElseThrow();
        Resident r = fixture.demo.municipality().resident(card.id().substring(DemoResidenceCards.ID_PREFIX.length()))
                .orElseThrow();
        String number = r.foreignResidency().residenceCardNumber();
        String wrong = (number.startsWith("ZZ") ? "YY" : "ZZ") + number.substring(2);

        fixture.reader.place(card.id());
        waitUntil(() -> vm.stepProperty().get() == VisitStep.RESIDENCE_CARD_NUMBER_ENTRY);
        waitUntil(() -> "residenceNumberField".equals(focusedId()));
        assertThat(shows("在留カードが置かれています")).isTrue();
        assertThat(AccessibilityAudit.unnamedFocusableNodes(root)).isEmpty();

        robot.write(wrong.substring(0, 5));
        assertThat(shows("5 文字入力済み。次は数字です")).isTrue();
        robot.write(wrong.substring(5)).type(KeyCode.ENTER);
        waitUntil(() -> !vm.steps().identify().residenceCard().refusalProperty().get().isEmpty());
        waitUntil(() -> vm.stepProperty().get() == VisitStep.RESIDENCE_CARD_NUMBER_ENTRY);
        String refusal = vm.steps().identify().residenceCard().refusalProperty().get();
        assertThat(refusal).startsWith("番号がこのカードと一致しません").doesNotContain(wrong);
        assertThat(shows(refusal)).as("said on screen").isTrue();
        waitUntil(() -> "residenceNumberField".equals(focusedId()));
        assertThat(vm.visit().identity()).isNull();

        robot.write(number).type(KeyCode.ENTER);
        waitUntil(() -> vm.stepProperty().get() == VisitStep.CANDIDATES);
        assertThat(vm.visit().identity().residenceCard().cardNumber()).isEqualTo(number);
        assertThat(vm.candidates()).anySatisfy(c -> assertThat(c.resident().residentId()).isEqualTo(r.id()));
        assertThat(root.lookupAll("*").stream().filter(n -> n instanceof Labeled l && l.isVisible()
                && l.getText() != null && l.getText().contains(number))).as("never shown in full").isEmpty();
    }

    private String focusedId() {
        Node owner = root.getScene().getFocusOwner();
        return owner == null ? null : owner.getId();
    }

    private boolean shows(String text) {
        WaitForAsyncUtils.waitForFxEvents();
        return root.lookupAll("*").stream().anyMatch(n -> n instanceof Labeled l && text.equals(l.getText())
                && l.isVisible());
    }

    private static void waitUntil(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
