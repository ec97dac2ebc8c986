package dev.madoguchi.app.report;

import dev.madoguchi.app.i18n.Messages;
import dev.madoguchi.app.task.TaskRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Objects;
import javafx.fxml.FXMLLoader;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Opens the handling-time screen in its own window over the main window: one at a time, a second call brings it
 * forward. It reads the figures as it opens, and takes the main window's text size.
 */
public final class HandlingTimesWindow {

    private final TaskRunner tasks;
    private final HandlingTimesService service;
    private final Clock clock;
    private Stage stage;

    /** @param clock today and the time zone the report's days are counted in (the system's) */
    public HandlingTimesWindow(TaskRunner tasks, HandlingTimesService service, Clock clock) {
        this.tasks = tasks;
        this.service = service;
        this.clock = clock;
    }

    /** Shows the screen over {@code owner} in the language of {@code messages}. Call on the JavaFX thread. */
    public void show(Messages messages, Window owner) {
        if (stage != null && stage.isShowing()) {
            stage.toFront();
            stage.requestFocus();
            return;
        }
        HandlingTimesViewModel viewModel = new HandlingTimesViewModel(messages, tasks, service, clock);
        FXMLLoader loader = new FXMLLoader(HandlingTimesView.class.getResource("HandlingTimesView.fxml"),
                messages.bundle());
        loader.setControllerFactory(type -> {
            if (type == HandlingTimesView.class) {
                return new HandlingTimesView(viewModel);
            }
            throw new IllegalStateException("no controller wired for " + type.getName());
        });
        Parent root;
        try {
            root = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the handling-time screen", e);
        }
        root.getStylesheets().add(Objects.requireNonNull(
                HandlingTimesWindow.class.getResource("/dev/madoguchi/app/madoguchi.css")).toExternalForm());
        if (owner != null && owner.getScene() != null) {
            // the main window's text size is set on its #root, which sits under the lock screen's pane
            Node main = owner.getScene().getRoot().lookup("#root");
            root.styleProperty().bind((main != null ? main : owner.getScene().getRoot()).styleProperty());
        }
        stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle(messages.get("report.title"));
        stage.setScene(new Scene(root, 900, 600));
        stage.show();
        viewModel.refresh();
    }
}
