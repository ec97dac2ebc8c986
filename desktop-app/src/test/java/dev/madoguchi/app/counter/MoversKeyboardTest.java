package dev.madoguchi.app.counter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.madoguchi.app.counter.screen.CounterView;
import dev.madoguchi.app.i18n.Language;
import dev.madoguchi.app.i18n.Messages;
import dev.madoguchi.app.shell.AccessibilityAudit;
import dev.madoguchi.app.task.ExecutorTaskRunner;
import dev.madoguchi.app.wiring.ViewLoader;
import dev.madoguchi.demo.Resident;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
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
 * Choosing who moves and the 転入 stop, by keyboard only as a person does it: Tab, Space on the checkboxes, arrow keys
 * in the list of who heads those who stay, Enter on the stop's one button — never {@code fire()} on a node.
 */
@ExtendWith(ApplicationExtension.class)
class MoversKeyboardTest {

    @TempDir
    static Path dir;

    private ExecutorTaskRunner tasks;
    private CounterFixture fixture;
    private CounterVisit vm;
    private Parent root;

    @Start
    void start(Stage stage) throws IOException {
        Path visitDir = Files.createTempDirectory(dir, "movers");
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
    void theClerkChoosesTheMoversWithSpaceAndNamesTheNewHeadAfterTheTennyuStop(FxRobot robot) throws Exception {
        var residents = fixture.demo.municipality().residents();
        Resident head = fixture.demo.municipality().cardHolders().stream()
                .filter(r -> r.card().textPinTriesLeft() == 3 && "世帯主".equals(r.relationship()))
                .filter(r -> residents.stream().filter(m -> m.householdId().equals(r.householdId())).count() >= 3)
                .findFirst().orElseThrow();
        List<Resident> household = residents.stream().filter(m -> m.householdId().equals(head.householdId()))
                .toList();
        fixture.reader.place(head.id());
        waitUntil(() -> vm.stepProperty().get() == VisitStep.PIN_ENTRY);
        robot.write(head.card().textPin()).type(KeyCode.ENTER);
        waitUntil(() -> vm.stepProperty().get() == VisitStep.CANDIDATES);
        int index = vm.candidates().stream().map(c -> c.resident().residentId()).toList().indexOf(head.id());
        focusByTab(robot, "confirm-" + (index + 1));
        robot.type(KeyCode.SPACE);
        waitUntil(() -> vm.stepProperty().get() == VisitStep.LIFE_EVENT);

        // 転入 for a person registered here: stopped, and Enter on the focused button makes it a 転居
        focusByTab(robot, "event-tennyu");
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(focusedId()).isEqualTo("switchToTenkyoButton");
        assertThat(vm.eventProperty().get()).isNull();
        assertThat(lookup("event-tennyu").isVisible()).isTrue();
        robot.type(KeyCode.ENTER);
        waitUntil(() -> "tenkyo".equals(vm.eventProperty().get()));
        assertThat(lookup("registeredBox").isVisible()).isFalse();

        CheckBox self = (CheckBox) lookup("mover-" + head.residentCode());
        assertThat(self.isSelected()).isTrue();
        assertThat(self.isDisabled()).as("the person at the counter is not removable").isTrue();
        Resident stays = household.get(1);
        Resident moves = household.get(2);
        focusByTab(robot, "mover-" + moves.residentCode());
        robot.type(KeyCode.SPACE);
        waitUntil(() -> vm.visit().moving().movers().contains(moves.residentCode()));
        assertThat(((CheckBox) lookup("mover-" + moves.residentCode())).isSelected()).isTrue();
        assertThat(shows(vm.messages().get("counter.movers.headLeaves", household.size() - 2))).isTrue();
        noUnnamedControls();

        // the head leaves: the procedures wait for the new 世帯主 of those who stay
        focusByTab(robot, "proposeButton");
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.stepProperty().get()).isEqualTo(VisitStep.LIFE_EVENT);
        assertThat(vm.errorProperty().get()).isEqualTo(vm.messages().get("counter.movers.headMissing"));
        focusByTab(robot, "remainingHead");
        int position = vm.steps().plan().movers().staying().stream().map(m -> m.code()).toList()
                .indexOf(stays.residentCode());
        robot.type(KeyCode.DOWN); // opens the list on the first member who stays
        for (int i = 0; i < position; i++) {
            robot.type(KeyCode.DOWN);
        }
        robot.type(KeyCode.ENTER);
        waitUntil(() -> stays.residentCode().equals(vm.visit().moving().remainingHead()));
        assertThat(vm.steps().plan().movers().consequences()).anyMatch(t -> t.contains(stays.familyName()));

        // Space again takes a mover out
        focusByTab(robot, "mover-" + moves.residentCode());
        robot.type(KeyCode.SPACE);
        waitUntil(() -> !vm.visit().moving().movers().contains(moves.residentCode()));
        focusByTab(robot, "mover-" + moves.residentCode());
        robot.type(KeyCode.SPACE);
        waitUntil(() -> vm.visit().moving().movers().contains(moves.residentCode()));
        focusByTab(robot, "proposeButton");
        robot.type(KeyCode.SPACE);
        waitUntil(() -> vm.stepProperty().get() == VisitStep.PROCEDURES);
        assertThat(vm.visit().moving().movers()).containsExactly(head.residentCode(), moves.residentCode());
    }

