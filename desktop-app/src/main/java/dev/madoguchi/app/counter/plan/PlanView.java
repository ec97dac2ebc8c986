package dev.madoguchi.app.counter.plan;

import static dev.madoguchi.app.counter.CounterNodes.wrap;

import dev.madoguchi.app.counter.CounterNodes;
import dev.madoguchi.app.counter.InterviewItem;
import dev.madoguchi.app.counter.StepView;
import dev.madoguchi.app.counter.VisitCoordinator;
import dev.madoguchi.app.counter.VisitStep;
import dev.madoguchi.app.i18n.Messages;
import dev.madoguchi.forms.definition.FieldType;
import dev.madoguchi.forms.rules.LifeEventRules;
import dev.madoguchi.forms.rules.ProposedProcedure;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javafx.collections.ListChangeListener;
import javafx.collections.MapChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The plan step's panels (PlanView.fxml). Each question's answer is the selected radio button of its group — however
 * it was selected (arrow keys, Space, mouse) — so that the answer shown and the answer recorded never differ.
 */
public final class PlanView implements StepView {

    private final PlanViewModel viewModel;
    private final VisitCoordinator visit;
    private final Messages messages;
    private final Map<VisitStep, Node> paneOf = new EnumMap<>(VisitStep.class);
    private final ToggleGroup eventGroup = new ToggleGroup();
    /** Each question's radio group by question id, kept in step with the recorded answers. */
    private final Map<String, ToggleGroup> answerGroups = new HashMap<>();
    /** The interview inputs by key, so that values set in the view model show in them too. */
    private final Map<String, Control> interviewInputs = new HashMap<>();

    @FXML private VBox planRoot;
    @FXML private VBox lifeEventPane;
    @FXML private VBox proceduresPane;
    @FXML private FlowPane eventsBox;
    @FXML private VBox questionsBox;
    @FXML private VBox moversBox;
    @FXML private VBox registeredBox;
    @FXML private Button switchToTenkyoButton;
    @FXML private Button continueTennyuButton;
    @FXML private Label registeredLabel;
    @FXML private Button proposeButton;
    @FXML private VBox proceduresBox;
    @FXML private GridPane interviewGrid;
    @FXML private Button prepareButton;
    @FXML private Button backToEventButton;

    public PlanView(PlanViewModel viewModel) {
        this.viewModel = viewModel;
        this.visit = viewModel.visit();
        this.messages = visit.messages();
    }

    @FXML
    private void initialize() {
        paneOf.put(VisitStep.LIFE_EVENT, lifeEventPane);
        paneOf.put(VisitStep.PROCEDURES, proceduresPane);
        new MoversView(viewModel.movers(), messages, moversBox, visit.busyProperty());
        registeredBox.visibleProperty().bind(viewModel.registeredHereProperty());
        registeredBox.managedProperty().bind(registeredBox.visibleProperty());
        registeredLabel.textProperty().bind(viewModel.registeredTextProperty());
        continueTennyuButton.visibleProperty().bind(viewModel.registeredPassableProperty());
        continueTennyuButton.managedProperty().bind(continueTennyuButton.visibleProperty());
        viewModel.registeredHereProperty().addListener((obs, old, now) -> {
            selectEvent(viewModel.eventProperty().get()); // 転入 was not taken: its button is not shown chosen
            if (now) {
                switchToTenkyoButton.requestFocus();
            }
        });
        for (Button b : List.of(proposeButton, prepareButton, backToEventButton, switchToTenkyoButton,
                continueTennyuButton)) {
            b.disableProperty().bind(visit.busyProperty());
        }
        for (LifeEventRules.Event event : viewModel.events()) {
            ToggleButton b = new ToggleButton(viewModel.text(event.title()));
            b.setId("event-" + event.id());
            b.getStyleClass().add("mode-button");
            b.setToggleGroup(eventGroup);
            b.setOnAction(e -> viewModel.chooseEvent(event.id()));
            eventsBox.getChildren().add(b);
        }
        viewModel.eventProperty().addListener((obs, old, now) -> selectEvent(now));
        viewModel.questions().addListener((ListChangeListener<LifeEventRules.Question>) c -> showQuestions());
        viewModel.answers().addListener((MapChangeListener<String, String>) c -> {
            ToggleGroup group = answerGroups.get(c.getKey());
            if (group != null && c.wasAdded()) {
                select(group, c.getValueAdded());
            }
        });
        viewModel.procedures().addListener((ListChangeListener<ProposedProcedure>) c -> showProcedures(null));
        viewModel.setAside().addListener((MapChangeListener<String, String>) c -> showProcedures(c.getKey()));
        viewModel.interviewItems().addListener((ListChangeListener<InterviewItem>) c -> showInterview());
        viewModel.interview().addListener((MapChangeListener<String, String>) c -> {
            Control input = interviewInputs.get(c.getKey());
            String value = c.wasAdded() ? c.getValueAdded() : "";
            if (input instanceof TextField field && !field.getText().equals(value)) {
                field.setText(value);
            } else if (input instanceof ComboBox<?> box && !Objects.equals(box.getValue(), value)) {
                @SuppressWarnings("unchecked")
                ComboBox<String> choices = (ComboBox<String>) box;
                choices.setValue(value == null || value.isEmpty() ? null : value);
            }
        });
        show(visit.stepProperty().get());
        visit.stepProperty().addListener((obs, old, now) -> show(now));
    }

