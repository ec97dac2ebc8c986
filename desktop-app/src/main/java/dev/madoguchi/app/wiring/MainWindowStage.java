package dev.madoguchi.app.wiring;

import dev.madoguchi.app.shell.WindowPlacement;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * The main window's lifecycle: its first showing (placed by {@link WindowPlacement}: maximised on the first start,
 * then where and as large as the clerk left it),
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
    private final WindowPlacement placement;

    public MainWindowStage(Stage stage, Content content, WindowPlacement placement) {
        this.stage = stage;
        this.content = content;
        this.placement = placement;
    }

    /** Builds the main window into the stage and shows it. Call on the JavaFX thread. */
    public void show() {
        stage.titleProperty().unbind();
        placement.showMain(stage, content.build(false)); // maximised at first, then as the clerk left it
    }

    /**
     * Makes the content again (another language). {@code keepMode} runs after, so that the mode shown is restored.
     */
    public void rebuild(Runnable keepMode) {
        stage.getScene().setRoot(content.build(true));
        keepMode.run();
    }
}
