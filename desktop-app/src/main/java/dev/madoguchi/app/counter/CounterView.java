package dev.madoguchi.app.counter;

import dev.madoguchi.app.i18n.Messages;
import dev.madoguchi.forms.definition.FieldDefinition;
import dev.madoguchi.forms.definition.FieldType;
import dev.madoguchi.forms.prefill.Discrepancy;
import dev.madoguchi.forms.rules.LifeEventRules;
import dev.madoguchi.forms.rules.ProposedProcedure;
import dev.madoguchi.forms.validation.Severity;
import dev.madoguchi.forms.validation.ValidationIssue;
import java.io.ByteArrayInputStream;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The clerk's counter screen: binds to {@link VisitViewModel}, shows the panel of the current {@link VisitStep} and
 * builds the rows of lists the view model holds (candidates, questions, procedures, form fields, preview pages).
 * No I/O, no threads, no decisions: every action is one call on the view model.
 */
public final class CounterView {

    private final VisitViewModel viewModel;
    private final Messages messages;
    private final Map<VisitStep, Node> paneOf = new EnumMap<>(VisitStep.class);

    @FXML private javafx.scene.control.ScrollPane panelScroll;
    @FXML private VBox counterContent;
    @FXML private Label stepLabel;
    @FXML private Label errorLabel;
    @FXML private Label messageLabel;
    @FXML private VBox waitingPane;
    @FXML private VBox pinPane;
    @FXML private VBox blockedPane;
    @FXML private VBox collationPane;
    @FXML private VBox manualPane;
    @FXML private VBox workingPane;
    @FXML private VBox candidatesPane;
    @FXML private VBox lifeEventPane;
    @FXML private VBox proceduresPane;
    @FXML private VBox formsPane;
    @FXML private VBox previewPane;
    @FXML private VBox donePane;
    @FXML private Button manualButton;
    @FXML private Button collationButton;
    @FXML private Label pinTriesLabel;
    @FXML private Label pinFieldLabel;
    @FXML private PasswordField pinField;
    @FXML private CheckBox readMyNumberBox;
    @FXML private CheckBox collationMyNumberBox;
    @FXML private Button submitPinButton;
    @FXML private Button pinCollationButton;
    @FXML private Button pinManualButton;
    @FXML private Label blockedLabel;
    @FXML private Button blockedCollationButton;
    @FXML private Button blockedManualButton;
    @FXML private Label collationFieldLabel;
    @FXML private TextField collationField;
    @FXML private Button submitCollationButton;
    @FXML private Button collationManualButton;
    @FXML private Label manualNameLabel;
    @FXML private Label manualKanaLabel;
    @FXML private Label manualBirthLabel;
    @FXML private Label manualAddressLabel;
    @FXML private TextField manualNameField;
    @FXML private TextField manualKanaField;
    @FXML private TextField manualBirthField;
    @FXML private TextField manualAddressField;
    @FXML private Button submitManualButton;
    @FXML private Label workingLabel;
    @FXML private Button retryStoreButton;
    @FXML private Label matchLabel;
    @FXML private HBox candidatesBox;
    @FXML private Button noMatchButton;
    @FXML private FlowPane eventsBox;
    @FXML private VBox questionsBox;
    @FXML private Button proposeButton;
    @FXML private VBox proceduresBox;
    @FXML private GridPane interviewGrid;
    @FXML private Button prepareButton;
    @FXML private Button backToEventButton;
    @FXML private VBox formsBox;
    @FXML private Button previewButton;
    @FXML private Button backToProceduresButton;
    @FXML private FlowPane previewBox;
    @FXML private Button printButton;
    @FXML private Button backToFormsButton;
    @FXML private Label caseLabel;
    @FXML private VBox printedBox;
    @FXML private Button nextButton;
    @FXML private Button cancelButton;
    @FXML private VBox draftBox;
    @FXML private Label draftLabel;
    @FXML private VBox draftList;
    @FXML private VBox printedPane;
    @FXML private Label printedLabel;
    @FXML private Button storePrintedButton;
    @FXML private Button printAgainButton;

