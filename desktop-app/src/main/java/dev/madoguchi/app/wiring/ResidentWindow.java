package dev.madoguchi.app.wiring;

import javafx.beans.value.ObservableIntegerValue;
import dev.madoguchi.app.counter.screen.CounterSteps;
import dev.madoguchi.app.resident.ResidentView;
import dev.madoguchi.app.resident.ResidentViewModel;
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

    /** Shows (or refills) the window for this counter's visit, its text scaled with the clerk's. */
    public void show(CounterSteps visit, ObservableIntegerValue clerkTextSize) {
        ResidentViewModel viewModel = new ResidentViewModel(visit);
        viewModel.textSizePercentProperty().bind(clerkTextSize); // the clerk's text size scales the resident screen
        if (resident != null) {
            viewModel.languageProperty().set(resident.languageProperty().get());
        }
        Parent root = load(viewModel);
        resident = viewModel;
        if (stage == null) {
            stage = new Stage();
            stage.setTitle("窓口 / Madoguchi");
            var screens = Screen.getScreens();
            Rectangle2D area = (screens.size() > 1 ? screens.get(1) : Screen.getPrimary()).getVisualBounds();
            stage.setScene(new Scene(root, Math.min(900, area.getWidth()), Math.min(700, area.getHeight())));
            stage.setX(area.getMinX() + (screens.size() > 1 ? 0 : Math.max(0, area.getWidth() - 900)));
            stage.setY(area.getMinY());
            stage.show();
        } else {
            stage.getScene().setRoot(root);
        }
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
}
