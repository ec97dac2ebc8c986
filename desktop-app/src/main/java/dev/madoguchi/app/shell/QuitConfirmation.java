package dev.madoguchi.app.shell;

import java.util.ResourceBundle;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/**
 * Asks before quitting while a visit is in progress. "受付に戻る" is the default (Enter, Escape), so a key pressed by
 * mistake never ends a visit; "終了する" is one Tab away.
 */
final class QuitConfirmation {

    private QuitConfirmation() {}

    /**
     * Shows the question over {@code owner} and waits; true when the clerk chose to quit.
     *
     * @param textSize the main window's text size (its root's style), which the question follows
     */
    static boolean ask(Window owner, ResourceBundle texts, ObservableValue<String> textSize) {
        ButtonType quit = new ButtonType(texts.getString("menu.quit.confirm"), ButtonBar.ButtonData.OK_DONE);
        ButtonType stay = new ButtonType(texts.getString("menu.quit.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, texts.getString("menu.quit.content"), stay, quit);
        alert.initOwner(owner);
        alert.setTitle(texts.getString("menu.quit.title"));
        alert.setHeaderText(texts.getString("menu.quit.header"));
        alert.getDialogPane().setId("quitConfirmation");
        Button quitButton = (Button) alert.getDialogPane().lookupButton(quit);
        quitButton.setId("quitConfirm");
        quitButton.setDefaultButton(false);
        quitButton.setAccessibleText(texts.getString("menu.quit.confirm"));
        Button stayButton = (Button) alert.getDialogPane().lookupButton(stay);
        stayButton.setId("quitCancel");
        stayButton.setDefaultButton(true);
        stayButton.setAccessibleText(texts.getString("menu.quit.cancel"));
        alert.getDialogPane().styleProperty().bind(textSize);
        stayButton.requestFocus();
        return alert.showAndWait().filter(quit::equals).isPresent();
    }
}