    private final ToggleGroup eventGroup = new ToggleGroup();
    /** The interview inputs by key, so that values set in the view model show in them too. */
    private final Map<String, Control> interviewInputs = new java.util.HashMap<>();

    private final CaseListViewModel caseList;

    @FXML private javafx.scene.control.TitledPane casesPane;
    @FXML private Label caseSearchLabel;
    @FXML private TextField caseSearchField;
    @FXML private javafx.scene.control.ListView<CaseSummary> casesList;
    @FXML private Button refreshCasesButton;
    @FXML private Button reprintButton;
    @FXML private Label casesMessage;
    @FXML private Label casesError;

    public CounterView(VisitViewModel viewModel, CaseListViewModel caseList) {
        this.viewModel = viewModel;
        this.caseList = caseList;
        this.messages = viewModel.messages();
    }

    @FXML
    private void initialize() {
        paneOf.put(VisitStep.WAITING_FOR_CARD, waitingPane);
        paneOf.put(VisitStep.PIN_ENTRY, pinPane);
        paneOf.put(VisitStep.PIN_BLOCKED, blockedPane);
        paneOf.put(VisitStep.COLLATION_NUMBER_ENTRY, collationPane);
        paneOf.put(VisitStep.MANUAL_ENTRY, manualPane);
        paneOf.put(VisitStep.READING, workingPane);
        paneOf.put(VisitStep.CANDIDATES, candidatesPane);
        paneOf.put(VisitStep.LIFE_EVENT, lifeEventPane);
        paneOf.put(VisitStep.PROCEDURES, proceduresPane);
        paneOf.put(VisitStep.FORMS, formsPane);
        paneOf.put(VisitStep.PREVIEW, previewPane);
        paneOf.put(VisitStep.PRINTING, workingPane);
        paneOf.put(VisitStep.PRINTED, printedPane);
        paneOf.put(VisitStep.DONE, donePane);

        bindText(stepLabel, viewModel.stepTextProperty());
        bindText(errorLabel, viewModel.errorProperty());
        bindText(messageLabel, viewModel.messageProperty());
        bindText(pinTriesLabel, viewModel.pinTriesTextProperty());
        bindText(blockedLabel, viewModel.pinTriesTextProperty());
        bindText(matchLabel, viewModel.matchTextProperty());
        bindText(workingLabel, viewModel.stepTextProperty());
        collapseWhenEmpty(errorLabel);
        collapseWhenEmpty(messageLabel);

        pinFieldLabel.setLabelFor(pinField);
        collationFieldLabel.setLabelFor(collationField);
        manualNameLabel.setLabelFor(manualNameField);
        manualKanaLabel.setLabelFor(manualKanaField);
        manualBirthLabel.setLabelFor(manualBirthField);
        manualAddressLabel.setLabelFor(manualAddressField);
        pinField.textProperty().bindBidirectional(viewModel.pinProperty());
        collationField.textProperty().bindBidirectional(viewModel.collationNumberProperty());
        readMyNumberBox.selectedProperty().bindBidirectional(viewModel.readMyNumberProperty());
        collationMyNumberBox.selectedProperty().bindBidirectional(viewModel.readMyNumberProperty());
        manualNameField.textProperty().bindBidirectional(viewModel.manualNameProperty());
        manualKanaField.textProperty().bindBidirectional(viewModel.manualKanaProperty());
        manualBirthField.textProperty().bindBidirectional(viewModel.manualBirthDateProperty());
        manualAddressField.textProperty().bindBidirectional(viewModel.manualAddressProperty());

        for (Button b : List.of(manualButton, collationButton, submitPinButton, pinCollationButton, pinManualButton,
                blockedCollationButton, blockedManualButton, submitCollationButton, collationManualButton,
                submitManualButton, noMatchButton, proposeButton, prepareButton, backToEventButton, previewButton,
                backToProceduresButton, printButton, backToFormsButton, nextButton, cancelButton, retryStoreButton,
                storePrintedButton, printAgainButton)) {
            b.disableProperty().bind(viewModel.busyProperty());
        }
        retryStoreButton.visibleProperty().bind(Bindings.createBooleanBinding(
                () -> viewModel.stepProperty().get() == VisitStep.PRINTING && !viewModel.busyProperty().get()
                        && !viewModel.printed().isEmpty(), viewModel.stepProperty(), viewModel.busyProperty(),
                viewModel.printed()));
        retryStoreButton.managedProperty().bind(retryStoreButton.visibleProperty());
        bindText(draftLabel, viewModel.draftTextProperty());
        bindText(printedLabel, viewModel.printedTextProperty());
        storePrintedButton.accessibleTextProperty().bind(Bindings.concat(messages.get("counter.view.storePrinted"),
                "：", viewModel.printedTextProperty()));
        printAgainButton.accessibleTextProperty().bind(Bindings.concat(messages.get("counter.view.printAgain"),
                "：", viewModel.printedTextProperty()));
        draftBox.visibleProperty().bind(Bindings.isNotEmpty(viewModel.offeredDrafts()));
        draftBox.managedProperty().bind(draftBox.visibleProperty());
        viewModel.offeredDrafts().addListener((ListChangeListener<dev.madoguchi.store.drafts.VisitDraft>) c -> {
            showDrafts();
            if (viewModel.stepProperty().get() == VisitStep.WAITING_FOR_CARD) {
                focusFirst(VisitStep.WAITING_FOR_CARD); // the newest draft's 再開, or 手入力 when none is left
            }
        });
        cancelButton.visibleProperty().bind(viewModel.stepProperty().isNotEqualTo(VisitStep.WAITING_FOR_CARD)
                .and(viewModel.stepProperty().isNotEqualTo(VisitStep.DONE))
                .and(viewModel.stepProperty().isNotEqualTo(VisitStep.PRINTING)));
        cancelButton.managedProperty().bind(cancelButton.visibleProperty());

        for (LifeEventRules.Event event : viewModel.events()) {
            ToggleButton b = new ToggleButton(viewModel.text(event.title()));
            b.setId("event-" + event.id());
            b.getStyleClass().add("mode-button");
            b.setToggleGroup(eventGroup);
            b.setOnAction(e -> viewModel.chooseEvent(event.id()));
            eventsBox.getChildren().add(b);
        }
        viewModel.eventProperty().addListener((obs, old, now) -> eventGroup.getToggles().forEach(
                t -> t.setSelected(now != null && ("event-" + now).equals(((ToggleButton) t).getId()))));

        viewModel.candidates().addListener((ListChangeListener<MatchCandidate>) c -> showCandidates());
        viewModel.questions().addListener((ListChangeListener<LifeEventRules.Question>) c -> showQuestions());
        viewModel.procedures().addListener((ListChangeListener<ProposedProcedure>) c -> showProcedures());
        viewModel.interviewItems().addListener((ListChangeListener<InterviewItem>) c -> showInterview());
        viewModel.interview().addListener((javafx.collections.MapChangeListener<String, String>) c -> {
            Control input = interviewInputs.get(c.getKey());
            String value = c.wasAdded() ? c.getValueAdded() : "";
            if (input instanceof TextField field && !field.getText().equals(value)) {
                field.setText(value);
            } else if (input instanceof ComboBox<?> box && !java.util.Objects.equals(box.getValue(), value)) {
                @SuppressWarnings("unchecked")
                ComboBox<String> choices = (ComboBox<String>) box;
                choices.setValue(value == null || value.isEmpty() ? null : value);
            }
        });
        viewModel.forms().addListener(this::formsChanged);
        viewModel.rendered().addListener((ListChangeListener<RenderedForm>) c -> showPreview());
        viewModel.printed().addListener((ListChangeListener<PrintOutcome>) c -> showPrinted());
        viewModel.caseIdProperty().addListener((obs, old, now) -> caseLabel.setText(
                now.isEmpty() ? "" : messages.get("counter.view.caseStored", now)));

        initializeCaseList();
        counterContent.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                scene.focusOwnerProperty().addListener((o, was, now) -> scrollIntoView(now));
            }
        });
        showStep(viewModel.stepProperty().get());
        viewModel.stepProperty().addListener((obs, old, now) -> showStep(now));
        viewModel.busyProperty().addListener((obs, old, busy) -> {
            if (!busy) {
                focusFirst(viewModel.stepProperty().get());
            }
        });
    }

    private void initializeCaseList() {
        caseSearchLabel.setLabelFor(caseSearchField);
        caseSearchField.textProperty().bindBidirectional(caseList.queryProperty());
        casesList.setItems(caseList.cases());
        casesList.setCellFactory(list -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(CaseSummary item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : caseList.describe(item));
                setWrapText(true);
            }
        });
        bindText(casesMessage, caseList.messageProperty());
        bindText(casesError, caseList.errorProperty());
        collapseWhenEmpty(casesMessage);
        collapseWhenEmpty(casesError);
        refreshCasesButton.disableProperty().bind(caseList.busyProperty());
        reprintButton.disableProperty().bind(caseList.busyProperty()
                .or(casesList.getSelectionModel().selectedItemProperty().isNull()));
        casesPane.expandedProperty().addListener((obs, was, open) -> {
            if (open) {
                caseList.refresh();
            }
        });
        viewModel.caseIdProperty().addListener((obs, old, now) -> {
            if (!now.isEmpty() && casesPane.isExpanded()) {
                caseList.refresh();
            }
        });
    }

    private void showStep(VisitStep step) {
        Node shown = paneOf.get(step);
        for (Node pane : paneOf.values()) {
            pane.setVisible(pane == shown);
            pane.setManaged(pane == shown);
        }
        focusFirst(step);
    }

    /** The logical first control of each step, so the visit goes on from the keyboard. */
    private void focusFirst(VisitStep step) {
        Node target = switch (step) {
            case WAITING_FOR_CARD -> draftBox.isVisible() ? firstFocusable(draftList, manualButton) : manualButton;
            case PIN_ENTRY -> pinField;
            case PIN_BLOCKED -> blockedCollationButton;
            case COLLATION_NUMBER_ENTRY -> collationField;
            case MANUAL_ENTRY -> manualNameField;
            case CANDIDATES -> firstFocusable(candidatesBox, noMatchButton);
            case LIFE_EVENT -> viewModel.eventProperty().get() == null ? firstFocusable(eventsBox, proposeButton)
                    : firstFocusable(questionsBox, proposeButton);
            case PROCEDURES -> firstFocusable(interviewGrid, prepareButton);
            case FORMS -> formsBox.getScene() != null && inside(formsBox.getScene().getFocusOwner(), formsBox)
                    ? null : firstFocusable(formsBox, previewButton);
            case PREVIEW -> printButton;
            case PRINTED -> storePrintedButton;
            case DONE -> nextButton;
            case READING, PRINTING -> retryStoreButton.isVisible() ? retryStoreButton : null;
        };
        if (target != null && !target.isDisabled()) {
            target.requestFocus();
        }
    }

    /** Keeps the focused control visible when the keyboard moves the focus below or above the visible part. */
    private void scrollIntoView(Node focused) {
        if (focused == null || !inside(focused, counterContent)) {
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
            confirm.disableProperty().bind(viewModel.busyProperty());
            confirm.setOnAction(e -> viewModel.confirmCandidate(candidate));
            card.getChildren().addAll(title, grid, confirm);
            candidatesBox.getChildren().add(card);
        }
        if (viewModel.stepProperty().get() == VisitStep.CANDIDATES) {
            focusFirst(VisitStep.CANDIDATES);
        }
    }

    private void showQuestions() {
        questionsBox.getChildren().clear();
        for (LifeEventRules.Question q : viewModel.questions()) {
            Label question = wrap(viewModel.text(q.text()));
            HBox choices = new HBox();
            choices.getStyleClass().add("counter-choices");
            ToggleGroup group = new ToggleGroup();
            for (String answer : List.of(LifeEventRules.YES, LifeEventRules.NO, LifeEventRules.UNKNOWN)) {
                RadioButton b = new RadioButton(viewModel.answerText(answer));
                b.setId("answer-" + q.id() + "-" + answer);
                b.setAccessibleText(viewModel.text(q.text()) + "：" + viewModel.answerText(answer));
                b.setToggleGroup(group);
                b.setSelected(answer.equals(viewModel.answers().get(q.id())));
                b.setOnAction(e -> viewModel.answer(q.id(), answer));
                choices.getChildren().add(b);
            }
            questionsBox.getChildren().add(new VBox(question, choices));
        }
        focusFirst(VisitStep.LIFE_EVENT);
    }

    private void showProcedures() {
        proceduresBox.getChildren().clear();
        int n = 0;
        for (ProposedProcedure p : viewModel.procedures()) {
            VBox box = new VBox();
            box.getStyleClass().add("counter-procedure");
            Label title = wrap(++n + ". " + viewModel.text(p.title()));
            title.getStyleClass().add("counter-subheading");
            box.getChildren().addAll(title, wrap(messages.get("counter.view.reason", viewModel.text(p.reason()))));
            for (var document : p.documents()) {
                box.getChildren().add(wrap(messages.get("counter.view.document", viewModel.text(document))));
            }
            if (p.isUncertain()) {
                box.getChildren().add(wrap(messages.get("counter.view.uncertain", p.uncertainBecause().size())));
            }
            proceduresBox.getChildren().add(box);
        }
    }

    private void showInterview() {
        interviewGrid.getChildren().clear();
        interviewInputs.clear();
        int row = 0;
        for (InterviewItem item : viewModel.interviewItems()) {
            Label label = wrap(viewModel.text(item.label()) + (item.required() ? messages.get("counter.view.required") : ""));
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
                    field.setPromptText("2026-11-20");
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
        String title = viewModel.text(form.filled().definition().title());
        var variant = form.filled().variant() == null ? null : form.filled().definition().variant(form.filled().variant());
        if (variant != null && variant.isPresent()) {
            title = title + "（" + viewModel.text(variant.get().title()) + "）";
        }
        Label heading = wrap(messages.get(form.printable() ? "counter.view.formReady" : "counter.view.formHasErrors",
                title));
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
            for (ValidationIssue issue : form.issuesOf(field.id())) {
                notes.getChildren().add(issueLabel(issue));
            }
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

    private void showPreview() {
        previewBox.getChildren().clear();
        for (RenderedForm r : viewModel.rendered()) {
            VBox box = new VBox();
            box.getStyleClass().add("counter-preview-form");
            box.getChildren().add(wrap(messages.get("counter.view.previewForm",
                    viewModel.text(r.form().filled().definition().title()), r.report().pages())));
            for (byte[] png : r.pagePngs()) {
                ImageView page = new ImageView(new Image(new ByteArrayInputStream(png)));
                page.setPreserveRatio(true);
                page.setFitWidth(300);
                page.setAccessibleText(messages.get("counter.view.previewPage"));
                box.getChildren().add(page);
            }
            previewBox.getChildren().add(box);
        }
    }

    /** One row per offered draft: its step and time, 再開 and 破棄, each button named with the step and the time. */
    private void showDrafts() {
        draftList.getChildren().clear();
        int n = 0;
        for (dev.madoguchi.store.drafts.VisitDraft draft : viewModel.offeredDrafts()) {
            n++;
            String what = viewModel.draftText(draft);
            Label label = wrap(what);
            Button resume = new Button(messages.get("counter.view.resumeDraft"));
            resume.setId("resumeDraft-" + n);
            resume.setAccessibleText(messages.get("counter.view.resumeDraft") + "：" + what);
            resume.disableProperty().bind(viewModel.busyProperty());
            resume.setOnAction(e -> viewModel.resumeDraft(draft));
            Button discard = new Button(messages.get("counter.view.discardDraft"));
            discard.setId("discardDraft-" + n);
            discard.setAccessibleText(messages.get("counter.view.discardDraft") + "：" + what);
            discard.disableProperty().bind(viewModel.busyProperty());
            discard.setOnAction(e -> viewModel.discardOfferedDraft(draft));
            FlowPane row = new FlowPane(label, resume, discard);
            row.getStyleClass().add("counter-buttons");
            draftList.getChildren().add(row);
        }
    }

    private void showPrinted() {
        printedBox.getChildren().clear();
        for (PrintOutcome p : viewModel.printed()) {
            printedBox.getChildren().add(wrap(messages.get(p.toFile() ? "counter.view.printedToFile"
                    : "counter.view.printedToPrinter", p.formId(), p.where(), p.pages())));
        }
    }

    private static String focusedKey(Node section) {
        Node owner = section.getScene() == null ? null : section.getScene().getFocusOwner();
        return owner != null && inside(owner, section) && owner.getUserData() instanceof String key ? key : null;
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

    private static boolean inside(Node node, Node ancestor) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == ancestor) {
                return true;
            }
        }
        return false;
    }

    private static Node firstFocusable(Parent parent, Node fallback) {
        for (Node child : parent.getChildrenUnmodifiable()) {
            if (child.isFocusTraversable() && child.isVisible() && !child.isDisabled()) {
                return child;
            }
            if (child instanceof Parent p) {
                Node inner = firstFocusable(p, null);
                if (inner != null) {
                    return inner;
                }
            }
        }
        return fallback;
    }

    private Label header(String key) {
        Label l = wrap(messages.get(key));
        l.setMinWidth(Control.USE_PREF_SIZE);
        l.getStyleClass().add("counter-grid-header");
        return l;
    }

    private static Label wrap(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.setMinHeight(Control.USE_PREF_SIZE);
        return l;
    }

    private static String nullToDash(String s) {
        return s == null || s.isEmpty() ? "—" : s;
    }

    private static void bindText(Label label, javafx.beans.value.ObservableValue<String> text) {
        label.textProperty().bind(text);
        label.accessibleTextProperty().bind(text);
    }

    private static void collapseWhenEmpty(Label label) {
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
    }

    @FXML private void enterManually() { viewModel.enterManually(); }
    @FXML private void useCollationNumber() { viewModel.useCollationNumber(); }
    @FXML private void submitPin() { viewModel.submitPin(); }
    @FXML private void submitCollationNumber() { viewModel.submitCollationNumber(); }
    @FXML private void submitManualEntry() { viewModel.submitManualEntry(); }
    @FXML private void continueWithoutRegister() { viewModel.continueWithoutRegister(); }
    @FXML private void proposeProcedures() { viewModel.proposeProcedures(); }
    @FXML private void backToLifeEvent() { viewModel.backToLifeEvent(); }
    @FXML private void prepareForms() { viewModel.prepareForms(); }
    @FXML private void backToProcedures() { viewModel.backToProcedures(); }
    @FXML private void preview() { viewModel.preview(); }
    @FXML private void backToForms() { viewModel.backToForms(); }
    @FXML private void print() { viewModel.print(); }
    @FXML private void retryStore() { viewModel.retryStore(); }
    @FXML private void nextResident() { viewModel.nextResident(); }
    @FXML private void cancelVisit() { viewModel.cancelVisit(); }

    @FXML private void storePrinted() { viewModel.storePrinted(); }
    @FXML private void printAgain() { viewModel.printAgain(); }
    @FXML private void refreshCases() { caseList.refresh(); }
    @FXML private void reprint() { caseList.reprint(casesList.getSelectionModel().getSelectedItem()); }
}
