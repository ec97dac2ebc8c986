package dev.madoguchi.app.counter.match;

import static dev.madoguchi.app.counter.CounterNodes.wrap;

import dev.madoguchi.app.i18n.Messages;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.ListChangeListener;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/**
 * The paper 転出証明書 typed at the counter, laid out as the certificate: its header items, then one line per person,
 * with a foreign national's items (国籍・地域, 在留資格, 在留期間 and its end, 在留カード等番号, the 30条の45 category) on a
 * second line shown while the person is marked 外国籍 (Space on the checkbox), and what is wrong with the row under it
 * (once: the summary under the certificate only counts the rows to fix and names what is wrong with the header).
 * Keyboard first: Tab goes through the items in the certificate's order, Enter in any item takes the certificate (or
 * moves the focus to the first item to fix), Escape leaves it. Every field is named for screen readers by its item and
 * row, and a row's fields carry its problems as their help text.
 */
final class PaperCertificateView {

    /** The header items' ids in the problems → the fields' ids. */
    private static final java.util.Map<String, String> HEADER_IDS = java.util.Map.of("fromMunicipality", "paper-from",
            "previousAddress", "paper-previousAddress", "previousHead", "paper-previousHead", "plannedMoveDate",
            "paper-planned");

    private final PaperCertificateViewModel viewModel;
    private final Messages messages;
    private final VBox box;
    private final ObservableBooleanValue busy;
    private final GridPane header = new GridPane();
    private final GridPane people = new GridPane();
    private final Label problems = new Label();

