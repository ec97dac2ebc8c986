package dev.madoguchi.app.counter.identify;

import dev.madoguchi.app.counter.CounterNodes;
import dev.madoguchi.app.counter.StepView;
import dev.madoguchi.app.counter.VisitCoordinator;
import dev.madoguchi.app.counter.VisitStep;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

/** The identify step's panels (IdentifyView.fxml), bound to {@link IdentifyViewModel}; one call per action. */
public final class IdentifyView implements StepView {

    private final IdentifyViewModel viewModel;
    private final VisitCoordinator visit;
    private final Map<VisitStep, Node> paneOf = new EnumMap<>(VisitStep.class);

    @FXML private VBox identifyRoot;
    @FXML private VBox waitingPane;
    @FXML private VBox pinPane;
    @FXML private VBox blockedPane;
    @FXML private VBox collationPane;
    @FXML private VBox manualPane;
    @FXML private VBox workingPane;
    @FXML private Button manualButton;
    @FXML private Button collationButton;
    @FXML private Label pinTriesLabel;
    @FXML private Label pinFieldLabel;
    @FXML private PasswordField pinField;
    @FXML private CheckBox readMyNumberBox;
    @FXML private CheckBox collationMyNumberBox;
    @FXML private Button submitPinButton;
    @FXML private Button pinCollationButton;
    @FXML private Button pinManualButton;
    @FXML private Label blockedLabel;
    @FXML private Button blockedCollationButton;
    @FXML private Button blockedManualButton;
    @FXML private Label collationFieldLabel;
    @FXML private TextField collationField;
    @FXML private Button submitCollationButton;
    @FXML private Button collationManualButton;
    @FXML private Label manualNameLabel;
    @FXML private Label manualKanaLabel;
    @FXML private Label manualBirthLabel;
    @FXML private Label manualAddressLabel;
    @FXML private TextField manualNameField;
    @FXML private TextField manualKanaField;
    @FXML private TextField manualBirthField;
    @FXML private TextField manualAddressField;
    @FXML private Button submitManualButton;
    @FXML private Label workingLabel;
    @FXML private VBox residencePane;
    @FXML private Label residenceTypeLabel;
    @FXML private Label residenceNumberLabel;
    @FXML private TextField residenceNumberField;
    @FXML private Label residenceHintLabel;
    @FXML private Label residenceRefusalLabel;
    @FXML private VBox residenceBirthBox;
    @FXML private Label residenceBirthLabel;
    @FXML private TextField residenceBirthField;
    @FXML private Button submitResidenceButton;
    @FXML private Button residenceManualButton;
    @FXML private Button residenceMyNumberSideButton;
    @FXML private VBox sidePane;
    @FXML private Label sideLabel;
    @FXML private Button residenceSideButton;
    @FXML private Button myNumberSideButton;
    @FXML private Button sideManualButton;

    public IdentifyView(IdentifyViewModel viewModel) {
        this.viewModel = viewModel;
        this.visit = viewModel.visit();
    }

