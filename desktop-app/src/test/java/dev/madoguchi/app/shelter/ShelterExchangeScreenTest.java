package dev.madoguchi.app.shelter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.madoguchi.app.i18n.Language;
import dev.madoguchi.app.i18n.Messages;
import dev.madoguchi.app.shell.AccessibilityAudit;
import dev.madoguchi.app.shelter.roster.RosterRows;
import dev.madoguchi.app.shelter.screen.ShelterTabsView;
import dev.madoguchi.app.wiring.ViewLoader;
import dev.madoguchi.domain.Sex;
import dev.madoguchi.domain.shelter.Arrival;
import dev.madoguchi.domain.shelter.Consent;
import dev.madoguchi.domain.shelter.Evacuee;
import dev.madoguchi.domain.shelter.IdentifiedBy;
import dev.madoguchi.domain.shelter.Shelter;
import dev.madoguchi.domain.shelter.Stay;
import dev.madoguchi.store.audit.AuditAction;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
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
 * The 名簿・安否情報 and 端末間の交換 tabs, headless (Monocle), at 1366×768 with 200 % text (28 px), keyboard only:
 * Ctrl+Tab opens the tab, Tab moves, letters are typed, Space presses, Enter submits. The exchange: a file written
 * here; a file from a second laptop (another real store) read, its unknown fingerprint shown with the keyboard on
 * 信頼して読み込む, Space imports it and the present list shows the household; a changed file is refused with its
 * remedy. The roster: the 安否情報 answer list as CSV with BOM, re-parsed. Every focusable control named, nothing cut
 * off, the focus inside the window.
 */
@ExtendWith(ApplicationExtension.class)
class ShelterExchangeScreenTest {

    private static final String PASS = "gym-2026 pass";

    @TempDir
    static Path dir;

    private ShelterFixture fixture;
    private Parent root;
    private Stage stage;