    @Test
    void inAMoveInWithoutTheFormerHeadTheClerkChoosesTheNewHeadByKeyboard(FxRobot robot) throws Exception {
        var store = fixture.store.store().orElseThrow();
        store.moveOuts().purgeExpired(java.time.LocalDate.of(2027, 12, 31));
        store.moveOuts().applyPage(List.of(new dev.madoguchi.store.moveout.MoveOutRecord("MO-K", "別県別市",
                "別県別市中町一丁目２番３号", "山田\u3000一郎", java.time.LocalDate.of(2026, 11, 15),
                java.time.LocalDate.of(2026, 12, 10), List.of(
                        member("91000000014", "一郎", "イチロウ", "1985-04-01", "世帯主", dev.madoguchi.domain.Sex.MALE),
                        member("91000000022", "花子", "ハナコ", "1987-06-02", "妻", dev.madoguchi.domain.Sex.FEMALE),
                        member("91000000030", "太郎", "タロウ", "2016-09-03", "子", dev.madoguchi.domain.Sex.MALE)))),
                "k1", 0);
        Platform.runLater(() -> {
            vm.enterManually();
            vm.manualNameProperty().set("山田\u3000花子");
            vm.manualBirthDateProperty().set("1987-06-02");
            vm.submitManualEntry();
        });
        waitUntil(() -> vm.stepProperty().get() == VisitStep.CANDIDATES && !vm.steps().match().moveOuts().isEmpty());
        Platform.runLater(() -> vm.steps().match().confirmMoveOut(vm.steps().match().moveOuts().get(0)));
        waitUntil(() -> vm.stepProperty().get() == VisitStep.LIFE_EVENT);
        assertThat(lookup("newHouseholdHead").isVisible()).as("one mover: no choice").isFalse();
        focusByTab(robot, "mover-91000000030");
        robot.type(KeyCode.SPACE);
        waitUntil(() -> lookup("newHouseholdHead").isVisible());
        assertThat(AccessibilityAudit.unnamedFocusableNodes(root)).isEmpty();
        focusByTab(robot, "newHouseholdHead");
        robot.type(KeyCode.DOWN); // opens the list on the first mover (the person at the counter)
        robot.type(KeyCode.ENTER);
        waitUntil(() -> "91000000022".equals(vm.visit().moving().newHead()));
        assertThat(vm.steps().plan().movers().consequences())
                .contains(vm.messages().get("counter.movers.newHouseholdHead", "山田\u3000花子"));
    }

