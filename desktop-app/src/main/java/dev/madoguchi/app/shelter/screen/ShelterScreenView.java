package dev.madoguchi.app.shelter.screen;

import dev.madoguchi.app.counter.CounterNodes;
import dev.madoguchi.app.shelter.CheckInCoordinator;
import dev.madoguchi.app.shelter.CheckInStep;
import dev.madoguchi.app.shelter.ShelterStepView;
import dev.madoguchi.app.scroll.UncachedViewport;
import dev.madoguchi.app.shelter.choose.ShelterChoiceView;
import dev.madoguchi.app.shelter.household.HouseholdView;
import dev.madoguchi.app.shelter.identify.PersonIdentifyView;
import dev.madoguchi.app.shelter.match.ShelterMatchView;
import dev.madoguchi.app.shelter.person.PersonDetailsView;
import java.util.List;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;

/**
 * The shelter desk's check-in screen (ShelterScreenView.fxml): the shelter, the step's error and message, the step
 * views; after each change of step (and when no longer busy) the focus goes to the step's first control. 中止 gives
 * the running household up; 避難所を変更 goes back to the choice. No I/O, no threads, no decisions.
 */
public final class ShelterScreenView {

    private final CheckInCoordinator desk;

    @FXML private ScrollPane checkInScroll;
    @FXML private VBox checkInContent;
    @FXML private Label shelterLabel;
    @FXML private Label errorLabel;
    @FXML private Label messageLabel;
    @FXML private Button cancelButton;
    @FXML private Button changeShelterButton;
    @FXML private ShelterChoiceView chooseController;
    @FXML private PersonIdentifyView identifyController;
    @FXML private ShelterMatchView matchController;
    @FXML private PersonDetailsView personController;
    @FXML private HouseholdView householdController;

    public ShelterScreenView(ShelterSteps steps) {
        this.desk = steps.desk();
    }

    @FXML
    private void initialize() {
        var messages = desk.messages();
        UncachedViewport.keep(checkInScroll);
        shelterLabel.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> desk.shelterProperty().get() == null ? messages.get("shelter.screen.noShelter")
                        : messages.get("shelter.screen.at", desk.shelterProperty().get().name()),
                desk.shelterProperty()));
        shelterLabel.accessibleTextProperty().bind(shelterLabel.textProperty());
        CounterNodes.bindText(errorLabel, desk.errorProperty());
        CounterNodes.bindText(messageLabel, desk.messageProperty());
        CounterNodes.collapseWhenEmpty(errorLabel);
        CounterNodes.collapseWhenEmpty(messageLabel);
        cancelButton.disableProperty().bind(desk.busyProperty());
        cancelButton.visibleProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> desk.checkInProperty().get().holdsPersonalData()
                        && desk.step() != CheckInStep.DONE, desk.checkInProperty()));
        cancelButton.managedProperty().bind(cancelButton.visibleProperty());
        changeShelterButton.disableProperty().bind(desk.busyProperty());
        changeShelterButton.visibleProperty().bind(desk.stepProperty().isNotEqualTo(CheckInStep.CHOOSE_SHELTER));
        changeShelterButton.managedProperty().bind(changeShelterButton.visibleProperty());
        focusFirst(desk.step());
        desk.stepProperty().addListener((obs, was, now) -> focusFirst(now));
        desk.busyProperty().addListener((obs, was, busy) -> {
            if (!busy) {
                focusFirst(desk.step());
            }
        });
    }

    private void focusFirst(CheckInStep step) {
        for (ShelterStepView view : List.<ShelterStepView>of(chooseController, identifyController, matchController,
                personController, householdController)) {
            Node target = view.focusTarget(step);
            if (target != null) {
                if (!target.isDisabled()) {
                    target.requestFocus();
                }
                return;
            }
        }
    }

    @FXML private void cancel() { desk.newHousehold(); }
    @FXML private void changeShelter() { desk.update(desk.checkIn().withStep(CheckInStep.CHOOSE_SHELTER)); }
}
