package dev.madoguchi.app.report;

import dev.madoguchi.app.scroll.UncachedViewport;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import java.util.function.Function;

/** The handling-time screen's controller: binds controls to {@link HandlingTimesViewModel} and forwards events. */
public final class HandlingTimesView {

    private static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");

    private final HandlingTimesViewModel viewModel;

    @FXML private ScrollPane handlingScroll;
    @FXML private VBox handlingRoot;
    @FXML private Label fromLabel;
    @FXML private TextField fromField;
    @FXML private Label toLabel;
    @FXML private TextField toField;
    @FXML private CheckBox allClerksBox;
    @FXML private Button refreshButton;
    @FXML private TableView<HandlingTimesViewModel.Row> table;
    @FXML private TableColumn<HandlingTimesViewModel.Row, String> lifeEventColumn;
    @FXML private TableColumn<HandlingTimesViewModel.Row, String> stepColumn;
    @FXML private TableColumn<HandlingTimesViewModel.Row, String> countColumn;
    @FXML private TableColumn<HandlingTimesViewModel.Row, String> medianColumn;
    @FXML private TableColumn<HandlingTimesViewModel.Row, String> p90Column;
    @FXML private TableColumn<HandlingTimesViewModel.Row, String> withoutManualColumn;
    @FXML private Label summary;
    @FXML private Label message;

    public HandlingTimesView(HandlingTimesViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        UncachedViewport.keep(handlingScroll); // no offscreen image of the viewport (UncachedViewport)
        fromLabel.setLabelFor(fromField);
        toLabel.setLabelFor(toField);
        fromField.textProperty().bindBidirectional(viewModel.fromProperty());
        toField.textProperty().bindBidirectional(viewModel.toProperty());
        allClerksBox.selectedProperty().bindBidirectional(viewModel.allClerksProperty());
        allClerksBox.visibleProperty().bind(viewModel.allClerksAllowedProperty());
        allClerksBox.managedProperty().bind(viewModel.allClerksAllowedProperty());
        refreshButton.disableProperty().bind(viewModel.busyProperty());
        column(lifeEventColumn, HandlingTimesViewModel.Row::lifeEvent, 18);
        column(stepColumn, HandlingTimesViewModel.Row::step, 9);
        column(countColumn, HandlingTimesViewModel.Row::count, 5);
        column(medianColumn, HandlingTimesViewModel.Row::median, 6);
        column(p90Column, HandlingTimesViewModel.Row::p90, 10);
        column(withoutManualColumn, HandlingTimesViewModel.Row::withoutManualEntry, 12);
        table.setItems(viewModel.rowsProperty());
        // at least about eight lines of the table in the screen's text size; the screen scrolls beyond that
        table.minHeightProperty().bind(Bindings.createDoubleBinding(() -> 16 * summary.getFont().getSize(),
                summary.fontProperty()));
        summary.textProperty().bind(viewModel.summaryProperty());
        summary.accessibleTextProperty().bind(viewModel.summaryProperty());
        message.textProperty().bind(viewModel.messageProperty());
        message.accessibleTextProperty().bind(viewModel.messageProperty());
        message.pseudoClassStateChanged(ERROR, viewModel.messageIsErrorProperty().get());
        viewModel.messageIsErrorProperty().addListener((obs, old, now) -> message.pseudoClassStateChanged(ERROR, now));
    }

    /** A column of the table, {@code ems} wide in the screen's text size (so a header is not cut at 200 %). */
    private void column(TableColumn<HandlingTimesViewModel.Row, String> column,
            Function<HandlingTimesViewModel.Row, String> value, double ems) {
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        column.prefWidthProperty().bind(Bindings.createDoubleBinding(() -> ems * summary.getFont().getSize(),
                summary.fontProperty()));
    }

    @FXML
    private void refresh() {
        viewModel.refresh();
    }

    @FXML
    private void close() {
        handlingRoot.getScene().getWindow().hide();
    }
}
