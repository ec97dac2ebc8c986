package dev.madoguchi.app.shelter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.madoguchi.app.i18n.Language;
import dev.madoguchi.app.i18n.Messages;
import dev.madoguchi.app.scroll.ShownScrollPanes;
import dev.madoguchi.app.shell.AccessibilityAudit;
import dev.madoguchi.app.shelter.screen.ShelterTabsView;
import dev.madoguchi.app.wiring.ViewLoader;
import dev.madoguchi.demo.Resident;
import dev.madoguchi.domain.Sex;
import dev.madoguchi.domain.shelter.CareFlag;
import dev.madoguchi.domain.shelter.CareKind;
import dev.madoguchi.domain.shelter.Consent;
import dev.madoguchi.domain.shelter.IdentifiedBy;
import dev.madoguchi.domain.shelter.PresentPerson;
import dev.madoguchi.domain.shelter.Shelter;
import dev.madoguchi.forms.qr.PreRegistration;
import dev.madoguchi.forms.qr.PreRegistrationCodec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import javafx.geometry.Bounds;
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
 * The shelter screens, headless (Monocle), on the real store, the simulated reader and the demo municipality, at
 * 1366×768 and 200 % text (28 px). Keyboard only: Tab moves, Space presses, Enter submits, letters are typed; the
 * store work runs inline on the UI thread (the lanes are tested elsewhere). Every focusable node is named.
 */
@ExtendWith(ApplicationExtension.class)
class ShelterViewTest {

    @TempDir
    static Path dir;

    private ShelterFixture fixture;
    private Parent root;
    private Stage stage;
    private ShelterTabsView tabs;

    @org.junit.jupiter.api.BeforeAll
    static void demoFirst() {
        ShelterFixture.demo(); // made once, outside the toolkit's setup time
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    /** The store is made outside the toolkit's setup time (it takes seconds on a busy machine). */
    private void show(FxRobot robot) throws IOException {
        fixture = new ShelterFixture(Files.createTempDirectory(dir, "desk"));
        fixture.records.saveShelter(new Shelter("S-01", "第一小学校体育館", "", 300, 200, List.of("体育館", "教室2"),
                Set.of()));
        Messages messages = new Messages(Language.JAPANESE);
        robot.interact(() -> root = new ViewLoader(messages.bundle()).withAll(fixture.steps.controllers())
                .with(ShelterTabsView.class, () -> tabs = new ShelterTabsView()).loadStyled(ShelterTabsView.class));
        root.setStyle("-fx-font-size: 28.0px;"); // 200 % of the 14 px base, as the main window sets it
        robot.interact(() -> {
            stage.setScene(new Scene(root, 1366, 768));
            stage.show();
            fixture.steps.start();
        });
    }

    @AfterEach
    void stop(FxRobot robot) {
        if (fixture != null) {
            robot.interact(fixture.steps::stop);
            fixture.close();
        }
    }

    private Node focused(FxRobot robot) {
        return stage.getScene().getFocusOwner();
    }

    /** Presses Tab until the node with this id has the focus (at most 40 times), as a person would. */
    private void tabTo(FxRobot robot, String id) {
        for (int i = 0; i < 40; i++) {
            Node now = focused(robot);
            if (now != null && id.equals(now.getId())) {
                return;
            }
            robot.type(KeyCode.TAB);
        }
        throw new AssertionError("Tab never reached #" + id + "; focus on " + focused(robot));
    }

    private void audit(FxRobot robot, String where) {
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(AccessibilityAudit.unnamedFocusableNodes(root)).as("unnamed at " + where).isEmpty();
        Node now = focused(robot);
        if (now != null) {
            Bounds b = now.localToScene(now.getLayoutBounds());
            assertThat(b.getMaxY()).as("focus inside the 768 px window at " + where).isLessThanOrEqualTo(768.5);
        }
    }

    private CheckInStep step() {
        return fixture.steps.desk().step();
    }

    /**
     * JavaFX's scroll pane caches its viewport in an offscreen image of its size; on the software renderer that was
     * 5–6 MB of heap per full-window tab (docs/performance.md, "Shelter mode"). No scroll pane of the shelter's tabs
     * draws through that cache, also after every tab was shown once.
     */
    @Test
    void noScrollPaneOfTheTabsKeepsAViewportImage(FxRobot robot) throws Exception {
        show(robot);
        List<javafx.scene.control.ScrollPane> panes = new java.util.ArrayList<>();
        for (int tab = 0; tab < 6; tab++) {
            int index = tab;
            robot.interact(() -> tabs.open(index));
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> ShownScrollPanes.under(root).stream().filter(p -> !panes.contains(p))
                    .forEach(panes::add));
        }
        robot.interact(() -> tabs.open(0));
        assertThat(panes).as("check-in, paper cards, present, report, roster, exchange").hasSizeGreaterThanOrEqualTo(6);
        assertThat(panes).allSatisfy(p -> assertThat(p.getSkin()).as("shown once, so skinned").isNotNull());
        assertThat(ShownScrollPanes.cached(panes)).as("drawn through the node cache").isEmpty();
    }

