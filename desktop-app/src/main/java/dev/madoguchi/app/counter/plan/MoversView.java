package dev.madoguchi.app.counter.plan;

import static dev.madoguchi.app.counter.CounterNodes.wrap;

import dev.madoguchi.app.i18n.Messages;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.ListChangeListener;
import javafx.collections.SetChangeListener;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * Who moves, inside the plan view's life-event panel (no FXML of its own): one checkbox per household member with
 * the 続柄 — the person at the counter checked and disabled — then what the choice does to the household in words
 * and, when the head leaves, the choice of the new 世帯主 of those who stay; for a 転入 or a 転居 whose former 世帯主
 * stays behind, the choice of the 世帯主 among the movers, and a field for each mover whose 続柄 to that 世帯主 the
 * register does not decide; for a 転入 or a 転居, a checkbox for joining a household that exists here (世帯合併) with
 * a field for its 世帯主 — the 続柄 fields then ask every mover's 続柄 to that 世帯主. A checkbox's state is the choice,
 * however it was changed (Space, mouse).
 */
final class MoversView {

    private final MoversViewModel viewModel;
    private final Messages messages;
    private final VBox box;
    private final ObservableBooleanValue busy;
    private final Map<String, CheckBox> checkboxes = new LinkedHashMap<>();
    private final VBox words = new VBox();
    private final ComboBox<MoversViewModel.Member> remainingHead = new ComboBox<>();
    private final Label remainingHeadLabel;
    private final ComboBox<MoversViewModel.Member> newHead = new ComboBox<>();
    private final Label newHeadLabel;
    private final VBox asks = new VBox();
    private final Map<MoversViewModel.Ask, Label> askLabels = new LinkedHashMap<>();
    private final CheckBox join = new CheckBox();
    private final Label joinHeadLabel;
    private final TextField joinHead = new TextField();

    MoversView(MoversViewModel viewModel, Messages messages, VBox box, ObservableBooleanValue busy) {
        this.viewModel = viewModel;
        this.messages = messages;
        this.box = box;
        this.busy = busy;
        remainingHeadLabel = wrap(messages.get("counter.view.remainingHead"));
        remainingHeadLabel.setLabelFor(remainingHead);
        remainingHead.setId("remainingHead");
        remainingHead.setAccessibleText(messages.get("counter.view.remainingHead"));
        remainingHead.setConverter(converter());
        remainingHead.getItems().setAll(viewModel.staying());
        remainingHead.valueProperty().addListener((obs, old, now) -> {
            if (now != null) {
                viewModel.chooseRemainingHead(now.code());
            }
        });
        remainingHead.disableProperty().bind(busy);
        newHeadLabel = wrap(viewModel.newHeadLabelProperty().get());
        newHeadLabel.textProperty().bind(viewModel.newHeadLabelProperty());
        newHeadLabel.setLabelFor(newHead);
        newHead.setId("newHouseholdHead");
        newHead.accessibleTextProperty().bind(viewModel.newHeadLabelProperty());
        newHead.setConverter(converter());
        newHead.getItems().setAll(viewModel.moving());
        newHead.valueProperty().addListener((obs, old, now) -> {
            if (now != null) {
                viewModel.chooseNewHead(now.code());
            }
        });
        newHead.disableProperty().bind(busy);
        join.setText(messages.get("counter.view.joinHousehold"));
        join.setId("joinHousehold");
        join.setAccessibleText(join.getText());
        join.setWrapText(true);
        join.disableProperty().bind(busy);
        join.selectedProperty().addListener((obs, old, now) -> {
            viewModel.setJoining(now);
            if (now != viewModel.joiningProperty().get()) {
                join.setSelected(!now); // refused: the box shows what is recorded
            }
        });
        joinHeadLabel = wrap(messages.get("counter.view.joinHead"));
        joinHeadLabel.setLabelFor(joinHead);
        joinHead.setId("joinHead");
        joinHead.setAccessibleText(joinHeadLabel.getText());
        joinHead.setPrefColumnCount(14);
        joinHead.disableProperty().bind(busy);
        joinHead.setOnAction(e -> viewModel.setJoinHead(joinHead.getText()));
        joinHead.focusedProperty().addListener((obs, was, now) -> {
            if (!now) {
                viewModel.setJoinHead(joinHead.getText());
            }
        });
        viewModel.joinOfferedProperty().addListener((obs, old, now) -> showJoin());
        viewModel.joiningProperty().addListener((obs, old, now) -> showJoin());
        viewModel.joinHeadProperty().addListener((obs, old, now) -> showJoin());
        viewModel.moving().addListener((ListChangeListener<MoversViewModel.Member>) c -> showChoice());
        viewModel.newHeadProperty().addListener((obs, old, now) -> showChoice());
        viewModel.members().addListener((ListChangeListener<MoversViewModel.Member>) c -> build());
        viewModel.chosen().addListener((SetChangeListener<String>) c -> showChoice());
        viewModel.staying().addListener((ListChangeListener<MoversViewModel.Member>) c -> showChoice());
        viewModel.consequences().addListener((ListChangeListener<String>) c -> showWords());
        viewModel.remainingHeadProperty().addListener((obs, old, now) -> showChoice());
        viewModel.toAsk().addListener((ListChangeListener<MoversViewModel.Ask>) c -> showAsks());
        build();
    }

    private StringConverter<MoversViewModel.Member> converter() {
        return new StringConverter<>() {
            @Override
            public String toString(MoversViewModel.Member m) {
                return m == null ? "" : messages.get("counter.view.mover", m.name(), m.relationship());
            }

            @Override
            public MoversViewModel.Member fromString(String s) {
                return null;
            }
        };
    }

