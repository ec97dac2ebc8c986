package dev.madoguchi.app.counter.screen;

import dev.madoguchi.app.counter.CaseListViewModel;
import dev.madoguchi.app.counter.CaseSummary;
import dev.madoguchi.app.counter.CounterNodes;
import dev.madoguchi.app.counter.StepView;
import dev.madoguchi.app.counter.VisitCoordinator;
import dev.madoguchi.app.counter.VisitStep;
import dev.madoguchi.app.counter.drafts.DraftsView;
import dev.madoguchi.app.counter.forms.FormsView;
import dev.madoguchi.app.counter.identify.IdentifyView;
import dev.madoguchi.app.counter.match.MatchView;
import dev.madoguchi.app.counter.plan.PlanView;
import dev.madoguchi.app.counter.print.PrintView;
import dev.madoguchi.app.scroll.UncachedViewport;
import java.util.List;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.VBox;

/**
 * The clerk's counter screen (CounterView.fxml): the step, the error and the message of the visit, the step views
 * (each shows its own panels), 取消 and today's visits. After each change of step — and when the visit is no longer
 * busy — the focus goes to the step's first control; the focused control is kept in view, and in place when the
 * content above it changes; PageUp and PageDown scroll the panel. No I/O, no threads, no decisions.
 */
public final class CounterView {

    private final CounterSteps steps;
    private final VisitCoordinator visit;
    private final CaseListViewModel caseList;

    @FXML private ScrollPane panelScroll;
    @FXML private VBox counterContent;
    @FXML private Label stepLabel;
    @FXML private Label errorLabel;
    @FXML private Label messageLabel;
    @FXML private Button cancelButton;
    @FXML private DraftsView draftsController;
    @FXML private IdentifyView identifyController;
    @FXML private MatchView matchController;
    @FXML private PlanView planController;
    @FXML private FormsView formsController;
    @FXML private PrintView printController;
    @FXML private TitledPane casesPane;
    @FXML private Label caseSearchLabel;
    @FXML private TextField caseSearchField;
    @FXML private ListView<CaseSummary> casesList;
    @FXML private Button refreshCasesButton;
    @FXML private Button reprintButton;
    @FXML private Label casesMessage;
    @FXML private Label casesError;

    private final javafx.beans.value.ChangeListener<Node> followFocus = (o, was, now) -> scrollIntoView(now);
    private final Runnable afterLayout = this::afterLayout;
    /** The focused control after the last layout, where it was in the panel, and the panel's content height then. */
    private Node anchor;
    private double anchorY;
    private double anchorContentHeight;

    public CounterView(CounterSteps steps, CaseListViewModel caseList) {
        this.steps = steps;
        this.visit = steps.visit();
        this.caseList = caseList;
    }

    @FXML
    private void initialize() {
        UncachedViewport.keep(panelScroll); // no offscreen image of the viewport (UncachedViewport)
        CounterNodes.bindText(stepLabel, visit.stepTextProperty());
        CounterNodes.bindText(errorLabel, visit.errorProperty());
        CounterNodes.bindText(messageLabel, visit.messageProperty());
        CounterNodes.collapseWhenEmpty(errorLabel);
        CounterNodes.collapseWhenEmpty(messageLabel);
        cancelButton.disableProperty().bind(visit.busyProperty());
        cancelButton.visibleProperty().bind(visit.stepProperty().isNotEqualTo(VisitStep.WAITING_FOR_CARD)
                .and(visit.stepProperty().isNotEqualTo(VisitStep.DONE))
                .and(visit.stepProperty().isNotEqualTo(VisitStep.PRINTING)));
        cancelButton.managedProperty().bind(cancelButton.visibleProperty());
        draftsController.onRowsChanged(() -> {
            if (visit.stepProperty().get() == VisitStep.WAITING_FOR_CARD) {
                focusFirst(VisitStep.WAITING_FOR_CARD); // the newest draft's 再開, or 手入力 when none is left
            }
        });
        initializeCaseList();
        counterContent.sceneProperty().addListener((obs, old, scene) -> {
            if (old != null) {
                old.focusOwnerProperty().removeListener(followFocus);
                old.removePostLayoutPulseListener(afterLayout);
            }
            if (scene != null) {
                scene.focusOwnerProperty().addListener(followFocus);
                scene.addPostLayoutPulseListener(afterLayout);
            }
        });
        panelScroll.addEventFilter(KeyEvent.KEY_PRESSED, this::pageKeys);
        focusFirst(visit.stepProperty().get());
        visit.stepProperty().addListener((obs, old, now) -> focusFirst(now));
        visit.busyProperty().addListener((obs, old, busy) -> {
            if (!busy) {
                focusFirst(visit.stepProperty().get());
            }
        });
    }

