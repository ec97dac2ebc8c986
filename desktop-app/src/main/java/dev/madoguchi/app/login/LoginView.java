package dev.madoguchi.app.login;

import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;

/** The sign-in screen's controller: binds to {@link LoginViewModel} and forwards the button. */
public final class LoginView {

    private final LoginViewModel viewModel;

    @FXML private Label clerkIdLabel;
    @FXML private Label passphraseLabel;
    @FXML private TextField clerkIdField;
    @FXML private PasswordField passphraseField;
    @FXML private Button signInButton;
    @FXML private Label demoBanner;
    @FXML private Label demoHint;
    @FXML private Label message;
    @FXML private Label setUpHint;
    @FXML private Button setUpButton;

    public LoginView(LoginViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        clerkIdLabel.setLabelFor(clerkIdField);
        passphraseLabel.setLabelFor(passphraseField);
        clerkIdField.textProperty().bindBidirectional(viewModel.clerkIdProperty());
        passphraseField.textProperty().bindBidirectional(viewModel.passphraseProperty());
        demoHint.textProperty().bind(viewModel.demoHintProperty());
        demoHint.visibleProperty().bind(viewModel.demoHintProperty().isNotEmpty());
        demoHint.managedProperty().bind(demoHint.visibleProperty());
        demoBanner.visibleProperty().bind(demoHint.visibleProperty()); // demo data is always marked
        demoBanner.managedProperty().bind(demoHint.visibleProperty());
        message.textProperty().bind(viewModel.messageProperty());
        signInButton.disableProperty().bind(viewModel.busyProperty());
        // この端末を設定する: only on a computer never set up (docs/adr/0031)
        setUpButton.visibleProperty().bind(viewModel.setUpOfferedProperty());
        setUpButton.managedProperty().bind(setUpButton.visibleProperty());
        setUpButton.disableProperty().bind(viewModel.busyProperty());
        setUpHint.visibleProperty().bind(setUpButton.visibleProperty());
        setUpHint.managedProperty().bind(setUpButton.visibleProperty());
    }

    @FXML
    private void setUp() {
        viewModel.setUpThisTerminal();
    }

    @FXML
    private void signIn() {
        viewModel.signIn();
    }
}
