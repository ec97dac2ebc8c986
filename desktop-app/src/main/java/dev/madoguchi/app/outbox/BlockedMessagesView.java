package dev.madoguchi.app.outbox;

import dev.madoguchi.app.scroll.UncachedViewport;
import java.io.File;
import java.util.ResourceBundle;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/** The blocked-messages screen's controller: binds controls to {@link BlockedMessagesViewModel}, forwards events. */
public final class BlockedMessagesView {

    private static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");

    private final BlockedMessagesViewModel viewModel;

    @FXML private ScrollPane blockedScroll;
    @FXML private ResourceBundle resources;
    @FXML private VBox blockedRoot;
    @FXML private ListView<BlockedMessagesViewModel.Row> list;
    @FXML private Label detail;
    @FXML private Button retryButton;
    @FXML private Button exportButton;
    @FXML private Button refreshButton;
    @FXML private Button discardButton;
    @FXML private TextField reasonField;
    @FXML private Label reasonLabel;
    @FXML private Label listLabel;
    @FXML private Label outcome;

    public BlockedMessagesView(BlockedMessagesViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        UncachedViewport.keep(blockedScroll); // no offscreen image of the viewport (UncachedViewport)
        // FXML cannot refer forward to a control, so the labels are tied to their controls here
        listLabel.setLabelFor(list);
        reasonLabel.setLabelFor(reasonField);
        list.setItems(viewModel.rowsProperty());
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                viewModel.selectedProperty().set(now);
            }
        });
        viewModel.selectedProperty().addListener((obs, old, now) -> {
            if (now != list.getSelectionModel().getSelectedItem()) {
                list.getSelectionModel().select(now);
            }
        });
        detail.textProperty().bind(viewModel.detailProperty());
        detail.accessibleTextProperty().bind(viewModel.detailProperty());
        reasonField.textProperty().bindBidirectional(viewModel.reasonProperty());
        outcome.textProperty().bind(viewModel.outcomeProperty());
        outcome.accessibleTextProperty().bind(viewModel.outcomeProperty());
        outcome.pseudoClassStateChanged(ERROR, viewModel.outcomeIsErrorProperty().get());
        viewModel.outcomeIsErrorProperty().addListener((obs, old, now) -> outcome.pseudoClassStateChanged(ERROR, now));
        var nothingChosen = viewModel.selectedProperty().isNull().or(viewModel.busyProperty());
        retryButton.disableProperty().bind(nothingChosen);
        exportButton.disableProperty().bind(nothingChosen);
        discardButton.disableProperty().bind(nothingChosen);
        refreshButton.disableProperty().bind(viewModel.busyProperty());
    }

    @FXML
    private void retry() {
        viewModel.retrySelected();
    }

    @FXML
    private void discard() {
        String reason = viewModel.reasonProperty().get();
        viewModel.discardSelected();
        if (reason == null || reason.isBlank()) {
            reasonField.requestFocus(); // a discard needs a reason: the cursor goes where it is typed
        }
    }

    @FXML
    private void export() {
        BlockedMessagesViewModel.Row row = viewModel.selectedProperty().get();
        if (row == null) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle(resources.getString("status.blocked.export.chooser"));
        chooser.setInitialFileName("outbox-" + row.message().id() + ".json");
        File chosen = chooser.showSaveDialog(blockedRoot.getScene().getWindow());
        if (chosen != null) {
            viewModel.exportSelected(chosen.toPath());
        }
    }

    @FXML
    private void refresh() {
        viewModel.refresh();
    }

    @FXML
    private void close() {
        blockedRoot.getScene().getWindow().hide();
    }
}
