package dev.madoguchi.app.wiring;

import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * The main window's lifecycle: its first showing, fitted to the screen it is on (a counter laptop may have 1366×768),
 * and its content made again in place when the clerk switches the language (the running visit goes on from its
 * draft, the mode shown stays).
 */
public final class MainWindowStage {

    /** Makes the main window's content; {@code rebuilt} is true when it replaces a content (a language switch). */
    @FunctionalInterface
    public interface Content {
        Parent build(boolean rebuilt);
    }

    private final Stage stage;
    private final Content content;

    public MainWindowStage(Stage stage, Content content) {
        this.stage = stage;
        this.content = content;
    }

    /** Builds the main window into the stage and shows it. Call on the JavaFX thread. */
    public void show() {
        stage.titleProperty().unbind();
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        stage.setScene(new Scene(content.build(false), Math.min(1100, screen.getWidth()),
                Math.min(720, screen.getHeight())));
        stage.setMinWidth(Math.min(720, screen.getWidth()));
        stage.setMinHeight(Math.min(480, screen.getHeight()));
        stage.sizeToScene();
        stage.centerOnScreen();
        stage.show();
    }

    /**
     * Makes the content again (another language). {@code keepMode} runs after, so that the mode shown is restored.
     */
    public void rebuild(Runnable keepMode) {
        stage.getScene().setRoot(content.build(true));
        keepMode.run();
    }
}
