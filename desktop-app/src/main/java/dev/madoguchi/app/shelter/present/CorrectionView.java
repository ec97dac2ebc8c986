package dev.madoguchi.app.shelter.present;

import dev.madoguchi.app.counter.CounterNodes;
import dev.madoguchi.app.i18n.Messages;
import dev.madoguchi.domain.Sex;
import dev.madoguchi.domain.shelter.Stay;
import java.util.function.Function;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The correction form and history (CorrectionView.fxml). Enter in a field or Ctrl+S saves, Escape goes back to the
 * list. No I/O, no threads, no decisions.
 */
public final class CorrectionView {

    static final KeyCombination SAVE = new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN);

    private final CorrectionViewModel viewModel;

    @FXML private VBox correctionPane;
    @FXML private Label whoLabel;
    @FXML private Label errorLabel;
    @FXML private Label messageLabel;
    @FXML private Label nameLabel;
    @FXML private TextField nameField;
    @FXML private Label kanaLabel;
    @FXML private TextField kanaField;
    @FXML private Label birthDateLabel;
    @FXML private TextField birthDateField;
    @FXML private Label sexLabel;
    @FXML private ComboBox<Sex> sexBox;
    @FXML private Label addressLabel;
    @FXML private TextField addressField;
    @FXML private Label phoneLabel;
    @FXML private TextField phoneField;
    @FXML private Label flagsLabel;
    @FXML private TextField flagsField;
    @FXML private Label injuryLabel;
    @FXML private TextField injuryField;
    @FXML private Label stayLabel;
    @FXML private ComboBox<Stay> stayBox;
    @FXML private Label spaceLabel;
    @FXML private TextField spaceField;
    @FXML private CheckBox consentFamilyBox;
    @FXML private CheckBox consentAcquaintancesBox;
    @FXML private CheckBox consentOthersBox;
    @FXML private Button saveButton;
    @FXML private Button closeButton;
    @FXML private Label historyLabel;
    @FXML private ListView<String> historyList;

    public CorrectionView(CorrectionViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        Messages messages = viewModel.desk().messages();
        nameLabel.setLabelFor(nameField);
        kanaLabel.setLabelFor(kanaField);
        birthDateLabel.setLabelFor(birthDateField);
        sexLabel.setLabelFor(sexBox);
        addressLabel.setLabelFor(addressField);
        phoneLabel.setLabelFor(phoneField);
        flagsLabel.setLabelFor(flagsField);
        injuryLabel.setLabelFor(injuryField);
        stayLabel.setLabelFor(stayBox);
        spaceLabel.setLabelFor(spaceField);
        historyLabel.setLabelFor(historyList);
        CounterNodes.bindText(whoLabel, viewModel.whoProperty());
        CounterNodes.bindText(errorLabel, viewModel.errorProperty());
        CounterNodes.bindText(messageLabel, viewModel.messageProperty());
        CounterNodes.collapseWhenEmpty(errorLabel);
        CounterNodes.collapseWhenEmpty(messageLabel);
        nameField.textProperty().bindBidirectional(viewModel.nameProperty());
        kanaField.textProperty().bindBidirectional(viewModel.kanaProperty());
        birthDateField.textProperty().bindBidirectional(viewModel.birthDateProperty());
        addressField.textProperty().bindBidirectional(viewModel.addressProperty());
        phoneField.textProperty().bindBidirectional(viewModel.phoneProperty());
        flagsField.textProperty().bindBidirectional(viewModel.flagsProperty());
        injuryField.textProperty().bindBidirectional(viewModel.injuryProperty());
        spaceField.textProperty().bindBidirectional(viewModel.spaceProperty());
        sexBox.getItems().setAll(Sex.values());
        sexBox.setConverter(converter(s -> s == null ? "" : messages.get(Messages.keyFor("shelter.sex.", s))));
        sexBox.valueProperty().bindBidirectional(viewModel.sexProperty());
        stayBox.getItems().setAll(Stay.values());
        stayBox.setConverter(converter(s -> s == null ? "" : messages.get(Messages.keyFor("shelter.stay.", s))));
        stayBox.valueProperty().bindBidirectional(viewModel.stayProperty());
        spaceField.disableProperty().bind(viewModel.stayProperty().isNotEqualTo(Stay.SHELTER));
        consentFamilyBox.selectedProperty().bindBidirectional(viewModel.consentFamilyProperty());
        consentAcquaintancesBox.selectedProperty().bindBidirectional(viewModel.consentAcquaintancesProperty());
        consentOthersBox.selectedProperty().bindBidirectional(viewModel.consentOthersProperty());
        historyList.setItems(viewModel.history());
        FocusScroll.wrapLines(historyList);
        saveButton.disableProperty().bind(viewModel.busyProperty());
        correctionPane.visibleProperty().bind(viewModel.editingProperty());
        correctionPane.managedProperty().bind(viewModel.editingProperty());
        correctionPane.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE && !(e.getTarget() instanceof ComboBox<?> box && box.isShowing())) {
                viewModel.close();
                e.consume();
            } else if (SAVE.match(e)) {
                viewModel.save();
                e.consume();
            }
        });
    }

    static <T> StringConverter<T> converter(Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return text.apply(value);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }

    /** The form was opened: the keyboard starts at the name. */
    void shown() {
        nameField.requestFocus();
    }

    @FXML private void save() { viewModel.save(); }
    @FXML private void close() { viewModel.close(); }
}
