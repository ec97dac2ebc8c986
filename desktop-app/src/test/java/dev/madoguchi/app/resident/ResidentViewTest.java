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

    @Start
    void start(Stage stage) throws IOException {
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
}