    private void selectEvent(String eventId) {
        eventGroup.getToggles().forEach(
                t -> t.setSelected(eventId != null && ("event-" + eventId).equals(((ToggleButton) t).getId())));
    }

    private void show(VisitStep step) {
        CounterNodes.show(paneOf, step);
        planRoot.setVisible(paneOf.containsKey(step));
        planRoot.setManaged(paneOf.containsKey(step));
    }

    @Override
    public Node focusTarget(VisitStep step) {
        return switch (step) {
            case LIFE_EVENT -> viewModel.eventProperty().get() == null
                    ? CounterNodes.firstFocusable(eventsBox, proposeButton)
                    : CounterNodes.firstFocusable(questionsBox, proposeButton);
            case PROCEDURES -> CounterNodes.firstFocusable(interviewGrid, prepareButton);
            default -> null;
        };
    }

    private void showQuestions() {
        questionsBox.getChildren().clear();
        answerGroups.clear();
        for (LifeEventRules.Question q : viewModel.questions()) {
            HBox choices = new HBox();
            choices.getStyleClass().add("counter-choices");
            ToggleGroup group = new ToggleGroup();
            for (String answer : List.of(LifeEventRules.YES, LifeEventRules.NO, LifeEventRules.UNKNOWN)) {
                RadioButton b = new RadioButton(viewModel.answerText(answer));
                b.setId("answer-" + q.id() + "-" + answer);
                b.setUserData(answer);
                b.setAccessibleText(viewModel.text(q.text()) + "：" + viewModel.answerText(answer));
                b.setToggleGroup(group);
                choices.getChildren().add(b);
            }
            select(group, viewModel.answers().get(q.id()));
            // the selection is the answer, whatever selected it: arrow keys move it without an action event
            group.selectedToggleProperty().addListener((obs, old, now) -> {
                if (now != null) {
                    viewModel.answer(q.id(), (String) now.getUserData());
                }
            });
            answerGroups.put(q.id(), group);
            questionsBox.getChildren().add(new VBox(wrap(viewModel.text(q.text())), choices));
        }
        Node first = focusTarget(VisitStep.LIFE_EVENT);
        if (visit.stepProperty().get() == VisitStep.LIFE_EVENT && first != null && !first.isDisabled()) {
            first.requestFocus();
        }
    }

    private static void select(ToggleGroup group, String answer) {
        for (Toggle t : group.getToggles()) {
            if (Objects.equals(t.getUserData(), answer) && !t.isSelected()) {
                t.setSelected(true);
            }
        }
    }

    /** One box per procedure; {@code focusOn}: the procedure whose set-aside state changed keeps the focus. */
    private void showProcedures(String focusOn) {
        proceduresBox.getChildren().clear();
        int n = 0;
        Node focus = null;
        for (ProposedProcedure p : viewModel.procedures()) {
            VBox box = new VBox();
            box.getStyleClass().add("counter-procedure");
            String title = viewModel.text(p.title());
            var heading = wrap(++n + ". " + title);
            heading.getStyleClass().add("counter-subheading");
            box.getChildren().addAll(heading, wrap(messages.get("counter.view.reason", viewModel.text(p.reason()))));
            for (var document : p.documents()) {
                box.getChildren().add(wrap(messages.get("counter.view.document", viewModel.text(document))));
            }
            if (p.isUncertain()) {
                box.getChildren().add(wrap(messages.get("counter.view.uncertain", p.uncertainBecause().size())));
            }
            Node control = setAsideRow(p, title, box);
            if (p.id().equals(focusOn)) {
                focus = control;
            }
            proceduresBox.getChildren().add(box);
        }
        if (focus != null) {
            focus.requestFocus();
        }
    }

