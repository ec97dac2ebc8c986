package dev.madoguchi.app.shelter.household;

import dev.madoguchi.app.counter.CounterNodes;
import dev.madoguchi.app.i18n.Messages;
import dev.madoguchi.app.shelter.CheckInCoordinator;
import dev.madoguchi.app.shelter.CheckInStep;
import dev.madoguchi.app.shelter.ShelterStepView;
import dev.madoguchi.domain.shelter.Stay;
import java.util.List;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** The household (HouseholdView.fxml): members, stay and space, pets, vehicle; add a person or store; then next. */
public final class HouseholdView implements ShelterStepView {

    private final HouseholdViewModel viewModel;
    private final CheckInCoordinator desk;

    @FXML private VBox householdPane;
    @FXML private VBox donePane;
    @FXML private Label membersLabel;
    @FXML private ListView<String> membersList;
    @FXML private Button addPersonButton;
    @FXML private Label stayLabel;
    @FXML private ComboBox<Stay> stayBox;
    @FXML private Label spaceLabel;
    @FXML private ComboBox<String> spaceBox;
    @FXML private Label petSpeciesLabel;
    @FXML private TextField petSpeciesField;
    @FXML private Label petCountLabel;
    @FXML private TextField petCountField;
    @FXML private Label petWhereLabel;
    @FXML private TextField petWhereField;
    @FXML private Button addPetButton;
    @FXML private ListView<String> petsList;
    @FXML private Label vehicleLabel;
    @FXML private TextField vehicleField;
    @FXML private Button confirmButton;
    @FXML private Label doneLabel;
    @FXML private Button nextButton;

    public HouseholdView(HouseholdViewModel viewModel) {
        this.viewModel = viewModel;
        this.desk = viewModel.desk();
    }

    @FXML
    private void initialize() {
        Messages messages = desk.messages();
        membersLabel.setLabelFor(membersList);
        stayLabel.setLabelFor(stayBox);
        spaceLabel.setLabelFor(spaceBox);
        petSpeciesLabel.setLabelFor(petSpeciesField);
        petCountLabel.setLabelFor(petCountField);
        petWhereLabel.setLabelFor(petWhereField);
        vehicleLabel.setLabelFor(vehicleField);
        membersList.setItems(viewModel.members());
        petsList.setItems(viewModel.petLines());
        petsList.setAccessibleText(messages.get("shelter.household.pets"));
        stayBox.getItems().setAll(Stay.values());
        stayBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(Stay stay) {
                return stay == null ? "" : messages.get(Messages.keyFor("shelter.stay.", stay));
            }

            @Override
            public Stay fromString(String text) {
                return null;
            }
        });
        stayBox.valueProperty().bindBidirectional(viewModel.stayProperty());
        spaceBox.setItems(viewModel.spaces());
        spaceBox.setEditable(true);
        spaceBox.getEditor().textProperty().bindBidirectional(viewModel.spaceProperty());
        spaceBox.disableProperty().bind(viewModel.stayProperty().isNotEqualTo(Stay.SHELTER));
        petSpeciesField.textProperty().bindBidirectional(viewModel.petSpeciesProperty());
        petCountField.textProperty().bindBidirectional(viewModel.petCountProperty());
        petWhereField.textProperty().bindBidirectional(viewModel.petWhereProperty());
        vehicleField.textProperty().bindBidirectional(viewModel.vehicleProperty());
        CounterNodes.bindText(doneLabel, viewModel.summaryProperty());
        for (Button b : List.of(addPersonButton, addPetButton, confirmButton, nextButton)) {
            b.disableProperty().bind(desk.busyProperty());
        }
        show(desk.step());
        desk.stepProperty().addListener((obs, was, now) -> show(now));
    }

    private void show(CheckInStep step) {
        householdPane.setVisible(step == CheckInStep.HOUSEHOLD);
        householdPane.setManaged(step == CheckInStep.HOUSEHOLD);
        donePane.setVisible(step == CheckInStep.DONE);
        donePane.setManaged(step == CheckInStep.DONE);
    }

    @Override
    public Node focusTarget(CheckInStep step) {
        return switch (step) {
            case HOUSEHOLD -> addPersonButton;
            case DONE -> nextButton;
            default -> null;
        };
    }

    @FXML private void addPerson() { viewModel.addPerson(); }
    @FXML private void addPet() { viewModel.addPet(); }
    @FXML private void confirm() { viewModel.confirm(); }
    @FXML private void next() { viewModel.nextHousehold(); }
}
