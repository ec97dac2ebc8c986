package dev.madoguchi.app.resident;

import static org.assertj.core.api.Assertions.assertThat;

import dev.madoguchi.app.counter.CounterTestAccess;
import dev.madoguchi.app.counter.VisitStep;
import dev.madoguchi.app.shell.AccessibilityAudit;
import dev.madoguchi.demo.Resident;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
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

/** The resident screen, headless: large type, named controls, a PIN pad usable by keyboard. */
@ExtendWith(ApplicationExtension.class)
class ResidentViewTest {

    @TempDir
    static Path dir;

    private CounterTestAccess counter;
    private ResidentViewModel viewModel;
    private Parent root;
    private Stage stage;

    @Start
    void start(Stage stage) throws IOException {
        this.stage = stage;
        counter = new CounterTestAccess(Files.createTempDirectory(dir, "resident"));
        viewModel = new ResidentViewModel(counter.viewModel());
        FXMLLoader loader = new FXMLLoader(ResidentView.class.getResource("ResidentView.fxml"));
        loader.setControllerFactory(type -> new ResidentView(viewModel));
        root = loader.load();
        root.getStylesheets().add(Objects.requireNonNull(ResidentView.class.getResource("resident-screen.css")).toExternalForm());
        stage.setScene(new Scene(root, 900, 700));
        stage.show();
    }

    @AfterEach
    void stop() {
        counter.close();
    }

    @Test
    void thePinPadShowsTheTriesLeftFirstAndWorksFromTheKeyboard(FxRobot robot) {
        Label headline = robot.lookup("#headline").queryAs(Label.class);
        assertThat(headline.getText()).startsWith("ようこそ");
        assertThat(headline.getFont().getSize()).as("large type").isGreaterThanOrEqualTo(40);
        assertThat(robot.lookup("#headlineRuby").queryAs(Label.class).getText()).isNotEmpty();

        Resident r = counter.holderWithSubstituteName();
        robot.interact(() -> counter.putCard(r));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#detail").queryAs(Label.class).getText()).contains("あと 3 回");
        assertThat(AccessibilityAudit.unnamedFocusableNodes(root)).isEmpty();
        assertThat(AccessibilityAudit.clippedLabels(root)).isEmpty();

        String wrong = r.card().textPin().equals("0000") ? "1111" : "0000";
        for (char c : wrong.toCharArray()) {
            robot.interact(() -> robot.lookup("#resident-pin-" + c).query().requestFocus());
            robot.type(KeyCode.SPACE);
        }
        assertThat(robot.lookup("#pinDots").queryAs(Label.class).getText()).isEqualTo("●●●●");
        robot.interact(() -> robot.lookup("#resident-pin-enter").query().requestFocus());
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#detail").queryAs(Label.class).getText()).isEqualTo("暗証番号が違います。あと 2 回です");

        robot.interact(() -> robot.lookup("#resident-language-en").query().requestFocus());
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#detail").queryAs(Label.class).getText()).isEqualTo("Wrong PIN. 2 tries left");
        assertThat(counter.viewModel().stepProperty().get()).isEqualTo(VisitStep.PIN_ENTRY);
    }

    @Test
    void theNumberKeysBackspaceAndEnterWorkThePadFromTheTopRowAndTheNumpad(FxRobot robot) {
        Resident r = counter.holderWithSubstituteName();
        robot.interact(() -> counter.putCard(r));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> robot.lookup("#resident-language-ja").query().requestFocus());
        Label dots = robot.lookup("#pinDots").queryAs(Label.class);
        robot.type(KeyCode.DIGIT1, KeyCode.NUMPAD2);
        assertThat(dots.getText()).isEqualTo("●●○○");
        robot.type(KeyCode.BACK_SPACE);
        assertThat(dots.getText()).isEqualTo("●○○○");
        assertThat(counter.viewModel().pinProperty().get()).isEqualTo("1");
        robot.type(KeyCode.BACK_SPACE);
        String wrong = r.card().textPin().equals("0000") ? "1111" : "0000";
        for (char c : wrong.toCharArray()) {
            robot.type(c == '0' ? KeyCode.NUMPAD0 : KeyCode.DIGIT1);
        }
        assertThat(dots.getText()).isEqualTo("●●●●");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#detail").queryAs(Label.class).getText()).isEqualTo("暗証番号が違います。あと 2 回です");
        assertThat(ResidentView.digitOf(KeyCode.DIGIT9)).isEqualTo(9);
        assertThat(ResidentView.digitOf(KeyCode.NUMPAD7)).isEqualTo(7);
        assertThat(ResidentView.digitOf(KeyCode.A)).isEqualTo(-1);
    }

    @Test
    void theArrowKeysChooseTheLanguageThatIsShownSelected(FxRobot robot) {
        robot.interact(() -> robot.lookup("#resident-language-ja").query().requestFocus());
        robot.type(KeyCode.RIGHT);
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.ToggleButton easy = robot.lookup("#resident-language-ja-easy")
                .queryAs(javafx.scene.control.ToggleButton.class);
        assertThat(easy.isSelected()).as("the arrow moved the selection").isTrue();
        assertThat(viewModel.languageProperty().get()).isEqualTo(ResidentLanguage.EASY_JAPANESE);
        assertThat(robot.lookup("#headline").queryAs(Label.class).getText()).contains("ここに");

        robot.interact(() -> easy.requestFocus());
        robot.type(KeyCode.SPACE); // Space on the chosen language keeps it chosen
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(easy.isSelected()).isTrue();
        assertThat(viewModel.languageProperty().get()).isEqualTo(ResidentLanguage.EASY_JAPANESE);

        robot.type(KeyCode.RIGHT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(viewModel.languageProperty().get()).isEqualTo(ResidentLanguage.ENGLISH);
        assertThat(robot.lookup("#resident-language-en").queryAs(javafx.scene.control.ToggleButton.class).isSelected())
                .isTrue();
        assertThat(robot.lookup("#headline").queryAs(Label.class).getText()).startsWith("Welcome");
    }

    @Test
    void thePadsBottomRowStaysInsideASmallWindowAt200Percent(FxRobot robot) {
        Resident r = counter.holderWithSubstituteName();
        robot.interact(() -> {
            stage.setWidth(640);
            stage.setHeight(480);
            viewModel.textSizePercentProperty().set(200);
            counter.putCard(r);
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> root.layout());
        for (String id : new String[] {"#resident-pin-clear", "#resident-pin-0", "#resident-pin-enter", "#headline"}) {
            javafx.scene.Node key = robot.lookup(id).query();
            javafx.geometry.Bounds inScene = key.localToScene(key.getBoundsInLocal());
            assertThat(inScene.getMaxY()).as(id + " bottom").isLessThanOrEqualTo(root.getScene().getHeight() + 0.5);
            assertThat(inScene.getMaxX()).as(id + " right").isLessThanOrEqualTo(root.getScene().getWidth() + 0.5);
            assertThat(inScene.getMinY()).as(id + " top").isGreaterThanOrEqualTo(0);
        }
        double small = robot.lookup("#headline").queryAs(Label.class).getFont().getSize();
        assertThat(small).as("shrunk to fit").isLessThan(28 * 2 * 1.6);
        // a larger window gets a larger size
        robot.interact(() -> {
            stage.setWidth(1200);
            stage.setHeight(760);
            viewModel.textSizePercentProperty().set(125);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#headline").queryAs(Label.class).getFont().getSize()).isGreaterThan(small);
    }
}