    private void build() {
        box.getChildren().clear();
        checkboxes.clear();
        if (viewModel.members().isEmpty()) {
            box.setVisible(false);
            box.setManaged(false);
            return;
        }
        Label heading = wrap(messages.get("counter.view.movers"));
        heading.getStyleClass().add("counter-subheading");
        box.getChildren().add(heading);
        for (MoversViewModel.Member m : viewModel.members()) {
            CheckBox check = new CheckBox(messages.get(m.atCounter() ? "counter.view.moverAtCounter"
                    : "counter.view.mover", m.name(), m.relationship()));
            check.setId("mover-" + m.code());
            check.setAccessibleText(check.getText());
            check.setSelected(viewModel.chosen().contains(m.code()));
            if (m.atCounter()) {
                check.setDisable(true); // moves: the person at the counter cannot be taken out
            } else {
                check.disableProperty().bind(busy);
                check.selectedProperty().addListener((obs, old, now) -> {
                    viewModel.setMoving(m.code(), now);
                    if (now != viewModel.chosen().contains(m.code())) {
                        check.setSelected(!now); // refused: the box shows what is recorded
                    }
                });
            }
            checkboxes.put(m.code(), check);
            box.getChildren().add(check);
        }
        box.getChildren().addAll(words, remainingHeadLabel, remainingHead, join, joinHeadLabel, joinHead, newHeadLabel,
                newHead, asks);
        box.setVisible(true);
        box.setManaged(true);
        showWords();
        showChoice();
        showJoin();
        showAsks();
    }

    /** A field per mover whose 続柄 to the new 世帯主 the clerk must type; committed on Enter and on leaving it. */
    private void showAsks() {
        asks.getChildren().clear();
        askLabels.clear();
        for (MoversViewModel.Ask ask : viewModel.toAsk()) {
            Label label = wrap(viewModel.askLabel(ask));
            askLabels.put(ask, label);
            TextField field = new TextField(viewModel.typedRelationship(ask.code()));
            field.setId("relationship-" + ask.code());
            field.setAccessibleText(label.getText());
            field.setPrefColumnCount(8);
            label.setLabelFor(field);
            field.disableProperty().bind(busy);
            field.setOnAction(e -> viewModel.setRelationship(ask.code(), field.getText()));
            field.focusedProperty().addListener((obs, was, now) -> {
                if (!now) {
                    viewModel.setRelationship(ask.code(), field.getText());
                }
            });
            asks.getChildren().addAll(label, field);
        }
        asks.setVisible(!viewModel.toAsk().isEmpty());
        asks.setManaged(!viewModel.toAsk().isEmpty());
    }

    /**
     * The 世帯合併 checkbox (a 転入 or 転居) and, when checked, the field for the joined household's 世帯主; the 続柄
     * fields' labels name that 世帯主 as typed (updated in place: rebuilding them would take the focus away).
     */
    private void showJoin() {
        boolean offered = viewModel.joinOfferedProperty().get();
        boolean joining = viewModel.joiningProperty().get();
        join.setVisible(offered);
        join.setManaged(offered);
        if (join.isSelected() != joining) {
            join.setSelected(joining);
        }
        for (var node : new javafx.scene.Node[] {joinHeadLabel, joinHead}) {
            node.setVisible(offered && joining);
            node.setManaged(offered && joining);
        }
        String typed = viewModel.joinHeadProperty().get();
        if (!joinHead.isFocused() && !joinHead.getText().equals(typed)) {
            joinHead.setText(typed);
        }
        askLabels.forEach((ask, label) -> {
            label.setText(viewModel.askLabel(ask));
            if (label.getLabelFor() != null) {
                label.getLabelFor().setAccessibleText(label.getText());
            }
        });
    }

    private void showChoice() {
        checkboxes.forEach((code, check) -> check.setSelected(viewModel.chosen().contains(code)));
        if (!remainingHead.getItems().equals(viewModel.staying())) {
            remainingHead.getItems().setAll(viewModel.staying());
        }
        String head = viewModel.remainingHeadProperty().get();
        MoversViewModel.Member shown = remainingHead.getValue();
        if (shown == null ? head != null : !shown.code().equals(head)) {
            remainingHead.setValue(viewModel.staying().stream().filter(m -> m.code().equals(head)).findFirst()
                    .orElse(null));
        }
        boolean needed = viewModel.needsRemainingHead();
        for (var node : new javafx.scene.Node[] {remainingHeadLabel, remainingHead}) {
            node.setVisible(needed);
            node.setManaged(needed);
        }
        if (!newHead.getItems().equals(viewModel.moving())) {
            newHead.getItems().setAll(viewModel.moving());
        }
        String code = viewModel.newHeadProperty().get();
        MoversViewModel.Member chosenHead = newHead.getValue();
        if (chosenHead == null ? code != null : !chosenHead.code().equals(code)) {
            newHead.setValue(viewModel.moving().stream().filter(m -> m.code().equals(code)).findFirst().orElse(null));
        }
        boolean choose = viewModel.needsNewHead();
        for (var node : new javafx.scene.Node[] {newHeadLabel, newHead}) {
            node.setVisible(choose);
            node.setManaged(choose);
        }
    }

    private void showWords() {
        words.getChildren().clear();
        for (String text : viewModel.consequences()) {
            Label l = wrap(text);
            l.getStyleClass().add("counter-flag");
            words.getChildren().add(l);
        }
    }
}