    @Test
    void aHouseholdOfThreeByCardQrAndHandWithAnAllergyAndADogFromTheKeyboardOnly(FxRobot robot) throws Exception {
        show(robot);
        audit(robot, "choose");
        assertThat(focused(robot).getId()).isEqualTo("sheltersList");
        robot.type(KeyCode.ENTER);
        assertThat(step()).isEqualTo(CheckInStep.IDENTIFY);
        audit(robot, "identify");
        assertThat(focused(robot).getId()).isEqualTo("scanField");

        // 1: by card and PIN; the register candidate is confirmed; an allergy to egg
        Resident r = fixture.cardHolder(x -> x.card().textPinTriesLeft() == 3 && x.foreignResidency() == null);
        robot.interact(() -> fixture.putCard(r));
        assertThat(step()).isEqualTo(CheckInStep.PIN_ENTRY);
        audit(robot, "pin");
        robot.write(r.card().textPin()).type(KeyCode.ENTER);
        assertThat(step()).isEqualTo(CheckInStep.MATCH);
        audit(robot, "match");
        robot.type(KeyCode.DOWN).type(KeyCode.ENTER);
        assertThat(step()).isEqualTo(CheckInStep.PERSON);
        audit(robot, "person");
        tabTo(robot, "detail-allergy");
        robot.write("卵");
        tabTo(robot, "phoneField");
        robot.type(KeyCode.ENTER);
        assertThat(step()).isEqualTo(CheckInStep.HOUSEHOLD);
        audit(robot, "household");
        robot.interact(fixture::takeCard);

        // 2: by a pre-registration QR, typed by the keyboard-wedge scanner
        robot.type(KeyCode.SPACE); // 次の人を追加
        assertThat(focused(robot).getId()).isEqualTo("scanField");
        PreRegistration pre = new PreRegistration("髙﨑　𠮷子", "タカサキ　ヨシコ", LocalDate.of(1938, 4, 1), Sex.FEMALE,
                "他県架空町1-2", "", List.of(CareFlag.of(CareKind.ELDERLY)), new Consent(true, false, false), "",
                fixture.clock.instant());
        robot.write(new PreRegistrationCodec().encodeSigned(pre, fixture.municipalityKey)).type(KeyCode.ENTER);
        assertThat(step()).isEqualTo(CheckInStep.PERSON);
        tabTo(robot, "phoneField");
        robot.type(KeyCode.ENTER);

        // 3: typed by hand, the birth date in 和暦
        robot.type(KeyCode.SPACE);
        tabTo(robot, "manualButton");
        robot.type(KeyCode.SPACE);
        assertThat(step()).isEqualTo(CheckInStep.MANUAL_ENTRY);
        audit(robot, "manual");
        robot.write("髙﨑　太郎").type(KeyCode.TAB).write("タカサキ　タロウ").type(KeyCode.TAB).write("H30.5.1");
        tabTo(robot, "addressField");
        robot.write("他県架空町1-2").type(KeyCode.ENTER);
        assertThat(step()).isIn(CheckInStep.PERSON, CheckInStep.MATCH);
        if (step() == CheckInStep.MATCH) {
            tabTo(robot, "noneButton");
            robot.type(KeyCode.SPACE);
        }
        tabTo(robot, "flag-infant");
        robot.type(KeyCode.SPACE);
        tabTo(robot, "phoneField");
        robot.type(KeyCode.ENTER);

        // the household: a dog, then stored
        tabTo(robot, "petSpeciesField");
        robot.write("犬");
        tabTo(robot, "confirmButton");
        robot.type(KeyCode.SPACE);
        assertThat(step()).isEqualTo(CheckInStep.DONE);
        audit(robot, "done");
        assertThat(focused(robot).getId()).isEqualTo("nextButton");

        // the first shelter of the list (demo shelters may come before S-01)
        List<PresentPerson> present = fixture.records.present(fixture.steps.desk().shelterProperty().get().id())
                .people();
        assertThat(present).hasSize(3);
        assertThat(present).extracting(p -> p.person().identifiedBy())
                .containsExactlyInAnyOrder(IdentifiedBy.CARD, IdentifiedBy.QR, IdentifiedBy.MANUAL);
        assertThat(present).anySatisfy(p -> assertThat(p.person().flags())
                .contains(new CareFlag(CareKind.ALLERGY, "卵")));
        assertThat(present.get(0).pets()).singleElement().satisfies(p -> assertThat(p.species()).isEqualTo("犬"));
        assertThat(present).anySatisfy(p -> assertThat(p.person().birthDate()).isEqualTo(LocalDate.of(2018, 5, 1)));
    }

