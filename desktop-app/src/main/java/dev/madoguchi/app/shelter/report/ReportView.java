package dev.madoguchi.app.shelter.report;

import dev.madoguchi.app.counter.CounterNodes;
import java.nio.file.Path;
import java.util.function.Supplier;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;

/** The daily report (ReportView.fxml): the day, the figures in large type, export. */
public final class ReportView {

    private final ReportViewModel viewModel;
    private final Supplier<Path> exportFile;

    @FXML private Label dateLabel;
    @FXML private TextField dateField;
    @FXML private Button refreshButton;
    @FXML private Label linesLabel;
    @FXML private ListView<String> linesList;
    @FXML private Button exportButton;
    @FXML private Label errorLabel;
    @FXML private Label messageLabel;

    /** @param exportFile where 書き出し writes (a file in the exports folder, named by shelter and day) */
    public ReportView(ReportViewModel viewModel, Supplier<Path> exportFile) {
        this.viewModel = viewModel;
        this.exportFile = exportFile;
    }

    @FXML
    private void initialize() {
        dateLabel.setLabelFor(dateField);
        linesLabel.setLabelFor(linesList);
        dateField.textProperty().bindBidirectional(viewModel.dateProperty());
        linesList.setItems(viewModel.lines());
        CounterNodes.bindText(errorLabel, viewModel.errorProperty());
        CounterNodes.bindText(messageLabel, viewModel.messageProperty());
        CounterNodes.collapseWhenEmpty(errorLabel);
        CounterNodes.collapseWhenEmpty(messageLabel);
        refreshButton.disableProperty().bind(viewModel.busyProperty());
        exportButton.disableProperty().bind(viewModel.busyProperty().or(javafx.beans.binding.Bindings.isEmpty(
                viewModel.lines())));
    }

    public void shown() {
        viewModel.refresh();
        dateField.requestFocus();
    }

    @FXML private void refresh() { viewModel.refresh(); }
    @FXML private void export() { viewModel.export(exportFile.get()); }
}
