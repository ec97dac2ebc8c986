package dev.madoguchi.app.counter.forms;

import static dev.madoguchi.app.counter.CounterNodes.wrap;

import dev.madoguchi.app.counter.VisitForm;
import dev.madoguchi.app.i18n.Messages;
import dev.madoguchi.forms.definition.FieldDefinition;
import dev.madoguchi.forms.prefill.Discrepancy;
import dev.madoguchi.forms.validation.Severity;
import dev.madoguchi.forms.validation.ValidationIssue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/**
 * One form's part of the forms panel: a heading (printable or not), the form's own messages, and per field its label,
 * its text field, the value's source, other sources' differing values and the field's messages. A corrected form is
 * shown by {@link #update} in the same nodes: the text fields stay, so the focus never leaves the field the clerk is in
 * (and the panel has no reason to move).
 */
final class FormSection {

    private record Row(TextField value, VBox notes) {}

    private final FormsViewModel viewModel;
    private final Messages messages;
    private final VBox node = new VBox();
    private final Label heading = wrap("");
    private final VBox formIssues = new VBox();
    private final Map<String, Row> rows = new LinkedHashMap<>();

    FormSection(FormsViewModel viewModel, int index, VisitForm form) {
        this.viewModel = viewModel;
        this.messages = viewModel.visit().messages();
        node.getStyleClass().add("counter-form");
        heading.getStyleClass().add("counter-subheading");
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
            rows.put(field.id(), new Row(value, notes));
            grid.addRow(row++, label, value, notes);
        }
        node.getChildren().addAll(heading, formIssues, grid);
        show(form);
    }

    VBox node() {
        return node;
    }

    /**
     * Shows {@code form} (the same form, corrected) in these nodes; false when its fields are not the ones shown, and
     * the section must be made again. A field's text is left alone while it has the focus (the clerk may type on).
     */
    boolean update(VisitForm form) {
        List<String> ids = form.filled().fields().stream().map(FieldDefinition::id).toList();
        if (!ids.equals(List.copyOf(rows.keySet()))) {
            return false;
        }
        show(form);
        return true;
    }

    private void show(VisitForm form) {
        heading.setText(messages.get(form.printable() ? "counter.view.formReady" : "counter.view.formHasErrors",
                viewModel.title(form)));
        heading.getStyleClass().removeAll("counter-ok", "counter-flag");
        heading.getStyleClass().add(form.printable() ? "counter-ok" : "counter-flag");
        formIssues.getChildren().setAll(form.issues().stream().filter(i -> i.fieldId() == null)
                .map(this::issueLabel).toList());
        formIssues.setManaged(!formIssues.getChildren().isEmpty());
        rows.forEach((id, row) -> showField(form, id, row));
    }

    private void showField(VisitForm form, String id, Row row) {
        String text = form.filled().text(id);
        if (!row.value().isFocused() && !row.value().getText().equals(text)) {
            row.value().setText(text);
        }
        List<Label> notes = new java.util.ArrayList<>();
        notes.add(wrap(form.filled().value(id)
                .map(v -> messages.get("counter.view.source", viewModel.sourceText(v.source()))).orElse("")));
        for (Discrepancy d : form.filled().discrepancies()) {
            if (d.fieldId().equals(id)) {
                Label other = wrap(messages.get("counter.view.otherSource", viewModel.sourceText(d.other()),
                        d.otherText()));
                other.getStyleClass().add("counter-flag");
                notes.add(other);
            }
        }
        StringBuilder help = new StringBuilder();
        for (ValidationIssue issue : form.issuesOf(id)) {
            Label l = issueLabel(issue);
            notes.add(l);
            help.append(help.length() == 0 ? "" : " ").append(l.getText());
        }
        row.notes().getChildren().setAll(notes);
        row.value().setAccessibleHelp(help.length() == 0 ? null : help.toString()); // read with the field
    }

    private Label issueLabel(ValidationIssue issue) {
        Label l = wrap(viewModel.issueText(issue));
        l.getStyleClass().add(issue.severity() == Severity.ERROR ? "counter-error" : "counter-flag");
        return l;
    }
}
