package dev.madoguchi.app.shelter.choose;

import dev.madoguchi.app.shelter.CheckInCoordinator;
import dev.madoguchi.app.shelter.CheckInStep;
import dev.madoguchi.app.shelter.ShelterStepView;
import java.util.List;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;

/** Choosing the shelter (ShelterChoiceView.fxml): arrows and Enter in the list, or the fields to create one. */
public final class ShelterChoiceView implements ShelterStepView {

    private final ShelterChoiceViewModel viewModel;
    private final CheckInCoordinator desk;

    @FXML private VBox choosePane;
    @FXML private Label sheltersLabel;
    @FXML private ListView<String> sheltersList;
    @FXML private Button chooseButton;
    @FXML private Label idLabel;
    @FXML private TextField idField;
    @FXML private Label nameLabel;
    @FXML private TextField nameField;
    @FXML private Label capacityLabel;
    @FXML private TextField capacityField;
    @FXML private Label spacesLabel;
    @FXML private TextField spacesField;
    @FXML private Button createButton;

    public ShelterChoiceView(ShelterChoiceViewModel viewModel) {
        this.viewModel = viewModel;
        this.desk = viewModel.desk();
    }

    @FXML
    private void initialize() {
        sheltersLabel.setLabelFor(sheltersList);
        idLabel.setLabelFor(idField);
        nameLabel.setLabelFor(nameField);
        capacityLabel.setLabelFor(capacityField);
        spacesLabel.setLabelFor(spacesField);
        sheltersList.setItems(viewModel.lines());
        sheltersList.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                choose();
                e.consume();
            }
        });
        idField.textProperty().bindBidirectional(viewModel.newIdProperty());
        nameField.textProperty().bindBidirectional(viewModel.newNameProperty());
        capacityField.textProperty().bindBidirectional(viewModel.newCapacityProperty());
        spacesField.textProperty().bindBidirectional(viewModel.newSpacesProperty());
        for (Button b : List.of(chooseButton, createButton)) {
            b.disableProperty().bind(desk.busyProperty());
        }
        show(desk.step());
        desk.stepProperty().addListener((obs, was, now) -> show(now));
        viewModel.lines().addListener((javafx.collections.ListChangeListener<String>) change -> {
            // the list arrived after the screen took the focus: start from it unless staff began to type a new one
            if (desk.step() == CheckInStep.CHOOSE_SHELTER && idField.isFocused() && idField.getText().isEmpty()) {
                Node target = focusTarget(CheckInStep.CHOOSE_SHELTER);
                target.requestFocus();
            }
        });
    }

    private void show(CheckInStep step) {
        choosePane.setVisible(step == CheckInStep.CHOOSE_SHELTER);
        choosePane.setManaged(step == CheckInStep.CHOOSE_SHELTER);
    }

    @Override
    public Node focusTarget(CheckInStep step) {
        if (step != CheckInStep.CHOOSE_SHELTER) {
            return null;
        }
        if (!viewModel.lines().isEmpty() && sheltersList.getSelectionModel().isEmpty()) {
            sheltersList.getSelectionModel().select(0);
        }
        return viewModel.lines().isEmpty() ? idField : sheltersList;
    }

    @FXML private void choose() { viewModel.choose(sheltersList.getSelectionModel().getSelectedIndex()); }
    @FXML private void create() { viewModel.create(); }
}
