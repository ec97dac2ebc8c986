package dev.madoguchi.app.shelter.backlog;

import dev.madoguchi.app.counter.CounterNodes;
import dev.madoguchi.app.i18n.Messages;
import dev.madoguchi.app.scroll.UncachedViewport;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;

/**
 * The paper-card grid (BacklogView.fxml): one row of fields per card, Tab moves along the row, Enter goes to the next
 * row (made when needed); each row says what is wrong with it as it is typed. 保存 stores the rows that are ready.
 */
public final class BacklogView {

    private static final String[] COLUMNS = {"household", "name", "kana", "birthDate", "sex", "address", "phone",
        "flags", "consent"};

    /** Columns wide enough for a typical entry, so that a row and its status fit a 1100 px window at 100 %. */
    private static final int[] WIDTHS = {4, 6, 6, 6, 2, 8, 5, 7, 3};

    private final BacklogViewModel viewModel;
    private final List<TextField> firstFields = new ArrayList<>();

    @FXML private Label countsLabel;
    @FXML private Label errorLabel;
    @FXML private Label spaceLabel;
    @FXML private TextField spaceField;
    @FXML private GridPane grid;
    @FXML private ScrollPane gridScroll;
    @FXML private Button saveButton;

    public BacklogView(BacklogViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        Messages messages = viewModel.desk().messages();
        UncachedViewport.keep(gridScroll);
        CounterNodes.bindText(countsLabel, viewModel.countsProperty());
        CounterNodes.bindText(errorLabel, viewModel.errorProperty());
        CounterNodes.collapseWhenEmpty(errorLabel);
        spaceLabel.setLabelFor(spaceField);
        spaceField.textProperty().bindBidirectional(viewModel.spaceProperty());
        for (int c = 0; c < COLUMNS.length; c++) {
            Label header = new Label(messages.get("shelter.backlog.column." + COLUMNS[c]));
            header.getStyleClass().add("counter-grid-header");
            grid.add(header, c, 0);
        }
        grid.add(new Label(messages.get("shelter.backlog.column.status")), COLUMNS.length, 0);
        viewModel.rows().forEach(this::addRow);
        viewModel.rows().addListener((ListChangeListener<BacklogRow>) change -> {
            boolean removed = false;
            while (change.next()) {
                removed |= change.wasRemoved();
                if (!removed) {
                    change.getAddedSubList().forEach(this::addRow);
                }
            }
            if (removed) { // saved rows left the grid: its rows are made again, numbered from 1
                grid.getChildren().removeIf(n -> GridPane.getRowIndex(n) != null && GridPane.getRowIndex(n) > 0);
                firstFields.clear();
                viewModel.rows().forEach(this::addRow);
            }
        });
        saveButton.disableProperty().bind(viewModel.busyProperty());
    }

    private void addRow(BacklogRow row) {
        Messages messages = viewModel.desk().messages();
        int r = firstFields.size() + 1;
        StringProperty[] fields = row.fields();
        for (int c = 0; c < fields.length; c++) {
            TextField field = new TextField();
            field.setId("backlog-" + r + "-" + COLUMNS[c]);
            field.setPrefColumnCount(WIDTHS[c]);
            field.setAccessibleText(messages.get("shelter.backlog.cell", r,
                    messages.get("shelter.backlog.column." + COLUMNS[c])));
            field.textProperty().bindBidirectional(fields[c]);
            field.setOnKeyPressed(e -> {
                if (e.getCode() == KeyCode.ENTER) {
                    next(row);
                    e.consume();
                }
            });
            field.disableProperty().bind(row.stateProperty().isEqualTo(BacklogRow.State.SAVED));
            grid.add(field, c, r);
            if (c == 0) {
                firstFields.add(field);
            }
        }
        Label status = new Label();
        status.setId("backlog-" + r + "-status");
        CounterNodes.bindText(status, row.statusProperty());
        status.getStyleClass().add("counter-error");
        grid.add(status, fields.length, r);
    }

    /** Enter: the first field of the next row, a new row after the last. */
    private void next(BacklogRow row) {
        int index = viewModel.rows().indexOf(row);
        if (index == viewModel.rows().size() - 1) {
            viewModel.addRow();
        }
        firstFields.get(index + 1).requestFocus();
    }

    public void shown() {
        viewModel.start();
        firstFields.stream().filter(f -> !f.isDisabled()).findFirst().ifPresent(TextField::requestFocus);
    }

    @FXML private void save() { viewModel.save(); }
}