    @Test
    void theOtherTabsAreNamedAndWorkFromTheKeyboard(FxRobot robot) throws Exception {
        show(robot);
        robot.type(KeyCode.ENTER); // the first shelter
        robot.interact(() -> tabs.open(1));
        audit(robot, "backlog");
        assertThat(focused(robot).getId()).isEqualTo("backlog-1-household");
        robot.write("K-1").type(KeyCode.TAB).write("佐藤　一").type(KeyCode.TAB).type(KeyCode.TAB).write("S20.1.1")
                .type(KeyCode.ENTER);
        assertThat(focused(robot).getId()).isEqualTo("backlog-2-household");
        robot.interact(() -> tabs.open(2));
        audit(robot, "present");
        robot.interact(() -> tabs.open(3));
        audit(robot, "report");
        assertThat(fixture.steps.report().lines()).isNotEmpty();
    }


    @Test
    void correctionPresenceLeavingAHouseholdAndABacklogRowWithConsentFromTheKeyboardOnly(FxRobot robot)
            throws Exception {
        show(robot);
        robot.type(KeyCode.ENTER); // the first shelter
        String at = fixture.steps.desk().shelterProperty().get().id();
        fixture.records.checkIn(at, new dev.madoguchi.domain.shelter.Arrival("H-77",
                dev.madoguchi.domain.shelter.Stay.SHELTER, "体育館", List.of(), "", List.of(
                        evacuee("Q1", "髙﨑　花子", "タカサキ　ハナコ"), evacuee("Q2", "髙﨑　一郎", "タカサキ　イチロウ"))));
        ctrlTabTo(robot, 2, false); // 在所者・退所
        tabTo(robot, "searchField"); // the tab header keeps the keyboard after Ctrl+Tab; Tab goes into the tab
        audit(robot, "present");
        robot.write("タカサキ　ハナコ");
        tabTo(robot, "peopleList");
        robot.type(KeyCode.HOME);
        int dayBefore = fixture.records.present(at).day();

        // 日中不在: Ctrl+D, counted at once
        robot.press(KeyCode.CONTROL).type(KeyCode.D).release(KeyCode.CONTROL);
        assertThat(fixture.records.present(at).day()).isEqualTo(dayBefore - 1);
        assertThat(fixture.steps.present().countsProperty().get()).contains("昼 " + (dayBefore - 1) + "人");
        assertThat(personIn(at, "Q1").night()).isTrue();

        // correction: Ctrl+E, the name typed again, consent ⑫ ticked, Ctrl+S; the history shows it; Esc back
        robot.press(KeyCode.CONTROL).type(KeyCode.E).release(KeyCode.CONTROL);
        assertThat(focused(robot).getId()).isEqualTo("nameField");
        audit(robot, "correction");
        robot.press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL).write("髙﨑　華子");
        tabTo(robot, "consentFamilyBox");
        robot.type(KeyCode.SPACE);
        robot.press(KeyCode.CONTROL).type(KeyCode.S).release(KeyCode.CONTROL);
        assertThat(personIn(at, "Q1").person().name()).isEqualTo("髙﨑　華子");
        assertThat(personIn(at, "Q1").person().consent().family()).isTrue();
        assertThat(fixture.steps.correction().history()).hasSize(3); // check-in, presence, correction
        audit(robot, "correction saved");
        robot.type(KeyCode.ESCAPE);
        assertThat(fixture.steps.correction().editingProperty().get()).isFalse();
        assertThat(focused(robot).getId()).isEqualTo("peopleList");

