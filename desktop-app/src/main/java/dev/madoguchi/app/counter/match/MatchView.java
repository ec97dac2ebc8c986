package dev.madoguchi.app.counter.match;

import static dev.madoguchi.app.counter.CounterNodes.wrap;

import dev.madoguchi.app.counter.CounterNodes;
import dev.madoguchi.app.counter.FieldComparison;
import dev.madoguchi.app.counter.MatchCandidate;
import dev.madoguchi.app.counter.MoveOutMatching;
import dev.madoguchi.app.counter.RegisterMatchService;
import dev.madoguchi.app.counter.StepView;
import dev.madoguchi.app.counter.VisitCoordinator;
import dev.madoguchi.app.counter.VisitStep;
import dev.madoguchi.app.i18n.Messages;
import dev.madoguchi.store.moveout.MoveOutRecord;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The match step's panel (MatchView.fxml): one card per candidate, field by field, each with its 確認 button. */
public final class MatchView implements StepView {

    private final MatchViewModel viewModel;
    private final VisitCoordinator visit;
    private final Messages messages;

    @FXML private VBox candidatesPane;
    @FXML private Label matchLabel;
    @FXML private HBox candidatesBox;
    @FXML private VBox moveOutsBox;
    @FXML private Button noMatchButton;
    @FXML private Button paperButton;
    @FXML private VBox paperBox;

    public MatchView(MatchViewModel viewModel) {
        this.viewModel = viewModel;
        this.visit = viewModel.visit();
        this.messages = visit.messages();
    }

    @FXML
    private void initialize() {
        CounterNodes.bindText(matchLabel, viewModel.matchTextProperty());
        noMatchButton.disableProperty().bind(visit.busyProperty());
        paperButton.disableProperty().bind(visit.busyProperty().or(viewModel.paper().enteringProperty()));
        new PaperCertificateView(viewModel.paper(), paperBox, visit.busyProperty());
        viewModel.candidates().addListener((ListChangeListener<MatchCandidate>) c -> showCandidates());
        viewModel.moveOuts().addListener((ListChangeListener<MoveOutRecord>) c -> showMoveOuts());
        show(visit.stepProperty().get());
        visit.stepProperty().addListener((obs, old, now) -> show(now));
    }

    private void show(VisitStep step) {
        candidatesPane.setVisible(step == VisitStep.CANDIDATES);
        candidatesPane.setManaged(step == VisitStep.CANDIDATES);
    }

    @Override
    public Node focusTarget(VisitStep step) {
        return step == VisitStep.CANDIDATES ? CounterNodes.firstFocusable(moveOutsBox,
                CounterNodes.firstFocusable(candidatesBox, noMatchButton)) : null;
    }

    private void showCandidates() {
        candidatesBox.getChildren().clear();
        int n = 0;
        for (MatchCandidate candidate : viewModel.candidates()) {
            n++;
            VBox card = new VBox();
            card.getStyleClass().add("counter-candidate");
            Label title = new Label(messages.get("counter.view.candidate", n,
                    RegisterMatchService.registerName(candidate.resident())));
            title.getStyleClass().add("counter-subheading");
            title.setWrapText(true);
            GridPane grid = new GridPane();
            grid.getStyleClass().add("counter-grid");
            grid.addRow(0, header("counter.view.field"), header("counter.view.presented"),
                    header("counter.view.register"), header("counter.view.comparison"));
            int row = 1;
            for (FieldComparison c : candidate.comparisons()) {
                Label match = wrap(viewModel.matchText(c.match()));
                match.getStyleClass().add(c.flagged() ? "counter-flag" : c.match().agrees() ? "counter-ok" : "counter-plain");
                Label fieldName = wrap(viewModel.fieldText(c.field()));
                fieldName.setMinWidth(Control.USE_PREF_SIZE);
                grid.addRow(row++, fieldName, wrap(nullToDash(c.presentedText())),
                        wrap(nullToDash(c.registerText())), match);
            }
            Button confirm = new Button(messages.get("counter.view.confirm", n));
            confirm.setId("confirm-" + n);
            confirm.disableProperty().bind(visit.busyProperty());
            confirm.setOnAction(e -> viewModel.confirmCandidate(candidate));
            card.getChildren().addAll(title, grid, confirm);
            candidatesBox.getChildren().add(card);
        }
        if (visit.stepProperty().get() == VisitStep.CANDIDATES) {
            Node first = focusTarget(VisitStep.CANDIDATES);
            if (first != null && !first.isDisabled()) {
                first.requestFocus();
            }
        }
    }

    /** One card per move-out record: where from, 従前の住所, the planned date, who moves; its button takes it. */
    private void showMoveOuts() {
        moveOutsBox.getChildren().clear();
        int n = 0;
        for (MoveOutRecord record : viewModel.moveOuts()) {
            n++;
            VBox card = new VBox();
            card.getStyleClass().add("counter-candidate");
            Label title = wrap(messages.get("counter.view.moveOut", n, record.fromMunicipality(),
                    record.members().size()));
            title.getStyleClass().add("counter-subheading");
            card.getChildren().addAll(title, wrap(messages.get("counter.view.moveOutAddress", record.previousAddress())),
                    wrap(messages.get("counter.view.moveOutPlanned", record.plannedMoveDate())));
            record.members().forEach(m -> card.getChildren().add(wrap(messages.get("counter.view.mover",
                    MoveOutMatching.name(m), m.relationship()))));
            Button take = new Button(messages.get("counter.view.confirmMoveOut", n));
            take.setId("confirmMoveOut-" + n);
            take.disableProperty().bind(visit.busyProperty());
            take.setOnAction(e -> viewModel.confirmMoveOut(record));
            card.getChildren().add(take);
            moveOutsBox.getChildren().add(card);
        }
        moveOutsBox.setVisible(n > 0);
        moveOutsBox.setManaged(n > 0);
    }

    private Label header(String key) {
        Label l = wrap(messages.get(key));
        l.setMinWidth(Control.USE_PREF_SIZE);
        l.getStyleClass().add("counter-grid-header");
        return l;
    }

    private static String nullToDash(String s) {
        return s == null || s.isEmpty() ? "—" : s;
    }

    @FXML private void continueWithoutRegister() { viewModel.continueWithoutRegister(); }

    @FXML private void enterPaperCertificate() { viewModel.paper().start(); }
}