    @FXML
    private void initialize() {
        paneOf.put(VisitStep.WAITING_FOR_CARD, waitingPane);
        paneOf.put(VisitStep.PIN_ENTRY, pinPane);
        paneOf.put(VisitStep.PIN_BLOCKED, blockedPane);
        paneOf.put(VisitStep.COLLATION_NUMBER_ENTRY, collationPane);
        paneOf.put(VisitStep.MANUAL_ENTRY, manualPane);
        paneOf.put(VisitStep.READING, workingPane);
        paneOf.put(VisitStep.RESIDENCE_CARD_NUMBER_ENTRY, residencePane);
        paneOf.put(VisitStep.CARD_SIDE_CHOICE, sidePane);
        bindResidenceCard(viewModel.residenceCard());
        CounterNodes.bindText(pinTriesLabel, viewModel.pinTriesTextProperty());
        CounterNodes.bindText(blockedLabel, viewModel.pinTriesTextProperty());
        CounterNodes.bindText(workingLabel, visit.stepTextProperty());
        pinFieldLabel.setLabelFor(pinField);
        collationFieldLabel.setLabelFor(collationField);
        manualNameLabel.setLabelFor(manualNameField);
        manualKanaLabel.setLabelFor(manualKanaField);
        manualBirthLabel.setLabelFor(manualBirthField);
        manualAddressLabel.setLabelFor(manualAddressField);
        pinField.textProperty().bindBidirectional(viewModel.pinProperty());
        collationField.textProperty().bindBidirectional(viewModel.collationNumberProperty());
        readMyNumberBox.selectedProperty().bindBidirectional(viewModel.readMyNumberProperty());
        collationMyNumberBox.selectedProperty().bindBidirectional(viewModel.readMyNumberProperty());
        manualNameField.textProperty().bindBidirectional(viewModel.manualNameProperty());
        manualKanaField.textProperty().bindBidirectional(viewModel.manualKanaProperty());
        manualBirthField.textProperty().bindBidirectional(viewModel.manualBirthDateProperty());
        manualAddressField.textProperty().bindBidirectional(viewModel.manualAddressProperty());
        for (Button b : List.of(manualButton, collationButton, submitPinButton, pinCollationButton, pinManualButton,
                blockedCollationButton, blockedManualButton, submitCollationButton, collationManualButton,
                submitManualButton, submitResidenceButton, residenceManualButton, residenceSideButton,
                myNumberSideButton, sideManualButton, residenceMyNumberSideButton)) {
            b.disableProperty().bind(visit.busyProperty());
        }
        show(visit.stepProperty().get());
        visit.stepProperty().addListener((obs, old, now) -> show(now));
    }

    private void bindResidenceCard(ResidenceCardViewModel residence) {
        CounterNodes.bindText(residenceTypeLabel, residence.cardTypeTextProperty());
        CounterNodes.bindText(sideLabel, residence.cardTypeTextProperty());
        CounterNodes.bindText(residenceHintLabel, residence.numberHintProperty());
        CounterNodes.bindText(residenceRefusalLabel, residence.refusalProperty());
        residenceNumberLabel.setLabelFor(residenceNumberField);
        residenceBirthLabel.setLabelFor(residenceBirthField);
        residenceNumberField.textProperty().bindBidirectional(residence.cardNumberProperty());
        residenceBirthField.textProperty().bindBidirectional(residence.birthDateProperty());
        residenceNumberField.disableProperty().bind(residence.birthDateNeededProperty());
        residenceBirthBox.visibleProperty().bind(residence.birthDateNeededProperty());
        residenceBirthBox.managedProperty().bind(residence.birthDateNeededProperty());
        residenceMyNumberSideButton.visibleProperty().bind(residence.specifiedProperty());
        residenceMyNumberSideButton.managedProperty().bind(residence.specifiedProperty());
    }

    private void show(VisitStep step) {
        CounterNodes.show(paneOf, step);
        identifyRoot.setVisible(paneOf.containsKey(step));
        identifyRoot.setManaged(paneOf.containsKey(step));
    }

    @Override
    public Node focusTarget(VisitStep step) {
        return switch (step) {
            case WAITING_FOR_CARD -> manualButton;
            case PIN_ENTRY -> pinField;
            case PIN_BLOCKED -> blockedCollationButton;
            case COLLATION_NUMBER_ENTRY -> collationField;
            case MANUAL_ENTRY -> manualNameField;
            case RESIDENCE_CARD_NUMBER_ENTRY -> viewModel.residenceCard().birthDateNeededProperty().get()
                    ? residenceBirthField : residenceNumberField;
            case CARD_SIDE_CHOICE -> residenceSideButton;
            default -> null;
        };
    }

    @FXML private void enterManually() { viewModel.enterManually(); }
    @FXML private void useCollationNumber() { viewModel.useCollationNumber(); }
    @FXML private void submitPin() { viewModel.submitPin(); }
    @FXML private void submitCollationNumber() { viewModel.submitCollationNumber(); }
    @FXML private void submitManualEntry() { viewModel.submitManualEntry(); }
    @FXML private void submitResidenceNumber() { viewModel.residenceCard().submitNumber(); }
    @FXML private void chooseResidenceSide() { viewModel.residenceCard().chooseResidenceSide(); }
    @FXML private void chooseMyNumberSide() {
        viewModel.residenceCard().chooseMyNumberSide(viewModel::checkPinTries);
    }
}