    private void initializeCaseList() {
        caseSearchLabel.setLabelFor(caseSearchField);
        caseSearchField.textProperty().bindBidirectional(caseList.queryProperty());
        casesList.setItems(caseList.cases());
        casesList.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(CaseSummary item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : caseList.describe(item));
                setWrapText(true);
            }
        });
        CounterNodes.bindText(casesMessage, caseList.messageProperty());
        CounterNodes.bindText(casesError, caseList.errorProperty());
        CounterNodes.collapseWhenEmpty(casesMessage);
        CounterNodes.collapseWhenEmpty(casesError);
        refreshCasesButton.disableProperty().bind(caseList.busyProperty());
        reprintButton.disableProperty().bind(caseList.busyProperty()
                .or(casesList.getSelectionModel().selectedItemProperty().isNull()));
        casesPane.expandedProperty().addListener((obs, was, open) -> {
            if (open) {
                caseList.refresh();
            }
        });
        steps.print().caseIdProperty().addListener((obs, old, now) -> {
            if (!now.isEmpty() && casesPane.isExpanded()) {
                caseList.refresh();
            }
        });
    }

    /** The logical first control of the step, so the visit goes on from the keyboard. */
    private void focusFirst(VisitStep step) {
        for (StepView view : List.of(draftsController, identifyController, matchController, planController,
                formsController, printController)) {
            Node target = view.focusTarget(step);
            if (target != null) {
                if (!target.isDisabled()) {
                    target.requestFocus();
                }
                return;
            }
        }
    }

    /** PageUp / PageDown scroll the panel by a screenful (a list or an open choice keeps its own). */
    private void pageKeys(KeyEvent e) {
        if (e.getCode() != KeyCode.PAGE_UP && e.getCode() != KeyCode.PAGE_DOWN) {
            return;
        }
        Node owner = panelScroll.getScene() == null ? null : panelScroll.getScene().getFocusOwner();
        if (owner instanceof ListView<?> || owner instanceof javafx.scene.control.ComboBoxBase<?> box && box.isShowing()) {
            return;
        }
        double contentHeight = counterContent.getBoundsInLocal().getHeight();
        double viewport = panelScroll.getViewportBounds().getHeight();
        if (contentHeight > viewport) {
            double step = viewport * 0.9 / (contentHeight - viewport);
            double now = panelScroll.getVvalue() + (e.getCode() == KeyCode.PAGE_DOWN ? step : -step);
            panelScroll.setVvalue(Math.max(0, Math.min(1, now)));
        }
        e.consume();
    }

    /** Keeps the focused control visible when the keyboard moves the focus below or above the visible part. */
    private void scrollIntoView(Node focused) {
        if (focused == null || !CounterNodes.inside(focused, counterContent)) {
            return;
        }
        double contentHeight = counterContent.getBoundsInLocal().getHeight();
        double viewport = panelScroll.getViewportBounds().getHeight();
        if (contentHeight <= viewport) {
            return;
        }
        var bounds = counterContent.sceneToLocal(focused.localToScene(focused.getBoundsInLocal()));
        double top = panelScroll.getVvalue() * (contentHeight - viewport);
        double target = top;
        if (bounds.getMinY() < top) {
            target = bounds.getMinY();
        } else if (bounds.getMaxY() > top + viewport) {
            target = bounds.getMaxY() - viewport;
        }
        panelScroll.setVvalue(Math.max(0, Math.min(1, target / (contentHeight - viewport))));
    }

    /**
     * After each layout: when the content changed height under the control the clerk was on (a form turned printable,
     * a message came or went), the panel scrolls so that control stays where it was on screen; then a newly focused
     * control is brought into view with its laid-out bounds (a message that just appeared has none before).
     */
    private void afterLayout() {
        Node focused = panelScroll.getScene() == null ? null : panelScroll.getScene().getFocusOwner();
        if (focused == null || !CounterNodes.inside(focused, counterContent)) {
            anchor = null;
            return;
        }
        double height = counterContent.getLayoutBounds().getHeight();
        if (anchor != null && height != anchorContentHeight && shown(anchor)) {
            double drift = yInPanel(anchor) - anchorY;
            double range = height - panelScroll.getViewportBounds().getHeight();
            if (Math.abs(drift) > 0.5 && range > 0) {
                double top = panelScroll.getVvalue() * range + drift;
                panelScroll.setVvalue(Math.max(0, Math.min(1, top / range)));
            }
        }
        if (focused != anchor) {
            scrollIntoView(focused);
        }
        anchor = focused;
        anchorY = yInPanel(focused);
        anchorContentHeight = height;
    }

    private double yInPanel(Node node) {
        return node.localToScene(node.getLayoutBounds()).getMinY()
                - panelScroll.localToScene(panelScroll.getLayoutBounds()).getMinY();
    }

    /** Whether the node is still in the panel and shown (it and every parent visible). */
    private boolean shown(Node node) {
        if (!CounterNodes.inside(node, counterContent)) {
            return false;
        }
        for (Node n = node; n != null && n != counterContent; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    /** The step views, for the keys that reach into them (F8 in the forms). */
    FormsView forms() {
        return formsController;
    }

    @FXML private void cancelVisit() { visit.cancelVisit(); }
    @FXML private void refreshCases() { caseList.refresh(); }
    @FXML private void reprint() { caseList.reprint(casesList.getSelectionModel().getSelectedItem()); }
}
