package dev.madoguchi.app.lock;

import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.VBox;

/** The lock screen over the main window: nothing but the unlock field. Binds to {@link LockViewModel}. */
public final class LockView {

    private final LockViewModel viewModel;

    @FXML private VBox lockRoot;
    @FXML private Label lockMessage;
    @FXML private Label passphraseLabel;
    @FXML private PasswordField passphraseField;
    @FXML private Button unlockButton;

    public LockView(LockViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        lockRoot.visibleProperty().bind(viewModel.lockedProperty());
        lockMessage.textProperty().bind(viewModel.messageProperty());
        lockMessage.accessibleTextProperty().bind(viewModel.messageProperty());
        passphraseLabel.setLabelFor(passphraseField);
        passphraseField.textProperty().bindBidirectional(viewModel.passphraseProperty());
        unlockButton.disableProperty().bind(viewModel.busyProperty());
        viewModel.lockedProperty().addListener((obs, was, now) -> {
            if (now) {
                passphraseField.requestFocus();
            }
        });
    }

    @FXML
    private void unlock() {
        viewModel.unlock();
    }
}