    PaperCertificateView(PaperCertificateViewModel viewModel, VBox box, ObservableBooleanValue busy) {
        this.viewModel = viewModel;
        this.messages = viewModel.messages();
        this.box = box;
        this.busy = busy;
        box.getStyleClass().add("counter-candidate");
        box.visibleProperty().bind(viewModel.enteringProperty());
        box.managedProperty().bind(box.visibleProperty());
        Label title = wrap(messages.get("counter.paper.title"));
        title.getStyleClass().add("counter-subheading");
        header.getStyleClass().add("counter-grid");
        people.getStyleClass().add("counter-grid");
        field(header, 0, "paper-from", "counter.paper.fromMunicipality", viewModel.fromMunicipalityProperty());
        field(header, 1, "paper-previousAddress", "counter.paper.previousAddress", viewModel.previousAddressProperty());
        field(header, 2, "paper-previousHead", "counter.paper.previousHead", viewModel.previousHeadProperty());
        field(header, 3, "paper-planned", "counter.paper.plannedMoveDate", viewModel.plannedMoveDateProperty());
        problems.setId("paper-problems");
        problems.setWrapText(true);
        problems.setMinHeight(Label.USE_PREF_SIZE);
        problems.getStyleClass().add("counter-flag");
        viewModel.problems().addListener((ListChangeListener<String>) c -> {
            problems.setText(String.join("\n", viewModel.problems()));
            problems.setVisible(!viewModel.problems().isEmpty());
        });
        problems.setVisible(false);
        problems.managedProperty().bind(problems.visibleProperty());
        Button add = button("paper-addRow", "counter.paper.addRow", viewModel::addRow);
        Button take = button("paper-submit", "counter.paper.submit", this::submit);
        Button cancel = button("paper-cancel", "counter.paper.cancel", viewModel::cancel);
        FlowPane buttons = new FlowPane(add, take, cancel);
        buttons.getStyleClass().add("counter-buttons");
        box.getChildren().setAll(title, header, wrap(messages.get("counter.paper.people")), people, problems,
                buttons);
        viewModel.rows().addListener((ListChangeListener<PaperCertificateViewModel.Row>) c -> showRows(c));
        box.setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ESCAPE) {
                viewModel.cancel();
                e.consume();
            }
        });
        viewModel.enteringProperty().addListener((obs, was, now) -> {
            if (now) {
                box.applyCss();
                header.getChildren().stream().filter(n -> n instanceof TextField).findFirst()
                        .ifPresent(javafx.scene.Node::requestFocus);
            }
        });
    }

    /** Takes the certificate, or moves the focus to the first item to fix (the summary says how many rows). */
    private void submit() {
        PaperCertificateProblem.Problem first = viewModel.submit() ? null : viewModel.firstProblem();
        if (first != null) {
            String id = first.row() == 0 ? HEADER_IDS.getOrDefault(first.item(), "paper-from")
                    : "paper-" + first.item() + "-" + first.row();
            javafx.scene.Node field = box.lookup("#" + id);
            if (field != null) {
                field.requestFocus();
            }
        }
    }

    private void showRows(ListChangeListener.Change<? extends PaperCertificateViewModel.Row> change) {
        boolean added = false;
        while (change.next()) {
            added |= change.wasAdded() && change.getFrom() > 0;
        }
        people.getChildren().clear();
        String[] keys = {"counter.paper.name", "counter.paper.nameKana", "counter.paper.birthDate",
                "counter.paper.sexLabel", "counter.paper.relationship", "counter.paper.residentCode"};
        for (int c = 0; c < keys.length; c++) {
            Label h = wrap(messages.get(keys[c]));
            h.getStyleClass().add("counter-grid-header");
            people.add(h, c + 1, 0);
        }
        int n = 0;
        TextField firstOfLast = null;
        for (PaperCertificateViewModel.Row row : viewModel.rows()) {
            n++;
            int line = 3 * n - 2; // the person's items, their foreign-resident items, what is wrong in the row
            people.add(new Label(String.valueOf(n)), 0, line);
            StringProperty[] values = {row.name, row.nameKana, row.birthDate, row.sex, row.relationship,
                    row.residentCode};
            String[] ids = {"name", "nameKana", "birthDate", "sex", "relationship", "residentCode"};
            for (int c = 0; c < values.length; c++) {
                TextField f = text("paper-" + ids[c] + "-" + n,
                        messages.get("counter.paper.row", n, messages.get(keys[c])), values[c]);
                f.setPrefColumnCount(c == 0 || c == 1 ? 12 : c == 3 ? 3 : 9);
                f.accessibleHelpProperty().bind(row.problemProperty()); // what is wrong, read with the item
                people.add(f, c + 1, line);
                if (c == 0) {
                    firstOfLast = f;
                }
            }
            CheckBox foreign = new CheckBox(messages.get("counter.paper.foreign"));
            foreign.setId("paper-foreign-" + n);
            foreign.setAccessibleText(messages.get("counter.paper.row", n, messages.get("counter.paper.foreign")));
            foreign.selectedProperty().bindBidirectional(row.foreign);
            foreign.disableProperty().bind(Bindings.createBooleanBinding(busy::get, busy));
            people.add(foreign, keys.length + 1, line);
            people.add(foreignItems(row, n), 1, line + 1, keys.length + 1, 1);
            Label problem = new Label();
            problem.setId("paper-problem-" + n);
            problem.setWrapText(true);
            problem.setMinHeight(Label.USE_PREF_SIZE);
            problem.getStyleClass().add("counter-flag");
            problem.textProperty().bind(row.problemProperty());
            problem.visibleProperty().bind(row.problemProperty().isNotEmpty());
            problem.managedProperty().bind(problem.visibleProperty());
            people.add(problem, 1, line + 2, keys.length + 1, 1);
        }
        if (added && firstOfLast != null) {
            firstOfLast.requestFocus();
        }
    }

    /** A foreign national's items (住基法30条の45), each with its label, shown while the row is marked foreign. */
    private FlowPane foreignItems(PaperCertificateViewModel.Row row, int n) {
        FlowPane items = new FlowPane();
        items.getStyleClass().add("counter-buttons");
        items.setId("paper-foreignItems-" + n);
        items.visibleProperty().bind(row.foreign);
        items.managedProperty().bind(items.visibleProperty());
        String[] ids = {"nationality", "residenceStatus", "periodOfStay", "stayExpiry", "residenceCardNumber"};
        String[] keys = {"counter.paper.nationality", "counter.paper.residenceStatus", "counter.paper.periodOfStay",
                "counter.paper.stayExpiry", "counter.paper.residenceCardNumber"};
        StringProperty[] values = {row.nationality, row.residenceStatus, row.periodOfStay, row.stayExpiry,
                row.residenceCardNumber};
        int[] columns = {10, 10, 6, 9, 12};
        for (int i = 0; i < ids.length; i++) {
            String name = messages.get("counter.paper.row", n, messages.get(keys[i]));
            TextField f = text("paper-" + ids[i] + "-" + n, name, values[i]);
            f.setPrefColumnCount(columns[i]);
            if (ids[i].equals("stayExpiry")) {
                f.setPromptText("2029-03-31");
            } else if (ids[i].equals("residenceCardNumber")) {
                f.setPromptText("AB12345678CD");
            }
            Label label = wrap(messages.get(keys[i]));
            label.setLabelFor(f);
            items.getChildren().addAll(label, f);
        }
        ComboBox<String> category = new ComboBox<>();
        category.setId("paper-foreignCategory-" + n);
        category.getItems().setAll(viewModel.foreignCategories());
        category.valueProperty().bindBidirectional(row.foreignCategory);
        category.setAccessibleText(messages.get("counter.paper.row", n, messages.get("counter.paper.foreignCategory")));
        category.disableProperty().bind(Bindings.createBooleanBinding(busy::get, busy));
        Label label = wrap(messages.get("counter.paper.foreignCategory"));
        label.setLabelFor(category);
        items.getChildren().addAll(label, category);
        return items;
    }

    private void field(GridPane grid, int row, String id, String key, StringProperty value) {
        Label label = wrap(messages.get(key));
        TextField f = text(id, messages.get(key), value);
        f.setPrefColumnCount(30);
        label.setLabelFor(f);
        grid.addRow(row, label, f);
    }

    private TextField text(String id, String name, StringProperty value) {
        TextField f = new TextField();
        f.setId(id);
        f.textProperty().bindBidirectional(value);
        f.setAccessibleText(name);
        f.setPromptText(id.contains("irthDate") || id.contains("planned") ? "2026-11-20" : null);
        f.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(busy::get, busy));
        f.setOnAction(e -> submit());
        return f;
    }

    private Button button(String id, String key, Runnable action) {
        Button b = new Button(messages.get(key));
        b.setId(id);
        b.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(busy::get, busy));
        b.setOnAction(e -> action.run());
        return b;
    }
}
