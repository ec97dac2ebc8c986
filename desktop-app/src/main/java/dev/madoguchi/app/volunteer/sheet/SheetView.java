package dev.madoguchi.app.volunteer.sheet;

import dev.madoguchi.app.volunteer.VolunteerNodes;
import java.io.ByteArrayInputStream;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

/** The sheet preview's controller: binds to {@link SheetViewModel}; no I/O, no decisions. */
public final class SheetView {

    private final SheetViewModel viewModel;

    @FXML private VBox previewPane;
    @FXML private FlowPane pagesBox;
    @FXML private Button printSheetButton;
    @FXML private Button closePreviewButton;
    @FXML private Label printedLabel;

    public SheetView(SheetViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        VolunteerNodes.showWhen(previewPane, viewModel.previewShownProperty());
        VolunteerNodes.bindText(printedLabel, viewModel.printedProperty());
        printSheetButton.disableProperty().bind(viewModel.session().busyProperty());
        viewModel.pages().addListener((ListChangeListener<byte[]>) c -> showPages());
    }

    private void showPages() {
        pagesBox.getChildren().clear();
        for (byte[] png : viewModel.pages()) {
            ImageView page = new ImageView(new Image(new ByteArrayInputStream(png)));
            page.setPreserveRatio(true);
            page.setFitWidth(420);
            page.getStyleClass().add("volunteer-sheet-page");
            pagesBox.getChildren().add(page);
        }
    }

    /** Where the keyboard goes when the preview opens. */
    public Node focusTarget() {
        return viewModel.previewShownProperty().get() ? printSheetButton : null;
    }

    @FXML
    private void print() {
        viewModel.print();
    }

    @FXML
    private void close() {
        viewModel.close();
    }
}
