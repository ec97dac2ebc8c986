package dev.madoguchi.app.setup;

import dev.madoguchi.app.scroll.UncachedViewport;
import dev.madoguchi.app.setup.SetupWizardViewModel.Page;
import java.io.File;
import java.util.Map;
import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.Duration;

/** The setup assistant's controller: binds each page to its step's view model and forwards the buttons. */
public final class SetupWizardView {

    private final SetupWizardViewModel viewModel;

    @FXML private ScrollPane pageScroll;
    @FXML private java.util.ResourceBundle resources;

    @FXML private Label heading;
    @FXML private Label later;
    @FXML private VBox municipalityPage;
    @FXML private VBox administratorPage;
    @FXML private VBox registerPage;
    @FXML private VBox backendPage;
    @FXML private VBox printerPage;
    @FXML private VBox cardPage;
    @FXML private VBox foldersPage;
    @FXML private VBox summaryPage;
    @FXML private Label municipalityNameLabel;
    @FXML private TextField municipalityName;
    @FXML private Label municipalityCodeLabel;
    @FXML private TextField municipalityCode;
    @FXML private Label municipalityMessage;
    @FXML private Label adminIdLabel;
    @FXML private TextField adminId;
    @FXML private Label adminNameLabel;
    @FXML private TextField adminName;
    @FXML private Label passphraseLabel;
    @FXML private PasswordField passphrase;
    @FXML private Label strength;
    @FXML private Label repeatLabel;
    @FXML private PasswordField repeat;
    @FXML private Label administratorMessage;
    @FXML private Label registerFileLabel;
    @FXML private TextField registerFile;
    @FXML private Button registerBrowse;
    @FXML private ProgressBar registerProgress;
    @FXML private Label registerProgressText;
    @FXML private Label registerMessage;
    @FXML private Label backendUrlLabel;
    @FXML private TextField backendUrl;
    @FXML private Label tokenFileLabel;
    @FXML private TextField tokenFile;
    @FXML private Label trustStoreLabel;
    @FXML private TextField trustStore;
    @FXML private Label trustPasswordLabel;
    @FXML private PasswordField trustPassword;
    @FXML private Button backendTest;
    @FXML private Label backendMessage;
    @FXML private Label printerLabel;
    @FXML private ComboBox<String> printer;
    @FXML private Button printerRefresh;
    @FXML private Button printerTest;
    @FXML private Label printerMessage;
    @FXML private Button cardTest;
    @FXML private Label cardMessage;
    @FXML private Label formsFolderLabel;
    @FXML private TextField formsFolder;
    @FXML private Label shelterFileLabel;
    @FXML private TextField shelterFile;
    @FXML private Label foldersMessage;
    @FXML private Label summary;
    @FXML private Label finishMessage;
    @FXML private Button backButton;
    @FXML private Button skipButton;
    @FXML private Button nextButton;

