package dev.madoguchi.app.shelter.person;

import dev.madoguchi.app.counter.CounterNodes;
import dev.madoguchi.app.i18n.Messages;
import dev.madoguchi.app.shelter.CheckInCoordinator;
import dev.madoguchi.app.shelter.CheckInStep;
import dev.madoguchi.app.shelter.ShelterStepView;
import dev.madoguchi.domain.shelter.CareKind;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/**
 * One person's details (PersonDetailsView.fxml): a check box per care flag in one column, a detail field beside those
 * that take one, injury, phone and the three consent items; Tab walks them in order, Space ticks, Enter on the last
 * field or 次へ finishes.
 */
public final class PersonDetailsView implements ShelterStepView {

    private final PersonDetailsViewModel viewModel;
    private final CheckInCoordinator desk;

    @FXML private VBox personPane;
    @FXML private Label whoLabel;
    @FXML private GridPane flagsGrid;
    @FXML private Label injuryLabel;
    @FXML private TextField injuryField;
    @FXML private Label phoneLabel;
    @FXML private TextField phoneField;
    @FXML private CheckBox consentFamilyBox;
    @FXML private CheckBox consentAcquaintancesBox;
    @FXML private CheckBox consentOthersBox;
    @FXML private Button doneButton;
    private CheckBox firstFlag;

    public PersonDetailsView(PersonDetailsViewModel viewModel) {
        this.viewModel = viewModel;
        this.desk = viewModel.desk();
    }

    @FXML
    private void initialize() {
        Messages messages = desk.messages();
        CounterNodes.bindText(whoLabel, viewModel.whoProperty());
        int row = 0;
        for (CareKind kind : CareKind.values()) {
            CheckBox box = new CheckBox(messages.get(Messages.keyFor("shelter.flag.", kind)));
            box.setId("flag-" + kind.code());
            box.selectedProperty().bindBidirectional(viewModel.flag(kind));
            flagsGrid.add(box, 0, row);
            if (kind.detailed()) {
                TextField detail = new TextField();
                detail.setId("detail-" + kind.code());
                detail.setAccessibleText(messages.get(Messages.keyFor("shelter.flagDetail.", kind)));
                detail.setPromptText(messages.get(Messages.keyFor("shelter.flagDetail.", kind)));
                detail.textProperty().bindBidirectional(viewModel.detail(kind));
                flagsGrid.add(detail, 1, row);
            }
            if (firstFlag == null) {
                firstFlag = box;
            }
            row++;
        }
        injuryLabel.setLabelFor(injuryField);
        phoneLabel.setLabelFor(phoneField);
        injuryField.textProperty().bindBidirectional(viewModel.injuryProperty());
        phoneField.textProperty().bindBidirectional(viewModel.phoneProperty());
        consentFamilyBox.selectedProperty().bindBidirectional(viewModel.consentFamilyProperty());
        consentAcquaintancesBox.selectedProperty().bindBidirectional(viewModel.consentAcquaintancesProperty());
        consentOthersBox.selectedProperty().bindBidirectional(viewModel.consentOthersProperty());
        doneButton.disableProperty().bind(desk.busyProperty());
        show(desk.step());
        desk.stepProperty().addListener((obs, was, now) -> show(now));
    }

    private void show(CheckInStep step) {
        personPane.setVisible(step == CheckInStep.PERSON);
        personPane.setManaged(step == CheckInStep.PERSON);
    }

    @Override
    public Node focusTarget(CheckInStep step) {
        return step == CheckInStep.PERSON ? firstFlag : null;
    }

    @FXML private void done() { viewModel.done(); }
}
