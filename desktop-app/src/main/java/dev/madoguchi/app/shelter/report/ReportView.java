package dev.madoguchi.app.shelter.report;

import dev.madoguchi.app.counter.CounterNodes;
import dev.madoguchi.app.i18n.Messages;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

/**
 * The daily report (ReportView.fxml): the day, the figures in large type, export, and 印刷プレビュー (Ctrl+P from
 * anywhere in the tab): the A4 pages as they will print, 印刷する (the keyboard is put there) and Esc to close.
 */
public final class ReportView {

    /** Opens the print preview from anywhere in the report tab. */
    public static final KeyCombination PREVIEW = new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN);

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
    @FXML private VBox reportRoot;
    @FXML private Button previewButton;
    @FXML private VBox previewPane;
    @FXML private Label previewHeading;
    @FXML private FlowPane previewBox;
    @FXML private Button printButton;
    @FXML private Button closePreviewButton;

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
        Messages messages = viewModel.desk().messages();
        previewButton.disableProperty().bind(viewModel.busyProperty().or(Bindings.isEmpty(viewModel.lines())));
        previewButton.visibleProperty().bind(viewModel.printableProperty());
        previewButton.managedProperty().bind(viewModel.printableProperty());
        printButton.disableProperty().bind(viewModel.busyProperty());
        previewPane.visibleProperty().bind(viewModel.previewShownProperty());
        previewPane.managedProperty().bind(viewModel.previewShownProperty());
        previewHeading.textProperty().bind(Bindings.createStringBinding(() -> messages.get(
                "shelter.report.previewHeading", viewModel.previewPages().size()), viewModel.previewPages()));
        printButton.setAccessibleText(messages.get("shelter.report.printAccessible"));
        viewModel.previewPages().addListener((ListChangeListener<byte[]>) c -> showPages(messages));
        viewModel.previewShownProperty().addListener((obs, was, now) -> {
            if (now) {
                printButton.requestFocus();
            } else if (was && previewPane.isFocusWithin()) {
                previewButton.requestFocus();
            }
        });
        // a filter: Ctrl+P in the report tab is this tab's, before any field or the window's own shortcuts see it
        reportRoot.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (PREVIEW.match(e) && viewModel.printableProperty().get()) {
                e.consume();
                viewModel.preview();
            }
        });
        reportRoot.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE && viewModel.previewShownProperty().get()) {
                e.consume();
                viewModel.closePreview();
            }
        });
    }

    private void showPages(Messages messages) {
        previewBox.getChildren().clear();
        int n = viewModel.previewPages().size();
        for (int i = 0; i < n; i++) {
            ImageView page = new ImageView(new Image(new ByteArrayInputStream(viewModel.previewPages().get(i))));
            page.setPreserveRatio(true);
            page.setFitWidth(420);
            page.setAccessibleText(messages.get("shelter.report.previewPage", i + 1, n));
            previewBox.getChildren().add(page);
        }
    }

    public void shown() {
        viewModel.refresh();
        dateField.requestFocus();
    }

    @FXML private void refresh() { viewModel.refresh(); }
    @FXML private void export() { viewModel.export(exportFile.get()); }
    @FXML private void preview() { viewModel.preview(); }
    @FXML private void print() { viewModel.print(); }
    @FXML private void closePreview() { viewModel.closePreview(); }
}