    @Test
    void inATenkyoSplitTheClerkChoosesTheHeadAndTypesTheRelationshipsTheRegisterDoesNotDecide(FxRobot robot)
            throws Exception {
        var residents = fixture.demo.municipality().residents();
        java.util.function.Function<Resident, List<Resident>> householdOf = r -> residents.stream()
                .filter(m -> m.householdId().equals(r.householdId())).toList();
        java.util.function.BiFunction<List<Resident>, String, Long> count = (h, rel) -> h.stream()
                .filter(m -> m.relationship().equals(rel)).count();
        Resident counter = fixture.demo.municipality().cardHolders().stream()
                .filter(r -> r.card().textPinTriesLeft() == 3 && !r.isForeign()
                        && List.of("子", "子の妻", "孫").contains(r.relationship()))
                .filter(r -> count.apply(householdOf.apply(r), "子") == 1
                        && count.apply(householdOf.apply(r), "子の妻") == 1
                        && count.apply(householdOf.apply(r), "孫") >= 1)
                .findFirst().orElseThrow();
        List<Resident> household = householdOf.apply(counter);
        List<Resident> moving = household.stream()
                .filter(m -> List.of("子", "子の妻", "孫").contains(m.relationship())).toList();
        Resident son = moving.stream().filter(m -> m.relationship().equals("子")).findFirst().orElseThrow();
        fixture.reader.place(counter.id());
        waitUntil(() -> vm.stepProperty().get() == VisitStep.PIN_ENTRY);
        robot.write(counter.card().textPin()).type(KeyCode.ENTER);
        waitUntil(() -> vm.stepProperty().get() == VisitStep.CANDIDATES);
        int index = vm.candidates().stream().map(c -> c.resident().residentId()).toList().indexOf(counter.id());
        focusByTab(robot, "confirm-" + (index + 1));
        robot.type(KeyCode.SPACE);
        waitUntil(() -> vm.stepProperty().get() == VisitStep.LIFE_EVENT);
        focusByTab(robot, "event-tenkyo");
        robot.type(KeyCode.SPACE);
        waitUntil(() -> "tenkyo".equals(vm.eventProperty().get()));
        for (Resident m : moving) {
            if (!m.residentCode().equals(counter.residentCode())) {
                focusByTab(robot, "mover-" + m.residentCode());
                robot.type(KeyCode.SPACE);
                waitUntil(() -> vm.visit().moving().movers().contains(m.residentCode()));
            }
        }
        waitUntil(() -> lookup("newHouseholdHead").isVisible());
        assertThat(shows(vm.messages().get("counter.view.movedHouseholdHead"))).isTrue();
        focusByTab(robot, "newHouseholdHead");
        int position = vm.steps().plan().movers().moving().stream().map(m -> m.code()).toList()
                .indexOf(son.residentCode());
        robot.type(KeyCode.DOWN); // opens the list on the first mover
        for (int i = 0; i < position; i++) {
            robot.type(KeyCode.DOWN);
        }
        robot.type(KeyCode.ENTER);
        waitUntil(() -> son.residentCode().equals(vm.visit().moving().newHead()));
        for (Resident m : moving) {
            if (m != son) {
                waitUntil(() -> lookup("relationship-" + m.residentCode()) != null
                        && lookup("relationship-" + m.residentCode()).isVisible());
            }
        }
        noUnnamedControls();
        for (Resident m : moving) {
            if (m != son) {
                focusByTab(robot, "relationship-" + m.residentCode());
                robot.write(m.relationship().equals("子の妻") ? "妻" : "子").type(KeyCode.ENTER);
                waitUntil(() -> vm.visit().moving().relationships().containsKey(m.residentCode()));
            }
        }
        focusByTab(robot, "proposeButton");
        robot.type(KeyCode.SPACE);
        waitUntil(() -> vm.stepProperty().get() == VisitStep.PROCEDURES);
        assertThat(vm.visit().moving().relationships()).hasSize(moving.size() - 1).containsValue("妻");
    }

