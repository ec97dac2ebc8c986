package dev.madoguchi.app.counter.print;

import static dev.madoguchi.app.counter.CounterNodes.wrap;

import dev.madoguchi.app.counter.CounterNodes;
import dev.madoguchi.app.counter.PrintOutcome;
import dev.madoguchi.app.counter.RenderedForm;
import dev.madoguchi.app.counter.StepView;
import dev.madoguchi.app.counter.VisitCoordinator;
import dev.madoguchi.app.counter.VisitStep;
import dev.madoguchi.app.i18n.Messages;
import java.io.ByteArrayInputStream;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

/** The print step's panels (PrintView.fxml), bound to {@link PrintViewModel}; one call per action. */
public final class PrintView implements StepView {

    private final PrintViewModel viewModel;
    private final VisitCoordinator visit;
    private final Messages messages;
    private final Map<VisitStep, Node> paneOf = new EnumMap<>(VisitStep.class);

    @FXML private VBox printRoot;
    @FXML private VBox previewPane;
    @FXML private VBox printingPane;
    @FXML private VBox printedPane;
    @FXML private VBox donePane;
    @FXML private FlowPane previewBox;
    @FXML private Button printButton;
    @FXML private Button backToFormsButton;
    @FXML private Label printingLabel;
    @FXML private Button retryStoreButton;
    @FXML private Label printedLabel;
    @FXML private Button storePrintedButton;
    @FXML private Button printAgainButton;
    @FXML private Label caseLabel;
    @FXML private VBox printedBox;
    @FXML private Button nextButton;
    @FXML private javafx.scene.layout.HBox printerRow;
    @FXML private Label printerLabel;
    @FXML private javafx.scene.control.ComboBox<String> printerBox;
    @FXML private Label printerNotice;

    public PrintView(PrintViewModel viewModel) {
        this.viewModel = viewModel;
        this.visit = viewModel.visit();
        this.messages = visit.messages();
    }

    @FXML
    private void initialize() {
        paneOf.put(VisitStep.PREVIEW, previewPane);
        paneOf.put(VisitStep.PRINTING, printingPane);
        paneOf.put(VisitStep.PRINTED, printedPane);
        paneOf.put(VisitStep.DONE, donePane);
        CounterNodes.bindText(printingLabel, visit.stepTextProperty());
        for (Button b : List.of(printButton, backToFormsButton, retryStoreButton, storePrintedButton,
                printAgainButton, nextButton)) {
            b.disableProperty().bind(visit.busyProperty());
        }
        retryStoreButton.visibleProperty().bind(Bindings.createBooleanBinding(
                () -> visit.stepProperty().get() == VisitStep.PRINTING && !visit.busyProperty().get()
                        && !visit.printed().isEmpty(), visit.stepProperty(), visit.busyProperty(),
                visit.printed()));
        retryStoreButton.managedProperty().bind(retryStoreButton.visibleProperty());
        CounterNodes.bindText(printedLabel, viewModel.printedTextProperty());
        storePrintedButton.accessibleTextProperty().bind(Bindings.concat(messages.get("counter.view.storePrinted"),
                "：", viewModel.printedTextProperty()));
        printAgainButton.accessibleTextProperty().bind(Bindings.concat(messages.get("counter.view.printAgain"),
                "：", viewModel.printedTextProperty()));
        visit.rendered().addListener((ListChangeListener<RenderedForm>) c -> showPreview());
        visit.printed().addListener((ListChangeListener<PrintOutcome>) c -> showPrinted());
        viewModel.caseIdProperty().addListener((obs, old, now) -> caseLabel.setText(now.isEmpty() ? ""
                : messages.get("counter.view.caseStored", PrintViewModel.caseNumber(java.util.UUID.fromString(now)))));
        show(visit.stepProperty().get());
        visit.stepProperty().addListener((obs, old, now) -> show(now));
        bindPrinters();
    }

    /** The printer chooser: shown when there are printers, the recorded one preselected; a gone one said. */
    private void bindPrinters() {
        printerLabel.setLabelFor(printerBox);
        printerBox.setItems(viewModel.printers());
        printerBox.valueProperty().bindBidirectional(viewModel.chosenPrinterProperty());
        printerBox.disableProperty().bind(visit.busyProperty());
        printerRow.visibleProperty().bind(Bindings.isNotEmpty(viewModel.printers()));
        printerRow.managedProperty().bind(printerRow.visibleProperty());
        CounterNodes.bindText(printerNotice, viewModel.printerNoticeProperty());
        printerNotice.visibleProperty().bind(viewModel.printerNoticeProperty().isNotEmpty());
        printerNotice.managedProperty().bind(printerNotice.visibleProperty());
    }

    private void show(VisitStep step) {
        CounterNodes.show(paneOf, step);
        printRoot.setVisible(paneOf.containsKey(step));
        printRoot.setManaged(paneOf.containsKey(step));
    }

    @Override
    public Node focusTarget(VisitStep step) {
        return switch (step) {
            case PREVIEW -> printButton;
            case PRINTED -> storePrintedButton;
            case DONE -> nextButton;
            case PRINTING -> retryStoreButton.isVisible() ? retryStoreButton : null;
            default -> null;
        };
    }

    private void showPreview() {
        previewBox.getChildren().clear();
        for (RenderedForm r : visit.rendered()) {
            VBox box = new VBox();
            box.getStyleClass().add("counter-preview-form");
            box.getChildren().add(wrap(messages.get("counter.view.previewForm",
                    r.form().filled().definition().title().in(messages.locale()), r.report().pages())));
            for (byte[] png : r.pagePngs()) {
                ImageView page = new ImageView(new Image(new ByteArrayInputStream(png)));
                page.setPreserveRatio(true);
                page.setFitWidth(300);
                page.setAccessibleText(messages.get("counter.view.previewPage"));
                box.getChildren().add(page);
            }
            previewBox.getChildren().add(box);
        }
    }

    private void showPrinted() {
        printedBox.getChildren().clear();
        for (PrintOutcome p : visit.printed()) {
            printedBox.getChildren().add(wrap(viewModel.printedText(p)));
        }
    }

    @FXML private void print() { viewModel.print(); }
    @FXML private void backToForms() { viewModel.backToForms(); }
    @FXML private void retryStore() { viewModel.retryStore(); }
    @FXML private void storePrinted() { viewModel.storePrinted(); }
    @FXML private void printAgain() { viewModel.printAgain(); }
    @FXML private void nextResident() { viewModel.nextResident(); }
}
