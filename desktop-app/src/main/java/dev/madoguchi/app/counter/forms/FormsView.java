package dev.madoguchi.app.counter.forms;

import static dev.madoguchi.app.counter.CounterNodes.wrap;

import dev.madoguchi.app.counter.CounterNodes;
import dev.madoguchi.app.counter.StepView;
import dev.madoguchi.app.counter.VisitCoordinator;
import dev.madoguchi.app.counter.VisitForm;
import dev.madoguchi.app.counter.VisitStep;
import dev.madoguchi.app.i18n.Messages;
import dev.madoguchi.forms.definition.FieldDefinition;
import dev.madoguchi.forms.prefill.Discrepancy;
import dev.madoguchi.forms.validation.Severity;
import dev.madoguchi.forms.validation.ValidationIssue;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.AccessibleAttribute;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/**
 * The forms step's panel (FormsView.fxml): one section per form with its fields, each value's source, other sources'
 * differing values and the validation messages. A corrected form replaces only its own section, so the focus stays in
 * the field. A refused preview is announced beside the button (the focus moves to the message, which a screen reader
 * reads); F8 moves the focus to the first field in error.
 */
public final class FormsView implements StepView {

    private final FormsViewModel viewModel;
    private final VisitCoordinator visit;
    private final Messages messages;

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
        boolean replacedOne = false;
        while (change.next()) {
            if (change.wasReplaced() && change.getFrom() + 1 == change.getTo()
                    && formsBox.getChildren().size() == viewModel.forms().size()) {
                replacedOne = true;
                int i = change.getFrom();
                String focusedKey = focusedKey(formsBox.getChildren().get(i));
                VBox section = formSection(i, viewModel.forms().get(i));
                formsBox.getChildren().set(i, section);
                restoreFocus(section, focusedKey);
            }
        }
        if (!replacedOne) {
            formsBox.getChildren().clear();
            for (int i = 0; i < viewModel.forms().size(); i++) {
                formsBox.getChildren().add(formSection(i, viewModel.forms().get(i)));
            }
        }
    }

    private VBox formSection(int index, VisitForm form) {
        VBox section = new VBox();
        section.getStyleClass().add("counter-form");
        Label heading = wrap(messages.get(form.printable() ? "counter.view.formReady" : "counter.view.formHasErrors",
                viewModel.title(form)));
        heading.getStyleClass().addAll("counter-subheading", form.printable() ? "counter-ok" : "counter-flag");
        section.getChildren().add(heading);
        for (ValidationIssue issue : form.issues()) {
            if (issue.fieldId() == null) {
                section.getChildren().add(issueLabel(issue));
            }
        }
        GridPane grid = new GridPane();
        grid.getStyleClass().add("counter-grid");
        int row = 0;
        for (FieldDefinition field : form.filled().fields()) {
            Label label = wrap(viewModel.text(field.label()));
            TextField value = new TextField(form.filled().text(field.id()));
            value.setId("form-" + index + "-" + field.id());
            value.setUserData(field.id());
            value.setPrefColumnCount(16);
            value.setMinWidth(Control.USE_PREF_SIZE);
            label.setLabelFor(value);
            Runnable commit = () -> viewModel.editField(index, field.id(), value.getText());
            value.setOnAction(e -> commit.run());
            value.focusedProperty().addListener((obs, was, now) -> {
                if (!now) {
                    commit.run();
                }
            });
            VBox notes = new VBox();
            notes.getChildren().add(wrap(form.filled().value(field.id())
                    .map(v -> messages.get("counter.view.source", viewModel.sourceText(v.source()))).orElse("")));
            for (Discrepancy d : form.filled().discrepancies()) {
                if (d.fieldId().equals(field.id())) {
                    Label other = wrap(messages.get("counter.view.otherSource", viewModel.sourceText(d.other()),
                            d.otherText()));
                    other.getStyleClass().add("counter-flag");
                    notes.getChildren().add(other);
                }
            }
            StringBuilder help = new StringBuilder();
            for (ValidationIssue issue : form.issuesOf(field.id())) {
                Label l = issueLabel(issue);
                notes.getChildren().add(l);
                help.append(help.length() == 0 ? "" : " ").append(l.getText());
            }
            value.setAccessibleHelp(help.length() == 0 ? null : help.toString()); // read with the field
            grid.addRow(row++, label, value, notes);
        }
        section.getChildren().add(grid);
        return section;
    }

    private Label issueLabel(ValidationIssue issue) {
        Label l = wrap(viewModel.issueText(issue));
        l.getStyleClass().add(issue.severity() == Severity.ERROR ? "counter-error" : "counter-flag");
        return l;
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