        // leaving the household for one of her own: Ctrl+H with 新しい世帯 chosen
        tabTo(robot, "joinBox");
        assertThat(fixture.steps.present().joinProperty().get()).isEmpty();
        robot.press(KeyCode.CONTROL).type(KeyCode.H).release(KeyCode.CONTROL);
        assertThat(personIn(at, "Q1").householdId()).isNotEqualTo("H-77");
        assertThat(personIn(at, "Q2").householdId()).isEqualTo("H-77");
        audit(robot, "left household");

        // the paper-card grid: one row with consent ⑫⑬⑭ typed as yyn, saved from the keyboard
        ctrlTabTo(robot, 1, true);
        tabTo(robot, "backlog-1-household");
        audit(robot, "backlog");
        robot.write("K-5").type(KeyCode.TAB).write("佐藤　五").type(KeyCode.TAB).type(KeyCode.TAB).write("S25.5.5");
        tabTo(robot, "backlog-1-consent");
        robot.write("yyn");
        tabTo(robot, "saveButton");
        robot.type(KeyCode.SPACE);
        assertThat(fixture.records.present(at).people()).filteredOn(p -> p.person().name().equals("佐藤　五"))
                .singleElement().satisfies(p -> assertThat(p.person().consent()).isEqualTo(new Consent(true, true,
                        false)));
    }

    /** Ctrl+Tab (Ctrl+Shift+Tab backwards) until the tab at this index is open, as a person would. */
    private void ctrlTabTo(FxRobot robot, int index, boolean backwards) {
        javafx.scene.control.TabPane pane = (javafx.scene.control.TabPane) root;
        for (int i = 0; i < 8 && pane.getSelectionModel().getSelectedIndex() != index; i++) {
            if (backwards) {
                robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.TAB).release(KeyCode.SHIFT, KeyCode.CONTROL);
            } else {
                robot.press(KeyCode.CONTROL).type(KeyCode.TAB).release(KeyCode.CONTROL);
            }
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertThat(pane.getSelectionModel().getSelectedIndex()).isEqualTo(index);
    }

    private PresentPerson personIn(String shelterId, String personId) {
        return fixture.records.present(shelterId).people().stream().filter(p -> p.personId().equals(personId))
                .findFirst().orElseThrow();
    }

    private static dev.madoguchi.domain.shelter.Evacuee evacuee(String id, String name, String kana) {
        return new dev.madoguchi.domain.shelter.Evacuee(id, name, kana, LocalDate.of(1950, 1, 1), Sex.FEMALE, "架空町1",
                "", "", IdentifiedBy.MANUAL, List.of(), "", null);
    }
}
