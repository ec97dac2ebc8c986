package dev.madoguchi.app.shelter.resident;

import dev.madoguchi.app.resident.ResidentLanguage;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;

/** The resident's shelter screen (ShelterResidentView.fxml): language, welcome, PIN pad, what was recorded. */
public final class ShelterResidentView {

    private final ShelterResidentViewModel viewModel;

    @FXML private FlowPane languages;
    @FXML private Label rubyLabel;
    @FXML private Label headingLabel;
    @FXML private Label dotsLabel;
    @FXML private GridPane pad;
    @FXML private ListView<String> recordedList;

    public ShelterResidentView(ShelterResidentViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        for (ResidentLanguage l : ResidentLanguage.values()) {
            Button b = new Button(l.nativeName());
            b.getStyleClass().add("resident-language");
            b.setOnAction(e -> viewModel.languageProperty().set(l));
            languages.getChildren().add(b);
        }
        headingLabel.textProperty().bind(viewModel.headingProperty());
        headingLabel.accessibleTextProperty().bind(viewModel.headingProperty());
        rubyLabel.textProperty().bind(viewModel.headingRubyProperty());
        rubyLabel.visibleProperty().bind(viewModel.headingRubyProperty().isNotEmpty());
        rubyLabel.managedProperty().bind(rubyLabel.visibleProperty());
        dotsLabel.textProperty().bind(viewModel.pinDotsProperty());
        recordedList.setItems(viewModel.recorded());
        recordedList.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(viewModel.recorded()));
        recordedList.managedProperty().bind(recordedList.visibleProperty());
        int[][] keys = {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}};
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                pad.add(digit(keys[r][c]), c, r);
            }
        }
        Button clear = new Button(viewModel.texts().get("pad.clear"));
        clear.setOnAction(e -> viewModel.clear());
        Button enter = new Button(viewModel.texts().get("pad.enter"));
        enter.setOnAction(e -> viewModel.enter());
        pad.add(clear, 0, 3);
        pad.add(digit(0), 1, 3);
        pad.add(enter, 2, 3);
        pad.getChildren().forEach(n -> ((Button) n).getStyleClass().add("resident-pin-key"));
        pad.visibleProperty().bind(viewModel.desk().stepProperty().isEqualTo(
                dev.madoguchi.app.shelter.CheckInStep.PIN_ENTRY));
        pad.managedProperty().bind(pad.visibleProperty());
    }

    private Button digit(int d) {
        Button b = new Button(String.valueOf(d));
        b.setOnAction(e -> viewModel.pressDigit(d));
        return b;
    }
}