    @BeforeAll
    static void demoFirst() {
        ShelterFixture.demo();
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    private void show(FxRobot robot) throws IOException {
        fixture = new ShelterFixture(Files.createTempDirectory(dir, "desk"));
        fixture.records.saveShelter(new Shelter("S-01", "第一小学校体育館", "", 300, 200, List.of("体育館"), Set.of()));
        fixture.records.checkIn("S-01", arrival("H-1", "P-1", "髙﨑　𠮷子", new Consent(true, false, false)));
        fixture.records.checkIn("S-01", arrival("H-2", "P-2", "山田　花子", new Consent(false, false, false)));
        Messages messages = new Messages(Language.JAPANESE);
        robot.interact(() -> root = new ViewLoader(messages.bundle()).withAll(fixture.steps.controllers())
                .with(ShelterTabsView.class, ShelterTabsView::new).loadStyled(ShelterTabsView.class));
        root.setStyle("-fx-font-size: 28.0px;"); // 200 % of the 14 px base, as the main window sets it
        robot.interact(() -> {
            stage.setScene(new Scene(root, 1366, 768));
            stage.show();
            fixture.steps.start();
            fixture.steps.desk().chooseShelter(fixture.records.shelters().stream()
                    .filter(s -> s.id().equals("S-01")).findFirst().orElseThrow());
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void stop(FxRobot robot) {
        if (fixture != null) {
            robot.interact(fixture.steps::stop);
            fixture.close();
        }
    }

    private static Arrival arrival(String household, String personId, String name, Consent consent) {
        return new Arrival(household, Stay.SHELTER, "体育館", List.of(), "", List.of(new Evacuee(personId, name,
                "タカサキ　ヨシコ", LocalDate.of(1950, 4, 1), Sex.FEMALE, "架空市本町1-1", "", "", IdentifiedBy.MANUAL,
                List.of(), "", consent)));
    }

    private Node focused() {
        return stage.getScene().getFocusOwner();
    }

    private void tabTo(FxRobot robot, String id) {
        for (int i = 0; i < 40; i++) {
            Node now = focused();
            if (now != null && id.equals(now.getId())) {
                return;
            }
            robot.type(KeyCode.TAB);
        }
        throw new AssertionError("Tab never reached #" + id + "; focus on " + focused());
    }

    private void ctrlTabTo(FxRobot robot, int index) {
        TabPane pane = (TabPane) root;
        for (int i = 0; i < 8 && pane.getSelectionModel().getSelectedIndex() != index; i++) {
            robot.press(KeyCode.CONTROL).type(KeyCode.TAB).release(KeyCode.CONTROL);
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertThat(pane.getSelectionModel().getSelectedIndex()).isEqualTo(index);
    }

    private void audit(String where) {
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(AccessibilityAudit.unnamedFocusableNodes(root)).as("unnamed at " + where).isEmpty();
        assertThat(AccessibilityAudit.clippedLabels(root)).as("cut off at " + where).isEmpty();
        Node now = focused();
        if (now != null) {
            Bounds b = now.localToScene(now.getLayoutBounds());
            assertThat(b.getMaxY()).as("focus inside the 768 px window at " + where).isLessThanOrEqualTo(768.5);
        }
    }

    private String label(String id) {
        return ((Label) root.lookup("#" + id)).getText();
    }

    @Test
    void writeAFileThenReadAnUnknownLaptopsFileAfterConfirmingItsFingerprintKeyboardOnly(FxRobot robot)
            throws Exception {
        // the second laptop: another real store with its own key and a household of its own
        Path other;
        String otherFingerprint;
        try (ShelterFixture second = new ShelterFixture(Files.createTempDirectory(dir, "second"))) {
            second.records.saveShelter(new Shelter("S-01", "第一小学校体育館", "", 300, 200, List.of("体育館"),
                    Set.of()));
            second.records.checkIn("S-01", arrival("H-9", "P-9", "佐藤　健", new Consent(true, true, true)));
            other = dir.resolve("from-second.mdgsx");
            second.steps.exchange().export(other, PASS.toCharArray(), PASS.toCharArray());
            otherFingerprint = second.records.exchangeFingerprint();
        }
        show(robot);
        ctrlTabTo(robot, 5);
        robot.type(KeyCode.TAB); // the tab header keeps the keyboard after Ctrl+Tab; Tab goes into the tab
        assertThat(focused().getId()).isEqualTo("exportFileField");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(label("fingerprintLabel")).contains("この端末の指紋");
        audit("exchange opened");

        tabTo(robot, "exportPassphraseField");
        robot.write(PASS).type(KeyCode.TAB).write(PASS).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(label("exchangeErrorLabel")).isEmpty();
        assertThat(label("exchangeMessageLabel")).contains("件の出来事").contains(fixture.records.exchangeFingerprint());
        try (var files = Files.list(fixture.exports)) {
            assertThat(files.filter(f -> f.getFileName().toString().startsWith("shelter-exchange-"))).hasSize(1);
        }
        audit("written");

        tabTo(robot, "importFileField");
        robot.write(other.toString());
        tabTo(robot, "importPassphraseField");
        robot.write(PASS).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(focused().getId()).as("the keyboard on 信頼して読み込む").isEqualTo("trustButton");
        assertThat(label("trustLabel")).contains(otherFingerprint).contains("まだ信頼していない端末");
        assertThat(fixture.records.present("S-01").people()).hasSize(2);
        audit("unknown laptop");

        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(label("exchangeErrorLabel")).isEmpty();
        assertThat(label("exchangeMessageLabel")).contains("新しい出来事").contains(otherFingerprint);
        assertThat(root.lookup("#trustPane").isVisible()).isFalse();
        assertThat(fixture.records.present("S-01").people()).hasSize(3);
        assertThat(fixture.steps.present().rows()).as("the present list was read again")
                .anyMatch(row -> row.contains("佐藤　健"));
        audit("imported");

        // a changed file is refused with the remedy; nothing imported
        byte[] bytes = Files.readAllBytes(other);
        bytes[bytes.length / 3] ^= 1;
        Path changed = Files.write(dir.resolve("changed.mdgsx"), bytes);
        tabTo(robot, "importFileField");
        robot.press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL).write(changed.toString());
        tabTo(robot, "importPassphraseField");
        robot.write(PASS).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(label("exchangeErrorLabel")).contains("変更されています").contains("STORE-014").doesNotContain("Exception");
        assertThat(fixture.records.present("S-01").people()).hasSize(3);
        audit("refused");
    }

    @Test
    void theSafetyAnswerListAsCsvWithBomKeyboardOnly(FxRobot robot) throws Exception {
        show(robot);
        ctrlTabTo(robot, 4);
        robot.type(KeyCode.TAB);
        assertThat(focused().getId()).isEqualTo("staffRadio");
        audit("roster opened");
        robot.type(KeyCode.DOWN);
        if (!"safetyRadio".equals(focused().getId())) {
            tabTo(robot, "safetyRadio");
        }
        robot.type(KeyCode.SPACE);
        tabTo(robot, "csvRadio");
        robot.type(KeyCode.SPACE);
        tabTo(robot, "bomCheck");
        assertThat(fixture.steps.roster().bomProperty().get()).isTrue();
        tabTo(robot, "rosterWriteButton");
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        Path file = fixture.exports.resolve("safety-answers-S-01-2026-11-20.csv");
        assertThat(label("rosterErrorLabel")).isEmpty();
        assertThat(label("rosterMessageLabel")).contains("安否情報の回答用名簿（1 人）").contains(file.toString());
        byte[] bytes = Files.readAllBytes(file);
        assertThat(bytes[0] & 0xff).isEqualTo(0xEF);
        List<List<String>> rows = ShelterRosterViewModelTest.parse(new String(bytes, StandardCharsets.UTF_8)
                .substring(1));
        assertThat(rows.get(0)).isEqualTo(RosterRows.HEADER);
        assertThat(rows).hasSize(2).noneMatch(r -> r.get(0).equals("山田　花子"));
        assertThat(fixture.store.store().orElseThrow().audit().tail(5)).anyMatch(e -> e.action() == AuditAction.EXPORT
                && e.detail().equals("safety-answer roster csv of 1 rows"));
        audit("roster written");
    }
}
