package dev.madoguchi.app.counter.trust;

import dev.madoguchi.app.counter.ResidenceTrustSettings.Facts;
import dev.madoguchi.app.scroll.UncachedViewport;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;

/** The trust anchors window's controller: binds to {@link TrustAnchorsViewModel} and forwards the buttons. */
public final class TrustAnchorsView {

    private final TrustAnchorsViewModel viewModel;

    @FXML private ScrollPane trustScroll;
    @FXML private Label listLabel;
    @FXML private ListView<Facts> anchorList;
    @FXML private Button removeButton;
    @FXML private VBox confirmPane;
    @FXML private Label confirmText;
    @FXML private Button confirmRemoveButton;
    @FXML private Button cancelRemoveButton;
    @FXML private Label message;

    public TrustAnchorsView(TrustAnchorsViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        UncachedViewport.keep(trustScroll); // no offscreen image of the viewport (UncachedViewport)
        listLabel.setLabelFor(anchorList);
        anchorList.setItems(viewModel.anchors());
        anchorList.setCellFactory(list -> new ListCell<>() {
            {
                setWrapText(true); // a long subject wraps instead of scrolling sideways
                setPrefWidth(0);
            }

            @Override
            protected void updateItem(Facts item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : viewModel.rowText(item));
                setAccessibleText(getText());
            }
        });
        anchorList.getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> {
            if (now != null) {
                viewModel.selectedProperty().set(now);
            }
        });
        viewModel.selectedProperty().addListener((obs, was, now) -> {
            if (now != anchorList.getSelectionModel().getSelectedItem()) {
                anchorList.getSelectionModel().select(now);
            }
        });
        removeButton.disableProperty().bind(viewModel.selectedProperty().isNull().or(viewModel.busyProperty())
                .or(viewModel.confirmingProperty()));
        confirmPane.visibleProperty().bind(viewModel.confirmingProperty());
        confirmPane.managedProperty().bind(viewModel.confirmingProperty());
        confirmText.textProperty().bind(viewModel.confirmationProperty());
        confirmText.accessibleTextProperty().bind(viewModel.confirmationProperty());
        confirmRemoveButton.disableProperty().bind(viewModel.busyProperty());
        message.textProperty().bind(viewModel.messageProperty());
        message.accessibleTextProperty().bind(viewModel.messageProperty());
        viewModel.confirmingProperty().addListener((obs, was, now) -> {
            if (now) {
                cancelRemoveButton.requestFocus(); // the safe choice has the focus; Tab reaches 削除する
            } else {
                anchorList.requestFocus();
            }
        });
    }

    @FXML
    private void askRemove() {
        viewModel.askRemove();
    }

    @FXML
    private void confirmRemove() {
        viewModel.confirmRemove();
    }

    @FXML
    private void cancelRemove() {
        viewModel.cancelRemove();
    }

    @FXML
    private void close() {
        anchorList.getScene().getWindow().hide();
    }
}
