package dev.madoguchi.app.volunteer.result;

import dev.madoguchi.app.volunteer.AdviceLine;
import dev.madoguchi.app.volunteer.AdviceQuestion;
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
    @FXML private Label questionsHeading;
    @FXML private VBox questionsBox;
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
        VolunteerNodes.showWhen(questionsHeading, javafx.beans.binding.Bindings.isNotEmpty(viewModel.questions()));
        viewModel.questions().addListener((ListChangeListener<AdviceQuestion>) c -> showQuestions());
        showLines();
        showAdvice();
        showQuestions();
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

    /**
     * Each question with はい / いいえ as toggle buttons (Tab to reach, Space to press); the focus stays on the button
     * pressed when the questions are shown again with the new answer.
     */
    private void showQuestions() {
        javafx.scene.Node focused = questionsBox.getScene() == null ? null : questionsBox.getScene().getFocusOwner();
        String focusedId = focused != null && questionsBox.getChildren().stream()
                .anyMatch(row -> focused.getParent() == row) ? focused.getId() : null;
        questionsBox.getChildren().clear();
        for (AdviceQuestion q : viewModel.questions()) {
            javafx.scene.layout.FlowPane row = new javafx.scene.layout.FlowPane(8, 4);
            row.getStyleClass().add("volunteer-question");
            row.getChildren().add(VolunteerNodes.wrap(q.text()));
            javafx.scene.control.ToggleGroup group = new javafx.scene.control.ToggleGroup();
            for (String value : new String[] {AdviceQuestion.YES, AdviceQuestion.NO}) {
                javafx.scene.control.ToggleButton b = new javafx.scene.control.ToggleButton(viewModel.answerText(value));
                b.setId("volunteer-answer-" + q.id() + "-" + value);
                b.setAccessibleText(viewModel.answerAccessible(q, value));
                b.setToggleGroup(group);
                b.setSelected(value.equals(q.answer()));
                b.setOnAction(e -> {
                    b.setSelected(true); // an answer is changed, never taken back to "not asked"
                    viewModel.answer(q.id(), value);
                });
                row.getChildren().add(b);
            }
            questionsBox.getChildren().add(row);
        }
        if (focusedId != null) {
            javafx.scene.Node again = questionsBox.lookup("#" + focusedId);
            if (again != null) {
                again.requestFocus();
            }
        }
    }
}
