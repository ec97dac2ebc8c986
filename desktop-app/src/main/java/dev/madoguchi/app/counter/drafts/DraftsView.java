package dev.madoguchi.app.counter.drafts;

import static dev.madoguchi.app.counter.CounterNodes.wrap;

import dev.madoguchi.app.counter.CounterNodes;
import dev.madoguchi.app.counter.StepView;
import dev.madoguchi.app.counter.VisitCoordinator;
import dev.madoguchi.app.counter.VisitStep;
import dev.madoguchi.app.i18n.Messages;
import dev.madoguchi.store.drafts.VisitDraft;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

/**
 * The offered drafts (DraftsView.fxml), shown above the waiting panel: one row per draft with 再開 and 破棄, each
 * button named with the draft's step and time. When its rows change, the screen moves the focus
 * ({@link #onRowsChanged}).
 */
public final class DraftsView implements StepView {

    private final DraftsViewModel viewModel;
    private final VisitCoordinator visit;
    private final Messages messages;
    private Runnable rowsChanged = () -> { };

    @FXML private VBox draftBox;
    @FXML private Label draftLabel;
    @FXML private VBox draftList;

    public DraftsView(DraftsViewModel viewModel) {
        this.viewModel = viewModel;
        this.visit = viewModel.visit();
        this.messages = visit.messages();
    }

    @FXML
    private void initialize() {
        draftBox.getStyleClass().add("counter-pane"); // the padding of the waiting panel it stands above
        CounterNodes.bindText(draftLabel, viewModel.draftTextProperty());
        draftBox.visibleProperty().bind(Bindings.isNotEmpty(viewModel.offeredDrafts()));
        draftBox.managedProperty().bind(draftBox.visibleProperty());
        viewModel.offeredDrafts().addListener((ListChangeListener<VisitDraft>) c -> {
            showDrafts();
            rowsChanged.run();
        });
    }

    /** Runs after the rows changed (the newest draft's 再開 takes the focus, or 手入力 when none is left). */
    public void onRowsChanged(Runnable then) {
        this.rowsChanged = then;
    }

    @Override
    public Node focusTarget(VisitStep step) {
        return step == VisitStep.WAITING_FOR_CARD && draftBox.isVisible()
                ? CounterNodes.firstFocusable(draftList, null) : null;
    }

    private void showDrafts() {
        draftList.getChildren().clear();
        int n = 0;
        for (VisitDraft draft : viewModel.offeredDrafts()) {
            n++;
            String what = viewModel.draftText(draft);
            Label label = wrap(what);
            Button resume = new Button(messages.get("counter.view.resumeDraft"));
            resume.setId("resumeDraft-" + n);
            resume.setAccessibleText(messages.get("counter.view.resumeDraft") + "：" + what);
            resume.disableProperty().bind(visit.busyProperty());
            resume.setOnAction(e -> viewModel.resumeDraft(draft));
            Button discard = new Button(messages.get("counter.view.discardDraft"));
            discard.setId("discardDraft-" + n);
            discard.setAccessibleText(messages.get("counter.view.discardDraft") + "：" + what);
            discard.disableProperty().bind(visit.busyProperty());
            discard.setOnAction(e -> viewModel.discardOfferedDraft(draft));
            FlowPane row = new FlowPane(label, resume, discard);
            row.getStyleClass().add("counter-buttons");
            draftList.getChildren().add(row);
        }
    }
}
