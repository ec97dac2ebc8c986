package dev.madoguchi.app.wiring;

import javafx.beans.value.ObservableIntegerValue;
import dev.madoguchi.app.counter.screen.CounterSteps;
import dev.madoguchi.app.resident.ResidentView;
import dev.madoguchi.app.shelter.resident.ShelterResidentView;
import dev.madoguchi.app.shelter.resident.ShelterResidentViewModel;
import dev.madoguchi.app.shelter.screen.ShelterSteps;
import dev.madoguchi.app.resident.ResidentViewModel;
import dev.madoguchi.app.resident.VolunteerResidentView;
import dev.madoguchi.app.resident.VolunteerResidentViewModel;
import dev.madoguchi.app.volunteer.screen.VolunteerSteps;
import dev.madoguchi.app.task.TaskRunner;
import java.util.Objects;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * The second window, turned towards the resident: on the second monitor when there is one, else beside the main
 * window. It shows only the resident's part of the visit (never a clerk screen). Its content is made again with the
 * main window; the resident's language is kept.
 */
public final class ResidentWindow {

    private Stage stage;
    private ResidentViewModel resident;
    private ShelterResidentViewModel shelterResident;
    private VolunteerResidentViewModel volunteerResident;

    /** Shows (or refills) the window for this counter's visit, its text scaled with the clerk's. */
    public void show(CounterSteps visit, ObservableIntegerValue clerkTextSize) {
        ResidentViewModel viewModel = new ResidentViewModel(visit);
        viewModel.textSizePercentProperty().bind(clerkTextSize); // the clerk's text size scales the resident screen
        if (resident != null) {
            viewModel.languageProperty().set(resident.languageProperty().get());
        }
        Parent root = load(viewModel);
        resident = viewModel;
        place(root);
    }

    /**
     * Shows (or refills) the window for the volunteer mode's check-up: its results and advice in large type, the
     * resident's own PIN pad for the self-test. The language starts in Japanese for every resident.
     */
    public void showVolunteer(VolunteerSteps steps, ObservableIntegerValue clerkTextSize) {
        VolunteerResidentViewModel viewModel = new VolunteerResidentViewModel(steps);
        viewModel.textSizePercentProperty().bind(clerkTextSize);
        Parent root = new ViewLoader(null).with(VolunteerResidentView.class, () -> new VolunteerResidentView(viewModel))
                .load(VolunteerResidentView.class);
        root.getStylesheets().add(Objects.requireNonNull(ResidentView.class.getResource("resident-screen.css"))
                .toExternalForm());
        volunteerResident = viewModel;
        place(root);
    }

    private void place(Parent root) {
        if (stage == null) {
            show(root);
        } else {
            stage.getScene().setRoot(root);
        }
    }

    /**
     * Shows the shelter desk's resident screen instead (the shelter mode is shown): welcome, PIN pad, what was
     * recorded. The counter's screen comes back with {@link #show} when the counter mode is shown again.
     */
    public void showShelter(ShelterSteps desk, ObservableIntegerValue clerkTextSize) {
        ShelterResidentViewModel viewModel = new ShelterResidentViewModel(desk);
        if (resident != null) {
            viewModel.languageProperty().set(resident.languageProperty().get());
        }
        Parent root = new ViewLoader(null).with(ShelterResidentView.class, () -> new ShelterResidentView(viewModel))
                .load(ShelterResidentView.class);
        root.getStylesheets().add(Objects.requireNonNull(ResidentView.class.getResource("resident-screen.css"))
                .toExternalForm());
        root.styleProperty().bind(javafx.beans.binding.Bindings.format(java.util.Locale.ROOT,
                "-fx-font-size: %.1fpx;", javafx.beans.binding.Bindings.multiply(clerkTextSize, 0.28))); // 28 px at the clerk's 100 %
        shelterResident = viewModel;
        if (stage == null) {
            show(root);
        } else {
            stage.getScene().setRoot(root);
        }
    }

    private void show(Parent root) {
        stage = new Stage();
        stage.setTitle("窓口 / Madoguchi");
        var screens = Screen.getScreens();
        Rectangle2D area = (screens.size() > 1 ? screens.get(1) : Screen.getPrimary()).getVisualBounds();
        stage.setScene(new Scene(root, Math.min(900, area.getWidth()), Math.min(700, area.getHeight())));
        stage.setX(area.getMinX() + (screens.size() > 1 ? 0 : Math.max(0, area.getWidth() - 900)));
        stage.setY(area.getMinY());
        stage.show();
    }

    /** The shelter desk's resident screen, when it was shown last (for tests and screenshots). */
    public ShelterResidentViewModel shelterViewModel() {
        return shelterResident;
    }

    private static Parent load(ResidentViewModel viewModel) {
        Parent root = new ViewLoader(null).with(ResidentView.class, () -> new ResidentView(viewModel))
                .load(ResidentView.class);
        root.getStylesheets().add(Objects.requireNonNull(ResidentView.class.getResource("resident-screen.css"))
                .toExternalForm());
        return root;
    }

    /**
     * Makes a resident screen once, off screen, styles and lays it out, and drops it: its classes, CSS and fonts are
     * ready when the real one is shown ({@link SignInWarmUp}).
     */
    public static void warmUp(CounterSteps visit) {
        Parent root = load(new ResidentViewModel(visit));
        new Scene(root, 900, 700);
        root.applyCss();
        root.layout();
    }

    /** Hides the window on the UI thread. */
    public void close(TaskRunner tasks) {
        if (stage != null) {
            Stage second = stage;
            tasks.onUi(second::hide);
        }
    }

    public Stage stage() {
        return stage;
    }

    public ResidentViewModel viewModel() {
        return resident;
    }

    /** The volunteer mode's resident view model, once shown (for tests and screenshots). */
    public VolunteerResidentViewModel volunteerViewModel() {
        return volunteerResident;
    }
}
