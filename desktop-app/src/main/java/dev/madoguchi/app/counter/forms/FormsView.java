package dev.madoguchi.app.counter.forms;

import dev.madoguchi.app.counter.CounterNodes;
import dev.madoguchi.app.counter.StepView;
import dev.madoguchi.app.counter.VisitCoordinator;
import dev.madoguchi.app.counter.VisitForm;
import dev.madoguchi.app.counter.VisitStep;
import dev.madoguchi.app.i18n.Messages;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.AccessibleAttribute;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.VBox;

/**
 * The forms step's panel (FormsView.fxml): one section per form with its fields, each value's source, other sources'
 * differing values and the validation messages ({@link FormSection}). A corrected form is shown in its own section's
 * nodes, so the focus stays in the field and the panel does not move. A refused preview is announced beside the button (the focus moves to the message, which a screen reader
 * reads); F8 moves the focus to the first field in error.
 */
public final class FormsView implements StepView {

    private final FormsViewModel viewModel;
    private final VisitCoordinator visit;
    private final Messages messages;

    private final java.util.List<FormSection> sections = new java.util.ArrayList<>();

    @FXML private VBox formsPane;
    @FXML private VBox formsBox;
    @FXML private Label formsErrorLabel;
    @FXML private Button previewButton;
    @FXML private Button backToProceduresButton;

    public FormsView(FormsViewModel viewModel) {
        this.viewModel = viewModel;
        this.visit = viewModel.visit();
        this.messages = visit.messages();
    }

    @FXML
    private void initialize() {
        previewButton.disableProperty().bind(visit.busyProperty());
        backToProceduresButton.disableProperty().bind(visit.busyProperty());
        formsErrorLabel.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> visit.stepProperty().get() == VisitStep.FORMS && !visit.errorProperty().get().isEmpty()
                        ? visit.errorProperty().get() + (viewModel.firstError().isPresent()
                                ? "　" + messages.get("counter.view.errorJump") : "") : "",
                visit.errorProperty(), visit.stepProperty(), visit.materialProperty()));
        formsErrorLabel.accessibleTextProperty().bind(formsErrorLabel.textProperty());
        CounterNodes.collapseWhenEmpty(formsErrorLabel);
        formsErrorLabel.visibleProperty().addListener((obs, was, shown) -> {
            if (shown && visit.stepProperty().get() == VisitStep.FORMS && !CounterNodes.inside(focusOwner(), formsBox)) {
                formsErrorLabel.requestFocus(); // said where the clerk is (the preview button), and read out
                formsErrorLabel.notifyAccessibleAttributeChanged(AccessibleAttribute.TEXT);
            }
        });
        formsPane.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.F8) {
                jumpToFirstError();
                e.consume();
            }
        });
        viewModel.forms().addListener(this::formsChanged);
        show(visit.stepProperty().get());
        visit.stepProperty().addListener((obs, old, now) -> show(now));
    }

    private void show(VisitStep step) {
        formsPane.setVisible(step == VisitStep.FORMS);
        formsPane.setManaged(step == VisitStep.FORMS);
    }

    private Node focusOwner() {
        return formsPane.getScene() == null ? null : formsPane.getScene().getFocusOwner();
    }

    /** F8: the focus goes to the first field with an error (it scrolls into view with the focus). */
    public void jumpToFirstError() {
        viewModel.firstError().ifPresent(ref -> {
            Node field = formsBox.lookup("#form-" + ref.formIndex() + "-" + ref.fieldId());
            if (field != null) {
                field.requestFocus();
            }
        });
    }

    @Override
    public Node focusTarget(VisitStep step) {
        if (step != VisitStep.FORMS) {
            return null;
        }
        return formsBox.getScene() != null && CounterNodes.inside(formsBox.getScene().getFocusOwner(), formsPane)
                ? null : CounterNodes.firstFocusable(formsBox, previewButton);
    }

    private void formsChanged(ListChangeListener.Change<? extends VisitForm> change) {
        boolean shownInPlace = false;
        while (change.next()) {
            if (change.wasReplaced() && change.getFrom() + 1 == change.getTo()
                    && sections.size() == viewModel.forms().size()) {
                int i = change.getFrom();
                shownInPlace = true;
                if (!sections.get(i).update(viewModel.forms().get(i))) { // other fields: made again
                    String focusedKey = focusedKey(sections.get(i).node());
                    sections.set(i, new FormSection(viewModel, i, viewModel.forms().get(i)));
                    formsBox.getChildren().set(i, sections.get(i).node());
                    restoreFocus(sections.get(i).node(), focusedKey);
                }
            }
        }
        if (!shownInPlace) {
            sections.clear();
            for (int i = 0; i < viewModel.forms().size(); i++) {
                sections.add(new FormSection(viewModel, i, viewModel.forms().get(i)));
            }
            formsBox.getChildren().setAll(sections.stream().map(FormSection::node).toList());
        }
    }

    private static String focusedKey(Node section) {
        Node owner = section.getScene() == null ? null : section.getScene().getFocusOwner();
        return owner != null && CounterNodes.inside(owner, section) && owner.getUserData() instanceof String key
                ? key : null;
    }

    private static void restoreFocus(Parent section, String key) {
        if (key == null) {
            return;
        }
        for (Node n : section.lookupAll(".text-field")) {
            if (key.equals(n.getUserData())) {
                n.requestFocus();
                return;
            }
        }
    }

    @FXML private void preview() { viewModel.preview(); }
    @FXML private void backToProcedures() { viewModel.backToProcedures(); }
}
