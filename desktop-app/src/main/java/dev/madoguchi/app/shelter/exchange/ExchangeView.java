package dev.madoguchi.app.shelter.exchange;

import dev.madoguchi.app.counter.CounterNodes;
import dev.madoguchi.app.i18n.Messages;
import dev.madoguchi.app.shelter.FileChoice;
import dev.madoguchi.app.shelter.present.FocusScroll;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

/**
 * The 交換 tab (ExchangeView.fxml): 交換ファイルを書き出す (file, the shelter passphrase twice) and
 * 交換ファイルを読み込む (file, passphrase), this laptop's fingerprint, the question about an unknown sending laptop
 * (信頼して読み込む / 読み込まない; the keyboard is put on it), the result and the conflicts. Binds and forwards; the
 * password fields are cleared once their text is handed over.
 */
public final class ExchangeView {

    private final ExchangeViewModel viewModel;

    @FXML private Label fingerprintLabel;
    @FXML private Label exportFileLabel;
    @FXML private TextField exportFileField;
    @FXML private Button exportBrowseButton;
    @FXML private Label exportPassphraseLabel;
    @FXML private PasswordField exportPassphraseField;
    @FXML private Label exportRepeatLabel;
    @FXML private PasswordField exportRepeatField;
    @FXML private Button exchangeExportButton;
    @FXML private Label importFileLabel;
    @FXML private TextField importFileField;
    @FXML private Button importBrowseButton;
    @FXML private Label importPassphraseLabel;
    @FXML private PasswordField importPassphraseField;
    @FXML private Button exchangeImportButton;
    @FXML private VBox trustPane;
    @FXML private Label trustLabel;
    @FXML private Button trustButton;
    @FXML private Button refuseButton;
    @FXML private Label exchangeErrorLabel;
    @FXML private Label exchangeMessageLabel;
    @FXML private Label conflictsLabel;
    @FXML private ListView<String> conflictsList;
    @FXML private VBox exchangeRoot;

    public ExchangeView(ExchangeViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        Messages messages = viewModel.messages();
        exportFileLabel.setLabelFor(exportFileField);
        exportPassphraseLabel.setLabelFor(exportPassphraseField);
        exportRepeatLabel.setLabelFor(exportRepeatField);
        importFileLabel.setLabelFor(importFileField);
        importPassphraseLabel.setLabelFor(importPassphraseField);
        conflictsLabel.setLabelFor(conflictsList);
        exportBrowseButton.setAccessibleText(messages.get("shelter.exchange.exportBrowse"));
        importBrowseButton.setAccessibleText(messages.get("shelter.exchange.importBrowse"));
        fingerprintLabel.textProperty().bind(Bindings.createStringBinding(() -> viewModel.fingerprintProperty().get()
                .isEmpty() ? "" : messages.get("shelter.exchange.ownFingerprint", viewModel.fingerprintProperty().get()),
                viewModel.fingerprintProperty()));
        trustLabel.textProperty().bind(viewModel.trustQuestionProperty());
        trustPane.visibleProperty().bind(viewModel.unknownSenderProperty().isNotNull());
        trustPane.managedProperty().bind(trustPane.visibleProperty());
        CounterNodes.bindText(exchangeErrorLabel, viewModel.errorProperty());
        CounterNodes.bindText(exchangeMessageLabel, viewModel.messageProperty());
        CounterNodes.collapseWhenEmpty(exchangeErrorLabel);
        CounterNodes.collapseWhenEmpty(exchangeMessageLabel);
        conflictsList.setItems(viewModel.conflicts());
        FocusScroll.wrapLines(conflictsList);
        FocusScroll.follow(exchangeRoot);
        conflictsLabel.visibleProperty().bind(Bindings.isNotEmpty(viewModel.conflicts()));
        conflictsLabel.managedProperty().bind(conflictsLabel.visibleProperty());
        conflictsList.visibleProperty().bind(conflictsLabel.visibleProperty());
        conflictsList.managedProperty().bind(conflictsLabel.visibleProperty());
        for (Button b : new Button[] {exchangeExportButton, exchangeImportButton, trustButton, refuseButton}) {
            b.disableProperty().bind(viewModel.busyProperty());
        }
        viewModel.unknownSenderProperty().addListener((obs, was, now) -> {
            if (now != null) {
                trustButton.requestFocus();
            } else if (was != null && trustPane.isFocusWithin()) {
                exchangeImportButton.requestFocus();
            }
        });
    }

    /** The tab is opened: the fingerprint is read, a file name offered, the keyboard put in the first field. */
    public void shown() {
        viewModel.shown();
        if (exportFileField.getText() == null || exportFileField.getText().isBlank()) {
            exportFileField.setText(viewModel.suggestedFile().toString());
        }
        exportFileField.requestFocus();
    }

    @FXML
    private void browseExport() {
        FileChoice.into(exportFileField, true, exportFileLabel.getText(), exportFileLabel.getText(), "*.mdgsx", "*");
    }

    @FXML
    private void browseImport() {
        FileChoice.into(importFileField, false, importFileLabel.getText(), importFileLabel.getText(), "*.mdgsx", "*");
    }

    @FXML
    private void export() {
        char[] passphrase = exportPassphraseField.getText().toCharArray();
        char[] repeated = exportRepeatField.getText().toCharArray();
        exportPassphraseField.clear();
        exportRepeatField.clear();
        viewModel.export(FileChoice.path(exportFileField), passphrase, repeated);
        exportPassphraseField.requestFocus();
    }

    @FXML
    private void importFile() {
        char[] passphrase = importPassphraseField.getText().toCharArray();
        importPassphraseField.clear();
        viewModel.importFile(FileChoice.path(importFileField), passphrase);
        if (viewModel.unknownSenderProperty().get() == null) {
            importPassphraseField.requestFocus();
        }
    }

    @FXML private void trust() { viewModel.trustAndImport(); }
    @FXML private void refuse() { viewModel.refuseUnknown(); }
}