    /** 除く with a reason, or — once set aside — the reason and 戻す. Returns the control that keeps the focus. */
    private Node setAsideRow(ProposedProcedure p, String title, VBox box) {
        String reason = viewModel.setAside().get(p.id());
        FlowPane row = new FlowPane();
        row.getStyleClass().add("counter-buttons");
        if (reason != null) {
            var note = wrap(messages.get("counter.view.setAsideNote",
                    viewModel.reasonText(PlanViewModel.SetAsideReason.valueOf(reason))));
            note.getStyleClass().add("counter-flag");
            Button back = new Button(messages.get("counter.view.takeBack"));
            back.setId("takeBack-" + p.id());
            back.setAccessibleText(messages.get("counter.view.takeBack") + "：" + title);
            back.disableProperty().bind(visit.busyProperty());
            back.setOnAction(e -> viewModel.takeBack(p.id()));
            row.getChildren().addAll(note, back);
            box.getChildren().add(row);
            box.getStyleClass().add("counter-set-aside");
            return back;
        }
        ComboBox<PlanViewModel.SetAsideReason> reasons = new ComboBox<>();
        reasons.getItems().addAll(PlanViewModel.SetAsideReason.values());
        reasons.setId("setAsideReason-" + p.id());
        reasons.setAccessibleText(messages.get("counter.view.setAsideReason") + "：" + title);
        reasons.setPromptText(messages.get("counter.view.setAsideReason"));
        reasons.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(PlanViewModel.SetAsideReason r) {
                return r == null ? "" : viewModel.reasonText(r);
            }

            @Override
            public PlanViewModel.SetAsideReason fromString(String s) {
                return null;
            }
        });
        Button aside = new Button(messages.get("counter.view.setAside"));
        aside.setId("setAside-" + p.id());
        aside.setAccessibleText(messages.get("counter.view.setAside") + "：" + title);
        aside.disableProperty().bind(visit.busyProperty().or(reasons.valueProperty().isNull()));
        aside.setOnAction(e -> viewModel.setAside(p.id(), reasons.getValue()));
        row.getChildren().addAll(reasons, aside);
        box.getChildren().add(row);
        return reasons;
    }

    private void showInterview() {
        interviewGrid.getChildren().clear();
        interviewInputs.clear();
        int row = 0;
        List<InterviewItem> items = viewModel.interviewItems();
        for (int i = 0; i < items.size(); i++) {
            InterviewItem item = items.get(i);
            var label = wrap(labelText(items, i) + (item.required() ? messages.get("counter.view.required") : ""));
            Control input;
            String current = viewModel.interview().getOrDefault(item.key(), "");
            if (item.type() == FieldType.CHOICE && !item.options().isEmpty()) {
                ComboBox<String> box = new ComboBox<>();
                box.getItems().addAll(item.options());
                box.setValue(current.isEmpty() ? null : current);
                box.valueProperty().addListener((obs, old, now) -> viewModel.setInterviewValue(item.key(), now));
                input = box;
            } else {
                TextField field = new TextField(current);
                if (item.type() == FieldType.DATE) {
                    field.setPromptText(messages.get("counter.view.datePrompt"));
                }
                field.textProperty().addListener((obs, old, now) -> viewModel.setInterviewValue(item.key(), now));
                input = field;
            }
            input.setId("interview-" + item.key());
            interviewInputs.put(item.key(), input);
            label.setLabelFor(input);
            interviewGrid.addRow(row++, label, input);
        }
    }

    /**
     * An item's label; one that several items share (フリガナ, 生年月日) says whose it is (e.g. フリガナ（児童の氏名）):
     * a furigana item {@code xKana} names the item {@code x} it reads, or the resident's own name for {@code nameKana}
     * (the name itself comes from the card or the register, not from the interview); other shared labels name the
     * nearest item before them.
     */
    private String labelText(List<InterviewItem> items, int i) {
        String label = viewModel.text(items.get(i).label());
        long same = items.stream().filter(other -> viewModel.text(other.label()).equals(label)).count();
        if (same < 2) {
            return label;
        }
        String key = items.get(i).key();
        if (key.endsWith("Kana")) {
            String owner = key.substring(0, key.length() - "Kana".length());
            for (InterviewItem other : items) {
                if (other.key().equals(owner)) {
                    return messages.get("counter.view.whose", label, viewModel.text(other.label()));
                }
            }
            if (owner.equals("name") || owner.endsWith(".name")) {
                return messages.get("counter.view.whose", label, messages.get("counter.view.ownName"));
            }
        }
        for (int j = i - 1; j >= 0; j--) {
            String before = viewModel.text(items.get(j).label());
            if (items.stream().filter(other -> viewModel.text(other.label()).equals(before)).count() == 1) {
                return messages.get("counter.view.whose", label, before);
            }
        }
        return label;
    }

    @FXML private void proposeProcedures() { viewModel.proposeProcedures(); }
    @FXML private void switchToTenkyo() { viewModel.switchToTenkyo(); }

    @FXML private void continueTennyu() { viewModel.continueTennyu(); }
    @FXML private void backToLifeEvent() { viewModel.backToLifeEvent(); }
    @FXML private void prepareForms() { viewModel.prepareForms(); }
}