    @Test
    void theClerkSaysTheMoversJoinAHouseholdAndTypesItsHeadAndEveryRelationshipByKeyboard(FxRobot robot)
            throws Exception {
        var residents = fixture.demo.municipality().residents();
        Resident head = fixture.demo.municipality().cardHolders().stream()
                .filter(r -> r.card().textPinTriesLeft() == 3 && !r.isForeign() && "世帯主".equals(r.relationship()))
                .filter(r -> residents.stream().filter(m -> m.householdId().equals(r.householdId())).count() >= 2)
                .findFirst().orElseThrow();
        Resident other = residents.stream().filter(m -> m.householdId().equals(head.householdId()) && m != head)
                .findFirst().orElseThrow();
        fixture.reader.place(head.id());
        waitUntil(() -> vm.stepProperty().get() == VisitStep.PIN_ENTRY);
        robot.write(head.card().textPin()).type(KeyCode.ENTER);
        waitUntil(() -> vm.stepProperty().get() == VisitStep.CANDIDATES);
        int index = vm.candidates().stream().map(c -> c.resident().residentId()).toList().indexOf(head.id());
        focusByTab(robot, "confirm-" + (index + 1));
        robot.type(KeyCode.SPACE);
        waitUntil(() -> vm.stepProperty().get() == VisitStep.LIFE_EVENT);
        focusByTab(robot, "event-tenkyo");
        robot.type(KeyCode.SPACE);
        waitUntil(() -> "tenkyo".equals(vm.eventProperty().get()));
        focusByTab(robot, "mover-" + other.residentCode());
        robot.type(KeyCode.SPACE);
        waitUntil(() -> vm.visit().moving().movers().contains(other.residentCode()));
        assertThat(lookup("joinHead").isVisible()).isFalse();

        focusByTab(robot, "joinHousehold");
        robot.type(KeyCode.SPACE);
        waitUntil(() -> vm.visit().moving().joins() && lookup("joinHead").isVisible());
        waitUntil(() -> lookup("relationship-" + other.residentCode()) != null);
        noUnnamedControls();
        focusByTab(robot, "joinHead");
        robot.write("佐藤　健一").type(KeyCode.ENTER);
        waitUntil(() -> "佐藤　健一".equals(vm.visit().moving().joinHead()));
        assertThat(lookup("relationship-" + head.residentCode()).getAccessibleText()).contains("佐藤　健一");
        for (Resident m : List.of(head, other)) {
            focusByTab(robot, "relationship-" + m.residentCode());
            robot.write(m == head ? "子" : "子の妻").type(KeyCode.ENTER);
            waitUntil(() -> vm.visit().moving().relationships().containsKey(m.residentCode()));
        }
        focusByTab(robot, "proposeButton");
        robot.type(KeyCode.SPACE);
        waitUntil(() -> vm.stepProperty().get() == VisitStep.PROCEDURES);
        assertThat(vm.visit().moving().relationships()).containsEntry(head.residentCode(), "子")
                .containsEntry(other.residentCode(), "子の妻");
    }

    private static dev.madoguchi.store.moveout.MoveOutMember member(String code, String given, String givenKana,
            String born, String relationship, dev.madoguchi.domain.Sex sex) {
        return new dev.madoguchi.store.moveout.MoveOutMember(code, "山田", given, "ヤマダ", givenKana,
                java.time.LocalDate.parse(born), sex, relationship, null);
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

    private boolean shows(String text) {
        WaitForAsyncUtils.waitForFxEvents();
        return root.lookupAll("*").stream().anyMatch(n -> n instanceof javafx.scene.control.Labeled l
                && text.equals(l.getText()) && l.isVisible());
    }

    private static void waitUntil(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