    public SetupWizardView(SetupWizardViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        UncachedViewport.keep(pageScroll); // no offscreen image of the viewport (UncachedViewport)
        SetupWizardViewModel.Steps steps = viewModel.steps();
        heading.textProperty().bind(viewModel.headingProperty());
        later.textProperty().bind(viewModel.laterProperty());
        Map<Page, VBox> pages = Map.of(Page.MUNICIPALITY, municipalityPage, Page.ADMINISTRATOR, administratorPage,
                Page.REGISTER, registerPage, Page.BACKEND, backendPage, Page.PRINTER, printerPage, Page.CARD_READER,
                cardPage, Page.FOLDERS, foldersPage, Page.SUMMARY, summaryPage);
        pages.forEach((page, pane) -> {
            pane.visibleProperty().bind(viewModel.pageProperty().isEqualTo(page));
            pane.managedProperty().bind(pane.visibleProperty());
        });
        viewModel.pageProperty().addListener((obs, was, now) -> focusFirst(pages.get(now)));
        label(municipalityNameLabel, municipalityName);
        label(municipalityCodeLabel, municipalityCode);
        municipalityName.textProperty().bindBidirectional(steps.municipality().nameProperty());
        municipalityCode.textProperty().bindBidirectional(steps.municipality().codeProperty());
        message(municipalityMessage, steps.municipality());
        label(adminIdLabel, adminId);
        label(adminNameLabel, adminName);
        label(passphraseLabel, passphrase);
        label(repeatLabel, repeat);
        adminId.textProperty().bindBidirectional(steps.administrator().idProperty());
        adminName.textProperty().bindBidirectional(steps.administrator().nameProperty());
        passphrase.textProperty().bindBidirectional(steps.administrator().passphraseProperty());
        repeat.textProperty().bindBidirectional(steps.administrator().repeatProperty());
        strength.textProperty().bind(steps.administrator().strengthTextProperty());
        strength.styleProperty().bind(Bindings.createStringBinding(() -> "-fx-font-weight: bold; -fx-text-fill: "
                + switch (steps.administrator().strengthProperty().get()) {
                    case WEAK -> "#b00020;";
                    case FAIR -> "#7a5200;";
                    case STRONG -> "#1b5e20;";
                }, steps.administrator().strengthProperty()));
        message(administratorMessage, steps.administrator());
        label(registerFileLabel, registerFile);
        registerFile.textProperty().bindBidirectional(steps.register().fileProperty());
        registerProgress.progressProperty().bind(steps.register().progressProperty());
        registerProgressText.textProperty().bind(steps.register().progressTextProperty());
        message(registerMessage, steps.register());
        label(backendUrlLabel, backendUrl);
        label(tokenFileLabel, tokenFile);
        label(trustStoreLabel, trustStore);
        label(trustPasswordLabel, trustPassword);
        backendUrl.textProperty().bindBidirectional(steps.backend().urlProperty());
        tokenFile.textProperty().bindBidirectional(steps.backend().tokenFileProperty());
        trustStore.textProperty().bindBidirectional(steps.backend().trustStoreProperty());
        trustPassword.textProperty().bindBidirectional(steps.backend().trustStorePasswordProperty());
        backendTest.disableProperty().bind(steps.backend().busyProperty());
        message(backendMessage, steps.backend());
        label(printerLabel, printer);
        printer.setItems(steps.printer().printers());
        printer.valueProperty().bindBidirectional(steps.printer().chosenProperty());
        printerTest.disableProperty().bind(steps.printer().busyProperty());
        printerRefresh.disableProperty().bind(steps.printer().busyProperty());
        message(printerMessage, steps.printer());
        cardTest.disableProperty().bind(steps.cardReader().busyProperty());
        message(cardMessage, steps.cardReader());
        label(formsFolderLabel, formsFolder);
        label(shelterFileLabel, shelterFile);
        formsFolder.textProperty().bindBidirectional(steps.folders().formsFolderProperty());
        shelterFile.textProperty().bindBidirectional(steps.folders().shelterFileProperty());
        message(foldersMessage, steps.folders());
        summary.textProperty().bind(viewModel.summaryProperty());
        finishMessage.textProperty().bind(viewModel.finishMessageProperty());
        backButton.disableProperty().bind(viewModel.canGoBackProperty().not().or(viewModel.busyProperty()));
        skipButton.disableProperty().bind(viewModel.canSkipProperty().not().or(viewModel.busyProperty()));
        nextButton.disableProperty().bind(viewModel.busyProperty());
        nextButton.textProperty().bind(Bindings.when(viewModel.pageProperty().isEqualTo(Page.SUMMARY))
                .then(resources.getString("setup.finish")).otherwise(resources.getString("setup.next")));
        municipalityPage.sceneProperty().addListener((obs, was, now) -> focusFirst(municipalityPage));
    }

    private static void label(Label label, Control field) {
        label.setLabelFor(field);
        field.setAccessibleText(label.getText());
    }

    /** A step's line: a failure is marked by a sign and bold red text (not by colour alone). */
    private static void message(Label label, WizardStep step) {
        label.textProperty().bind(Bindings.when(step.failedProperty()).then(Bindings.concat("⚠ ",
                step.messageProperty())).otherwise(step.messageProperty()));
        label.styleProperty().bind(Bindings.when(step.failedProperty())
                .then("-fx-text-fill: #b00020; -fx-font-weight: bold;").otherwise("-fx-text-fill: #1b5e20;"));
    }

    /**
     * The page's first field gets the focus, so the keyboard goes on where the eyes are — after the next pulse, when
     * the scene has moved the focus away from the page that was hidden (a timeline: no thread switch).
     */
    private void focusFirst(VBox page) {
        PauseTransition later = new PauseTransition(Duration.millis(1));
        later.setOnFinished(e -> page.getChildren().stream().filter(Node::isFocusTraversable).findFirst()
                .orElse(nextButton).requestFocus()); // a page of text only (the summary): on to 設定を終えて開始
        later.play();
    }

    @FXML
    private void next() {
        viewModel.next();
    }

    @FXML
    private void skip() {
        viewModel.skip();
    }

    @FXML
    private void back() {
        viewModel.back();
    }

    @FXML
    private void browseRegister() {
        FileChooser chooser = new FileChooser();
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV / JSON Lines", "*.csv", "*.jsonl",
                "*.ndjson"));
        File chosen = chooser.showOpenDialog(registerBrowse.getScene().getWindow());
        if (chosen != null) {
            registerFile.setText(chosen.getAbsolutePath());
        }
    }

    @FXML
    private void testBackend() {
        viewModel.steps().backend().test(() -> { });
    }

    @FXML
    private void refreshPrinters() {
        viewModel.steps().printer().refresh();
    }

    @FXML
    private void testPage() {
        viewModel.steps().printer().testPage();
    }

    @FXML
    private void testCard() {
        viewModel.steps().cardReader().testRead();
    }
}
