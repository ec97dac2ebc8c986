package dev.madoguchi.app.volunteer.screen;

import dev.madoguchi.app.scroll.UncachedViewport;
import dev.madoguchi.app.volunteer.CheckUpSession;
import dev.madoguchi.app.volunteer.CheckUpStep;
import dev.madoguchi.app.volunteer.VolunteerNodes;
import dev.madoguchi.app.volunteer.result.ResultView;
import dev.madoguchi.app.volunteer.sheet.SheetView;
import dev.madoguchi.app.volunteer.welcome.WelcomeView;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

/**
 * The volunteer's screen (VolunteerView.fxml): the session's error, the welcome or the result, the self-test in words,
 * 読み上げ (Ctrl+R), 印刷 (Ctrl+P) and 終了 (Ctrl+E), the sheet's preview. After each change of step the focus goes to
 * the step's first control; any key or mouse press counts as activity for the idle time. No I/O, no decisions.
 */
public final class VolunteerView {

    static final KeyCombination READ_ALOUD = new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination PRINT = new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination FINISH = new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN);

    private final VolunteerSteps steps;
    private final CheckUpSession session;

    @FXML private ScrollPane volunteerScroll;
    @FXML private VBox volunteerView;
    @FXML private Label errorLabel;
    @FXML private WelcomeView welcomeController;
    @FXML private ResultView resultController;
    @FXML private SheetView sheetController;
    @FXML private Label selfTestLabel;
    @FXML private FlowPane resultButtons;
    @FXML private Button readAloudButton;
    @FXML private Button printButton;
    @FXML private Button finishButton;

    public VolunteerView(VolunteerSteps steps) {
        this.steps = steps;
        this.session = steps.session();
    }

    @FXML
    private void initialize() {
        UncachedViewport.keep(volunteerScroll); // no offscreen image of the viewport (UncachedViewport)
        VolunteerNodes.bindText(errorLabel, session.errorProperty());
        VolunteerNodes.bindText(selfTestLabel, steps.selfTest().volunteerNoteProperty());
        VolunteerNodes.showWhen(resultButtons, session.stepProperty().isEqualTo(CheckUpStep.RESULT));
        readAloudButton.setVisible(steps.result().canReadAloud());
        readAloudButton.setManaged(steps.result().canReadAloud());
        printButton.setVisible(steps.sheet().available());
        printButton.setManaged(steps.sheet().available());
        printButton.disableProperty().bind(session.busyProperty());
        volunteerView.addEventFilter(KeyEvent.KEY_PRESSED, e -> session.activity());
        volunteerView.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> session.activity());
        volunteerView.sceneProperty().addListener((obs, was, now) -> shortcuts(now));
        session.stepProperty().addListener((obs, was, now) -> focus(now));
        steps.sheet().previewShownProperty().addListener((obs, was, now) -> focus(session.stepProperty().get()));
    }

    private void shortcuts(Scene scene) {
        if (scene != null) {
            scene.getAccelerators().put(READ_ALOUD, this::readAloud);
            scene.getAccelerators().put(PRINT, this::print);
            scene.getAccelerators().put(FINISH, this::finish);
        }
    }

    /** The step's first control takes the focus. */
    private void focus(CheckUpStep step) {
        Node target = focusTarget(step);
        if (target != null && !target.isDisabled()) {
            target.requestFocus();
        }
    }

    /** Where the keyboard starts at this step. */
    public Node focusTarget(CheckUpStep step) {
        Node sheet = sheetController.focusTarget();
        if (sheet != null) {
            return sheet;
        }
        if (step == CheckUpStep.RESULT) {
            return readAloudButton.isVisible() ? readAloudButton : finishButton;
        }
        return welcomeController.focusTarget(step);
    }

    private boolean shown() {
        return volunteerView.isVisible() && volunteerView.getParent() != null && volunteerView.getParent().isVisible();
    }

    @FXML
    private void readAloud() {
        if (shown()) {
            steps.result().readAloud();
        }
    }

    @FXML
    private void print() {
        if (shown()) {
            steps.sheet().preview();
        }
    }

    @FXML
    private void finish() {
        if (shown() && session.stepProperty().get() == CheckUpStep.RESULT) {
            steps.result().finish();
        }
    }
}
