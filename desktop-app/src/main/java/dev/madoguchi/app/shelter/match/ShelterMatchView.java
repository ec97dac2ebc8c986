package dev.madoguchi.app.shelter.match;

import dev.madoguchi.app.shelter.CheckInCoordinator;
import dev.madoguchi.app.shelter.CheckInStep;
import dev.madoguchi.app.shelter.ShelterStepView;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;

/** The register candidates (ShelterMatchView.fxml): arrows choose, Enter or 確認 confirms; 該当なし goes on without. */
public final class ShelterMatchView implements ShelterStepView {

    private final ShelterMatchViewModel viewModel;
    private final CheckInCoordinator desk;

    @FXML private VBox matchPane;
    @FXML private Label candidatesLabel;
    @FXML private ListView<String> candidatesList;
    @FXML private Button confirmButton;
    @FXML private Button noneButton;

    public ShelterMatchView(ShelterMatchViewModel viewModel) {
        this.viewModel = viewModel;
        this.desk = viewModel.desk();
    }

    @FXML
    private void initialize() {
        candidatesLabel.setLabelFor(candidatesList);
        candidatesList.setItems(viewModel.candidates());
        candidatesList.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                confirm();
                e.consume();
            }
        });
        confirmButton.disableProperty().bind(desk.busyProperty());
        noneButton.disableProperty().bind(desk.busyProperty());
        show(desk.step());
        desk.stepProperty().addListener((obs, was, now) -> show(now));
    }

    private void show(CheckInStep step) {
        matchPane.setVisible(step == CheckInStep.MATCH);
        matchPane.setManaged(step == CheckInStep.MATCH);
        if (step == CheckInStep.MATCH) {
            candidatesList.getSelectionModel().clearSelection(); // never preselected
        }
    }

    @Override
    public Node focusTarget(CheckInStep step) {
        return step == CheckInStep.MATCH ? candidatesList : null;
    }

    @FXML private void confirm() { viewModel.confirm(candidatesList.getSelectionModel().getSelectedIndex()); }
    @FXML private void none() { viewModel.noneOfThem(); }
}
