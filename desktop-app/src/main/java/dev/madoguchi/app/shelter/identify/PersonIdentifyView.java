package dev.madoguchi.app.shelter.identify;

import dev.madoguchi.app.counter.CounterNodes;
import dev.madoguchi.app.shelter.CheckInCoordinator;
import dev.madoguchi.app.shelter.CheckInStep;
import dev.madoguchi.app.shelter.ShelterStepView;
import dev.madoguchi.domain.Sex;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** The identify panels (PersonIdentifyView.fxml): card, QR scan field, 照合番号B, manual entry; one call per action. */
public final class PersonIdentifyView implements ShelterStepView {

    private final PersonIdentifyViewModel viewModel;
    private final CheckInCoordinator desk;
    private final Map<CheckInStep, Node> paneOf = new EnumMap<>(CheckInStep.class);

    @FXML private VBox identifyRoot;
    @FXML private VBox waitingPane;
    @FXML private VBox pinPane;
    @FXML private VBox blockedPane;
    @FXML private VBox collationPane;
    @FXML private VBox manualPane;
    @FXML private VBox workingPane;
    @FXML private Label scanLabel;
    @FXML private TextField scanField;
    @FXML private Button manualButton;
    @FXML private Button collationButton;
    @FXML private Label pinTriesLabel;
    @FXML private Label pinLabel;
    @FXML private PasswordField pinField;
    @FXML private Button pinButton;
    @FXML private Button pinCollationButton;
    @FXML private Button pinManualButton;
    @FXML private Label blockedLabel;
    @FXML private Button blockedCollationButton;
    @FXML private Button blockedManualButton;
    @FXML private Label collationLabel;
    @FXML private TextField collationField;
    @FXML private Button collationReadButton;
    @FXML private Button collationManualButton;
    @FXML private Label nameLabel;
    @FXML private TextField nameField;
    @FXML private Label kanaLabel;
    @FXML private TextField kanaField;
    @FXML private Label birthLabel;
    @FXML private TextField birthField;
    @FXML private Label birthReading;
    @FXML private Label sexLabel;
    @FXML private ComboBox<Sex> sexBox;
    @FXML private Label addressLabel;
    @FXML private TextField addressField;
    @FXML private Button manualDoneButton;
    @FXML private Label workingLabel;

    public PersonIdentifyView(PersonIdentifyViewModel viewModel) {
        this.viewModel = viewModel;
        this.desk = viewModel.desk();
    }

    @FXML
    private void initialize() {
        paneOf.put(CheckInStep.IDENTIFY, waitingPane);
        paneOf.put(CheckInStep.PIN_ENTRY, pinPane);
        paneOf.put(CheckInStep.PIN_BLOCKED, blockedPane);
        paneOf.put(CheckInStep.COLLATION_NUMBER_ENTRY, collationPane);
        paneOf.put(CheckInStep.MANUAL_ENTRY, manualPane);
        paneOf.put(CheckInStep.READING, workingPane);
        var messages = desk.messages();
        scanLabel.setLabelFor(scanField);
        pinLabel.setLabelFor(pinField);
        collationLabel.setLabelFor(collationField);
        nameLabel.setLabelFor(nameField);
        kanaLabel.setLabelFor(kanaField);
        birthLabel.setLabelFor(birthField);
        sexLabel.setLabelFor(sexBox);
        addressLabel.setLabelFor(addressField);
        CounterNodes.bindText(pinTriesLabel, viewModel.pinTriesTextProperty());
        CounterNodes.bindText(blockedLabel, viewModel.pinTriesTextProperty());
        CounterNodes.bindText(birthReading, viewModel.birthDateReadingProperty());
        workingLabel.setText(messages.get("shelter.working"));
        scanField.textProperty().bindBidirectional(viewModel.scannedProperty());
        pinField.textProperty().bindBidirectional(viewModel.pinProperty());
        collationField.textProperty().bindBidirectional(viewModel.collationNumberProperty());
        nameField.textProperty().bindBidirectional(viewModel.nameProperty());
        kanaField.textProperty().bindBidirectional(viewModel.kanaProperty());
        birthField.textProperty().bindBidirectional(viewModel.birthDateProperty());
        addressField.textProperty().bindBidirectional(viewModel.addressProperty());
        sexBox.getItems().setAll(Sex.values());
        sexBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(Sex sex) {
                return sex == null ? "" : messages.get(dev.madoguchi.app.i18n.Messages.keyFor("shelter.sex.", sex));
            }

            @Override
            public Sex fromString(String text) {
                return null;
            }
        });
        sexBox.valueProperty().bindBidirectional(viewModel.sexProperty());
        for (Button b : List.of(manualButton, collationButton, pinButton, pinCollationButton, pinManualButton,
                blockedCollationButton, blockedManualButton, collationReadButton, collationManualButton,
                manualDoneButton)) {
            b.disableProperty().bind(desk.busyProperty());
        }
        show(desk.step());
        desk.stepProperty().addListener((obs, was, now) -> show(now));
    }

    private void show(CheckInStep step) {
        ShelterStepView.show(paneOf, step);
        identifyRoot.setVisible(paneOf.containsKey(step));
        identifyRoot.setManaged(paneOf.containsKey(step));
    }

    @Override
    public Node focusTarget(CheckInStep step) {
        return switch (step) {
            case IDENTIFY -> scanField;
            case PIN_ENTRY -> pinField;
            case PIN_BLOCKED -> blockedCollationButton;
            case COLLATION_NUMBER_ENTRY -> collationField;
            case MANUAL_ENTRY -> nameField;
            default -> null;
        };
    }

    @FXML private void submitScan() { viewModel.submitScan(); }
    @FXML private void enterManually() { viewModel.enterManually(); }
    @FXML private void useCollationNumber() { viewModel.useCollationNumber(); }
    @FXML private void submitPin() { viewModel.submitPin(); }
    @FXML private void submitCollationNumber() { viewModel.submitCollationNumber(); }
    @FXML private void submitManual() { viewModel.submitManual(); }
}
