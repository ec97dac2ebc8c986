package dev.madoguchi.app.shelter.roster;

import dev.madoguchi.app.counter.CounterNodes;
import dev.madoguchi.app.shelter.FileChoice;
import dev.madoguchi.app.shelter.present.FocusScroll;
import java.nio.file.Path;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;

/**
 * The 名簿 tab (RosterView.fxml): which list (職員用名簿 / 安否情報の回答用), PDF or CSV (with or without BOM), the file
 * (typed, or 参照…), 書き出す. Arrow keys move within a choice, Tab between them. The file name offered follows the
 * choice until the staff type their own. Binds and forwards.
 */
public final class RosterView {

    private final RosterViewModel viewModel;
    private Path offered;

    @FXML private ToggleGroup listGroup;
    @FXML private RadioButton staffRadio;
    @FXML private RadioButton safetyRadio;
    @FXML private ToggleGroup formatGroup;
    @FXML private RadioButton pdfRadio;
    @FXML private RadioButton csvRadio;
    @FXML private CheckBox bomCheck;
    @FXML private Label rosterFileLabel;
    @FXML private TextField rosterFileField;
    @FXML private Button rosterBrowseButton;
    @FXML private Button rosterWriteButton;
    @FXML private Label rosterErrorLabel;
    @FXML private Label rosterMessageLabel;
    @FXML private javafx.scene.layout.VBox rosterRoot;

    public RosterView(RosterViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        rosterFileLabel.setLabelFor(rosterFileField);
        rosterBrowseButton.setAccessibleText(viewModel.messages().get("shelter.roster.browse"));
        (viewModel.safetyAnswersProperty().get() ? safetyRadio : staffRadio).setSelected(true);
        (viewModel.pdfProperty().get() ? pdfRadio : csvRadio).setSelected(true);
        listGroup.selectedToggleProperty().addListener((obs, was, now) -> {
            viewModel.safetyAnswersProperty().set(now == safetyRadio);
            offer();
        });
        formatGroup.selectedToggleProperty().addListener((obs, was, now) -> {
            viewModel.pdfProperty().set(now == pdfRadio);
            offer();
        });
        viewModel.pdfProperty().addListener((obs, was, now) -> (now ? pdfRadio : csvRadio).setSelected(true));
        pdfRadio.disableProperty().bind(viewModel.pdfOfferedProperty().not());
        bomCheck.selectedProperty().bindBidirectional(viewModel.bomProperty());
        bomCheck.disableProperty().bind(viewModel.pdfProperty());
        rosterWriteButton.disableProperty().bind(viewModel.busyProperty());
        CounterNodes.bindText(rosterErrorLabel, viewModel.errorProperty());
        CounterNodes.bindText(rosterMessageLabel, viewModel.messageProperty());
        CounterNodes.collapseWhenEmpty(rosterErrorLabel);
        CounterNodes.collapseWhenEmpty(rosterMessageLabel);
        FocusScroll.follow(rosterRoot);
    }

    /** Offers the file name of the choice, unless the staff typed another. */
    private void offer() {
        Path typed = FileChoice.path(rosterFileField);
        if (typed == null || typed.equals(offered)) {
            offered = viewModel.suggestedFile();
            rosterFileField.setText(offered.toString());
        }
    }

    /** The tab is opened: a file name offered, the keyboard on the list's choice. */
    public void shown() {
        offer();
        (staffRadio.isSelected() ? staffRadio : safetyRadio).requestFocus();
    }

    @FXML
    private void browse() {
        boolean pdf = viewModel.pdfProperty().get();
        FileChoice.into(rosterFileField, true, rosterFileLabel.getText(), pdf ? "PDF" : "CSV", pdf ? "*.pdf" : "*.csv");
    }

    @FXML
    private void write() {
        viewModel.export(FileChoice.path(rosterFileField));
    }
}
