package dev.madoguchi.app.volunteer.result;

import dev.madoguchi.app.volunteer.AdviceLine;
import dev.madoguchi.app.volunteer.CheckUpLine;
import dev.madoguchi.app.volunteer.CheckUpStep;
import dev.madoguchi.app.volunteer.VolunteerNodes;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The result's controller: binds to {@link ResultViewModel}; no I/O, no decisions. */
public final class ResultView {

    private final ResultViewModel viewModel;

    @FXML private VBox resultRoot;
    @FXML private Label cardKindLabel;
    @FXML private GridPane linesGrid;
    @FXML private Label adviceHeading;
    @FXML private VBox adviceBox;

    public ResultView(ResultViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        VolunteerNodes.showWhen(resultRoot, viewModel.session().stepProperty().isEqualTo(CheckUpStep.RESULT));
        VolunteerNodes.bindText(cardKindLabel, viewModel.cardKindProperty());
        VolunteerNodes.showWhen(adviceHeading, javafx.beans.binding.Bindings.isNotEmpty(viewModel.advice()));
        ColumnConstraints name = new ColumnConstraints();
        name.setPercentWidth(28);
        ColumnConstraints value = new ColumnConstraints();
        value.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints meaning = new ColumnConstraints();
        meaning.setHgrow(Priority.ALWAYS);
        linesGrid.getColumnConstraints().setAll(name, value, meaning);
        viewModel.lines().addListener((ListChangeListener<CheckUpLine>) c -> showLines());
        viewModel.advice().addListener((ListChangeListener<AdviceLine>) c -> showAdvice());
        showLines();
        showAdvice();
    }

    private void showLines() {
        linesGrid.getChildren().clear();
        int row = 0;
        for (CheckUpLine line : viewModel.lines()) {
            linesGrid.add(VolunteerNodes.wrap(line.name(), "volunteer-name"), 0, row);
            Label value = VolunteerNodes.wrap(line.value(), "volunteer-value", "volunteer-state-" + line.state());
            value.setWrapText(false);
            value.setMinWidth(Region.USE_PREF_SIZE);
            linesGrid.add(value, 1, row);
            linesGrid.add(VolunteerNodes.wrap(line.meaning(), "volunteer-state-" + line.state()), 2, row);
            row++;
        }
    }

    private void showAdvice() {
        adviceBox.getChildren().clear();
        for (AdviceLine a : viewModel.advice()) {
            VBox item = new VBox(VolunteerNodes.wrap(a.title(), "volunteer-advice-title", "volunteer-state-"
                    + a.severity()), VolunteerNodes.wrap(a.advice()));
            item.getStyleClass().add("volunteer-advice");
            if (!a.place().isEmpty()) {
                item.getChildren().add(VolunteerNodes.wrap(viewModel.whereText(a.place())));
            }
            if (!a.bring().isEmpty()) {
                item.getChildren().add(VolunteerNodes.wrap(viewModel.bringText(a.bring())));
            }
            adviceBox.getChildren().add(item);
        }
    }
}
