package dev.madoguchi.app.counter;

import dev.madoguchi.app.i18n.Messages;
import dev.madoguchi.app.task.Lane;
import dev.madoguchi.app.task.TaskRunner;
import dev.madoguchi.card.mynumber.PinStatus;
import dev.madoguchi.card.reader.CardIoError;
import dev.madoguchi.card.reader.CardIoException;
import dev.madoguchi.card.watch.ReaderEvent;
import dev.madoguchi.forms.definition.LocalizedText;
import dev.madoguchi.forms.rules.LifeEventPlan;
import dev.madoguchi.forms.rules.LifeEventRules;
import dev.madoguchi.forms.rules.ProposedProcedure;
import dev.madoguchi.forms.validation.ValidationIssue;
import dev.madoguchi.store.drafts.VisitDraft;
import dev.madoguchi.store.register.RegisterResident;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

/**
 * One visit at the counter as an explicit state machine ({@link VisitStep}): card → PIN (tries left shown before
 * entry, a wrong PIN never retried) / 照合番号B / manual entry → register candidates the clerk confirms → life event
 * and interview → proposed procedures → pre-filled forms with sources and validation, clerk edits → preview →
 * print → case stored → next resident, with nothing personal left behind.
 *
 * <p>Card work runs on the {@code card-io} lane, store work on {@code store-writer}, forms, PDF and printing on
 * {@code background}, all through the injected {@link TaskRunner}; results and errors come back on the UI thread.
 * Every failure is shown in words with its remedy ({@link ErrorTexts}). Uses {@code javafx.beans} only.
 */
public final class VisitViewModel {

    /** The steps at which the running visit's draft is saved (docs/adr/0014). */
    private static final java.util.Set<VisitStep> DRAFT_STEPS = java.util.EnumSet.of(VisitStep.CANDIDATES,
            VisitStep.LIFE_EVENT, VisitStep.PROCEDURES, VisitStep.FORMS, VisitStep.PREVIEW, VisitStep.PRINTING,
            VisitStep.PRINTED);
    private static final java.time.format.DateTimeFormatter HH_MM = java.time.format.DateTimeFormatter
            .ofPattern("HH:mm").withZone(java.time.ZoneId.systemDefault());

    /** How often the readers are polled for a card put down or taken away. */
    static final Duration READER_POLL = Duration.ofMillis(400);

    private final Messages messages;
    private final TaskRunner tasks;
    private final VisitService visits;
    private final Supplier<PrintDestination> destination;
    private final ErrorTexts errors;

    private final ObjectProperty<VisitStep> step = new SimpleObjectProperty<>(VisitStep.WAITING_FOR_CARD);
    private final StringProperty stepText = new SimpleStringProperty();
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final BooleanProperty cardPresent = new SimpleBooleanProperty(false);

    private final IntegerProperty pinTriesLeft = new SimpleIntegerProperty(PinStatus.NOT_REPORTED);
    private final StringProperty pinTriesText = new SimpleStringProperty("");
    private final StringProperty pin = new SimpleStringProperty("");
    private final BooleanProperty pinWrong = new SimpleBooleanProperty(false);
    private final StringProperty collationNumber = new SimpleStringProperty("");
    private final BooleanProperty readMyNumber = new SimpleBooleanProperty(false);

    private final StringProperty manualName = new SimpleStringProperty("");
    private final StringProperty manualKana = new SimpleStringProperty("");
    private final StringProperty manualBirthDate = new SimpleStringProperty("");
    private final StringProperty manualAddress = new SimpleStringProperty("");

    private final ObservableList<MatchCandidate> candidates = FXCollections.observableArrayList();
    private final StringProperty matchText = new SimpleStringProperty("");
    private final ObjectProperty<MatchCandidate> confirmed = new SimpleObjectProperty<>();

    private final ObservableList<LifeEventRules.Event> events = FXCollections.observableArrayList();
    private final StringProperty event = new SimpleStringProperty();
    private final ObservableList<LifeEventRules.Question> questions = FXCollections.observableArrayList();
    private final ObservableMap<String, String> answers = FXCollections.observableMap(new LinkedHashMap<>());

    private final ObservableList<ProposedProcedure> procedures = FXCollections.observableArrayList();
    private final ObservableList<InterviewItem> interviewItems = FXCollections.observableArrayList();
    private final ObservableMap<String, String> interview = FXCollections.observableMap(new LinkedHashMap<>());

    private final ObservableList<VisitForm> forms = FXCollections.observableArrayList();
    private final ObservableList<RenderedForm> rendered = FXCollections.observableArrayList();
    private final ObservableList<PrintOutcome> printed = FXCollections.observableArrayList();
    private final StringProperty caseId = new SimpleStringProperty("");
    // read-only views, made once: a wrapper made per call would drop its listeners when collected
    private final ObservableList<MatchCandidate> candidatesView = FXCollections.unmodifiableObservableList(candidates);
    private final ObservableList<LifeEventRules.Event> eventsView = FXCollections.unmodifiableObservableList(events);
    private final ObservableList<LifeEventRules.Question> questionsView = FXCollections.unmodifiableObservableList(questions);
    private final ObservableMap<String, String> answersView = FXCollections.unmodifiableObservableMap(answers);
    private final ObservableList<ProposedProcedure> proceduresView = FXCollections.unmodifiableObservableList(procedures);
    private final ObservableList<InterviewItem> interviewItemsView = FXCollections.unmodifiableObservableList(interviewItems);
    private final ObservableMap<String, String> interviewView = FXCollections.unmodifiableObservableMap(interview);
    private final ObservableList<VisitForm> formsView = FXCollections.unmodifiableObservableList(forms);
    private final ObservableList<RenderedForm> renderedView = FXCollections.unmodifiableObservableList(rendered);
    private final ObservableList<PrintOutcome> printedView = FXCollections.unmodifiableObservableList(printed);

    private final ObservableList<VisitDraft> offeredDrafts = FXCollections.observableArrayList();
    private final ObservableList<VisitDraft> offeredDraftsView = FXCollections.unmodifiableObservableList(offeredDrafts);
    private final StringProperty draftText = new SimpleStringProperty("");
    private final StringProperty printedText = new SimpleStringProperty("");

    private ResidentIdentity identity;
    /** The running visit's draft in the store; made when the resident is identified. */
    private UUID draftId;
    private final List<VisitSnapshot.FieldEdit> edits = new ArrayList<>();
    /** Form id → fingerprint of the content printed for this visit, while its case is not stored. */
    private final Map<String, String> printedForms = new LinkedHashMap<>();
    /** The forms of this visit were printed before (a resumed visit printed again): new prints are reprints. */
    private boolean reprinting;
    private List<RegisterResident> household = List.of();
    private LifeEventPlan plan;
    private TaskRunner.Cancellable readerPolling;
    private ResidentIdentity.Source readingBy;
    /** Changes whenever a visit is dropped, so that late results of its work are ignored. */
    private long generation;

    public VisitViewModel(Messages messages, TaskRunner tasks, VisitService visits,
            Supplier<PrintDestination> destination) {
        this.messages = messages;
        this.tasks = tasks;
        this.visits = visits;
        this.destination = destination;
        this.errors = new ErrorTexts(messages);
        step.addListener((obs, old, now) -> stepText.set(stepText(now)));
        step.addListener((obs, old, now) -> {
            if (DRAFT_STEPS.contains(now)) {
                saveDraft();
            }
            if (now != VisitStep.WAITING_FOR_CARD) {
                offeredDrafts.clear(); // a new visit began: the drafts are offered again at the next sign-in
                draftText.set("");
            }
        });
        stepText.set(stepText(step.get()));
        events.setAll(visits.events());
    }

    // --- lifecycle --------------------------------------------------------------------------------------------

    /** Starts watching the readers for a card (on the card-io lane). */
    public void start() {
        if (readerPolling == null) {
            readerPolling = tasks.repeat(Lane.CARD_IO, "counter reader watch", READER_POLL, visits::pollReaders,
                    this::onReaderEvents, failure -> { /* the status bar shows reader failures */ });
        }
    }

    public void stop() {
        if (readerPolling != null) {
            readerPolling.cancel();
            readerPolling = null;
        }
    }

    void onReaderEvents(List<ReaderEvent> readerEvents) {
        for (ReaderEvent e : readerEvents) {
            if (e instanceof ReaderEvent.CardInserted) {
                cardPresent.set(true);
                if (step.get() == VisitStep.WAITING_FOR_CARD && !busy.get()) {
                    checkPinTries();
                }
            } else if (e instanceof ReaderEvent.CardRemoved) {
                cardPresent.set(false);
                if (step.get() == VisitStep.PIN_ENTRY || step.get() == VisitStep.PIN_BLOCKED
                        || step.get() == VisitStep.COLLATION_NUMBER_ENTRY) {
                    clearVisit();
                    message.set(messages.get("counter.card.removed"));
                }
            }
        }
    }

    // --- card -------------------------------------------------------------------------------------------------

    /** Asks the card for the PIN's tries left (no try used) and shows them before the resident types. */
    public void checkPinTries() {
        if (busy.get()) {
            return;
        }
        run(Lane.CARD_IO, "counter pin tries", visits::pinTriesLeft, this::showPinStatus);
    }

    private void showPinStatus(PinStatus status) {
        error.set("");
        pinWrong.set(false);
        pin.set("");
        pinTriesLeft.set(status.triesLeft());
        if (status.blocked()) {
            pinTriesText.set(messages.get("counter.pin.blocked"));
            step.set(VisitStep.PIN_BLOCKED);
        } else {
            pinTriesText.set(status.reported() ? messages.get("counter.pin.triesLeft", status.triesLeft())
                    : messages.get("counter.pin.triesUnknown"));
            step.set(VisitStep.PIN_ENTRY);
        }
    }

    /** Adds one digit from the PIN pad (at most four). */
    public void pressPinDigit(int digit) {
        if (step.get() == VisitStep.PIN_ENTRY && pin.get().length() < 4 && digit >= 0 && digit <= 9) {
            pin.set(pin.get() + digit);
        }
    }

    public void clearPin() {
        pin.set("");
    }

    /** Sends the PIN once. A wrong PIN is never retried: the clerk sees the tries left and the resident types again. */
    public void submitPin() {
        if (step.get() != VisitStep.PIN_ENTRY || busy.get()) {
            return;
        }
        String typed = pin.get() == null ? "" : pin.get();
        pin.set("");
        if (!typed.matches("[0-9]{4}")) {
            error.set(messages.get("counter.pin.format"));
            return;
        }
        boolean withMyNumber = readMyNumber.get();
        readCard(ResidentIdentity.Source.CARD_PIN, () -> visits.readWithPin(typed, withMyNumber));
    }

    private void readCard(ResidentIdentity.Source by, java.util.concurrent.Callable<ResidentIdentity> read) {
        readingBy = by;
        busy.set(true);
        error.set("");
        step.set(VisitStep.READING);
        long visitGeneration = generation;
        tasks.submit(Lane.CARD_IO, "counter read card", read, who -> {
            if (visitGeneration == generation) {
                identified(who);
            }
        }, failure -> {
            if (visitGeneration == generation) {
                cardReadFailed(failure);
            }
        });
    }

    private void cardReadFailed(Throwable failure) {
        busy.set(false);
        error.set(errors.describe(failure));
        boolean byPin = readingBy == ResidentIdentity.Source.CARD_PIN;
        if (failure instanceof CardIoException e && e.error() == CardIoError.WRONG_PIN) {
            int left = e.triesLeft().orElse(PinStatus.NOT_REPORTED);
            if (byPin) {
                pinTriesLeft.set(left);
                pinTriesText.set(messages.get("counter.pin.wrong", left));
                pinWrong.set(true);
            }
            step.set(byPin ? VisitStep.PIN_ENTRY : VisitStep.COLLATION_NUMBER_ENTRY);
        } else if (failure instanceof CardIoException e && e.error() == CardIoError.PIN_BLOCKED) {
            if (byPin) {
                pinTriesLeft.set(0);
                pinTriesText.set(messages.get("counter.pin.blocked"));
                step.set(VisitStep.PIN_BLOCKED);
            } else {
                step.set(VisitStep.COLLATION_NUMBER_ENTRY);
            }
        } else {
            step.set(cardPresent.get() ? (byPin ? VisitStep.PIN_ENTRY : VisitStep.COLLATION_NUMBER_ENTRY)
                    : VisitStep.WAITING_FOR_CARD);
        }
    }

    /** The clerk reads the card with 照合番号B instead of the PIN (forgotten or blocked PIN). */
    public void useCollationNumber() {
        if (busy.get()) {
            return;
        }
        error.set("");
        pin.set("");
        step.set(VisitStep.COLLATION_NUMBER_ENTRY);
    }

    public void submitCollationNumber() {
        if (step.get() != VisitStep.COLLATION_NUMBER_ENTRY || busy.get()) {
            return;
        }
        String typed = collationNumber.get() == null ? "" : collationNumber.get().strip();
        collationNumber.set("");
        if (!typed.matches("[0-9]{14}")) {
            error.set(messages.get("counter.collation.format"));
            return;
        }
        boolean withMyNumber = readMyNumber.get();
        readCard(ResidentIdentity.Source.CARD_COLLATION_NUMBER_B,
                () -> visits.readWithCollationNumberB(typed, withMyNumber));
    }

    /** The resident has no card (or it cannot be read): the clerk types the identity. */
    public void enterManually() {
        if (busy.get()) {
            return;
        }
        error.set("");
        pin.set("");
        step.set(VisitStep.MANUAL_ENTRY);
    }

    public void submitManualEntry() {
        if (step.get() != VisitStep.MANUAL_ENTRY || busy.get()) {
            return;
        }
        LocalDate born;
        try {
            born = LocalDate.parse(manualBirthDate.get().strip());
        } catch (DateTimeParseException e) {
            error.set(messages.get("counter.manual.birthDate"));
            return;
        }
        if (manualName.get().isBlank() && manualKana.get().isBlank()) {
            error.set(messages.get("counter.manual.name"));
            return;
        }
        readingBy = ResidentIdentity.Source.MANUAL;
        step.set(VisitStep.READING);
        identified(ResidentIdentity.manual(manualName.get().strip(), manualKana.get(), manualAddress.get(), born));
    }

    private void identified(ResidentIdentity who) {
        busy.set(false);
        pinWrong.set(false);
        error.set("");
        identity = who;
        if (draftId == null) {
            draftId = UUID.randomUUID();
        }
        pinTriesText.set("");
        run(Lane.STORE_WRITER, "counter register match", () -> visits.match(who), match -> {
            candidates.setAll(match.candidates());
            matchText.set(match.empty() ? messages.get("counter.match.none")
                    : match.ambiguous() ? messages.get("counter.match.ambiguous", match.candidates().size())
                    : messages.get("counter.match.one"));
            step.set(VisitStep.CANDIDATES);
        });
    }

    // --- register match ---------------------------------------------------------------------------------------

    /** The clerk confirms this candidate as the person at the counter. Never done by the program. */
    public void confirmCandidate(MatchCandidate candidate) {
        if (step.get() != VisitStep.CANDIDATES || busy.get() || !candidates.contains(candidate)) {
            return;
        }
        run(Lane.STORE_WRITER, "counter household", () -> visits.household(candidate.resident()), members -> {
            confirmed.set(candidate);
            household = List.copyOf(members);
            step.set(VisitStep.LIFE_EVENT);
        });
    }

    /** The clerk finds none of the candidates right (or there are none): continue without a register entry. */
    public void continueWithoutRegister() {
        if (step.get() != VisitStep.CANDIDATES || busy.get()) {
            return;
        }
        confirmed.set(null);
        household = List.of();
        step.set(VisitStep.LIFE_EVENT);
    }

    // --- life event and interview -----------------------------------------------------------------------------

    /** Chooses the life event; its questions start as "unknown" (which keeps a procedure in, to be safe). */
    public void chooseEvent(String eventId) {
        if (step.get() != VisitStep.LIFE_EVENT || busy.get()) {
            return;
        }
        event.set(eventId);
        questions.setAll(visits.questions(eventId));
        answers.clear();
        questions.forEach(q -> answers.put(q.id(), LifeEventRules.UNKNOWN));
    }

    /** @param answer yes, no or unknown */
    public void answer(String questionId, String answer) {
        if (step.get() == VisitStep.LIFE_EVENT && answers.containsKey(questionId)) {
            answers.put(questionId, answer);
        }
    }

    public void proposeProcedures() {
        if (step.get() != VisitStep.LIFE_EVENT || busy.get()) {
            return;
        }
        if (event.get() == null) {
            error.set(messages.get("counter.event.missing"));
            return;
        }
        String eventId = event.get();
        Map<String, String> given = Map.copyOf(answers);
        run(Lane.BACKGROUND, "counter plan", () -> {
            LifeEventPlan p = visits.plan(eventId, given);
            return Map.entry(p, visits.interviewItems(p));
        }, result -> {
            plan = result.getKey();
            procedures.setAll(plan.procedures());
            interviewItems.setAll(result.getValue());
            for (InterviewItem item : result.getValue()) {
                interview.putIfAbsent(item.key(), "");
            }
            step.set(VisitStep.PROCEDURES);
        });
    }

    public void backToLifeEvent() {
        if ((step.get() == VisitStep.PROCEDURES) && !busy.get()) {
            step.set(VisitStep.LIFE_EVENT);
        }
    }

    public void setInterviewValue(String key, String value) {
        if (step.get() == VisitStep.PROCEDURES) {
            interview.put(key, value == null ? "" : value);
        }
    }

    // --- forms ------------------------------------------------------------------------------------------------

    public void prepareForms() {
        if (step.get() != VisitStep.PROCEDURES || busy.get()) {
            return;
        }
        LifeEventPlan p = plan;
        ResidentIdentity who = identity;
        RegisterResident resident = confirmed.get() == null ? null : confirmed.get().resident();
        List<RegisterResident> members = household;
        Map<String, String> values = Map.copyOf(interview);
        run(Lane.BACKGROUND, "counter prefill", () -> visits.prepareForms(p, who, resident, members, values), filled -> {
            forms.setAll(filled);
            message.set(filled.isEmpty() ? messages.get("counter.forms.none") : "");
            step.set(VisitStep.FORMS);
        });
    }

    /** The clerk corrects one field of one form; the form is validated again. */
    public void editField(int formIndex, String fieldId, String text) {
        if (step.get() != VisitStep.FORMS || busy.get() || formIndex < 0 || formIndex >= forms.size()) {
            return;
        }
        VisitForm form = forms.get(formIndex);
        if (form.filled().text(fieldId).equals(text == null ? "" : text)) {
            return;
        }
        run(Lane.BACKGROUND, "counter edit field", () -> visits.edit(form, fieldId, text), edited -> {
            if (formIndex < forms.size() && forms.get(formIndex) == form) {
                forms.set(formIndex, edited);
                edits.add(new VisitSnapshot.FieldEdit(form.formId(), fieldId, text == null ? "" : text));
                saveDraft();
            }
        });
    }

    public void backToProcedures() {
        if ((step.get() == VisitStep.FORMS) && !busy.get()) {
            step.set(VisitStep.PROCEDURES);
        }
    }

    /** Renders every form (signed QR) for the preview; forms with errors stop it, with a message. */
    public void preview() {
        if (step.get() != VisitStep.FORMS || busy.get()) {
            return;
        }
        List<VisitForm> toRender = List.copyOf(forms);
        List<String> blocked = toRender.stream().filter(f -> !f.printable())
                .map(f -> f.filled().definition().title().in(messages.locale())).toList();
        if (!blocked.isEmpty()) {
            error.set(messages.get("counter.forms.hasErrors", String.join("、", blocked)));
            return;
        }
        if (toRender.isEmpty()) {
            error.set(messages.get("counter.forms.none"));
            return;
        }
        run(Lane.BACKGROUND, "counter render", () -> {
            List<RenderedForm> out = new ArrayList<>();
            for (VisitForm f : toRender) {
                out.add(visits.render(f));
            }
            return out;
        }, out -> {
            rendered.setAll(out);
            step.set(VisitStep.PREVIEW);
        });
    }

    public void backToForms() {
        if (step.get() == VisitStep.PREVIEW && !busy.get()) {
            rendered.clear();
            step.set(VisitStep.FORMS);
        }
    }

    /** Prints the previewed forms, then stores the case with its outbox entry and audit rows. */
    public void print() {
        if (step.get() != VisitStep.PREVIEW || busy.get()) {
            return;
        }
        List<RenderedForm> toPrint = List.copyOf(rendered);
        boolean again = reprinting;
        step.set(VisitStep.PRINTING);
        run(Lane.BACKGROUND, "counter print", () -> {
            PrintDestination where = destination.get(); // may ask the print service: not on the UI thread
            List<PrintOutcome> out = new ArrayList<>();
            for (RenderedForm r : toPrint) {
                PrintOutcome outcome = visits.print(r, where);
                out.add(again ? outcome.asReprint() : outcome);
            }
            return out;
        }, outcomes -> {
            printed.addAll(outcomes); // after a resume the earlier prints stay: they are audited too
            for (RenderedForm r : toPrint) {
                printedForms.put(r.form().formId(), VisitCaseService.fingerprint(r.form()));
            }
            storeCase(List.copyOf(printed));
        }, () -> step.set(VisitStep.PREVIEW));
    }

    /**
     * Writes down that the forms were printed — durably, in the draft, before the case's transaction is tried — and
     * then stores the case. A crash between the two resumes at {@link VisitStep#PRINTED}: the clerk is told the forms
     * were printed and stores the case without printing them again.
     */
    private void storeCase(List<PrintOutcome> outcomes) {
        VisitSnapshot printedSnapshot = snapshot();
        LifeEventPlan planned = plan;
        dev.madoguchi.domain.MyNumber myNumber = identity == null ? null : identity.myNumber();
        run(Lane.STORE_WRITER, "counter record the print", () -> {
            visits.saveDraft(printedSnapshot, planned, myNumber);
            return Boolean.TRUE;
        }, saved -> writeCase(outcomes), () -> message.set(messages.get("counter.store.retry")));
    }

    private void writeCase(List<PrintOutcome> outcomes) {
        LifeEventPlan p = plan;
        ResidentIdentity who = identity;
        RegisterResident resident = confirmed.get() == null ? null : confirmed.get().resident();
        List<VisitForm> done = List.copyOf(forms);
        UUID draft = draftId;
        run(Lane.STORE_WRITER, "counter store case", () -> visits.recordCase(p, who, resident, done, outcomes,
                draft),
                (UUID id) -> {
                    caseId.set(id.toString());
                    message.set(messages.get("counter.done", outcomes.size()));
                    step.set(VisitStep.DONE);
                }, () -> {
                    // printed but not stored: stay here so the clerk can try storing again
                    message.set(messages.get("counter.store.retry"));
                });
    }

    /** After a failed store write: stores the already printed forms' case again (nothing is printed twice). */
    public void retryStore() {
        if (step.get() == VisitStep.PRINTING && !busy.get() && !printed.isEmpty()) {
            storeCase(List.copyOf(printed));
        }
    }

    /**
     * 記録する: a resumed visit whose forms were printed before the interruption is stored without printing again —
     * the case, its outbox message and the print audit rows with the original print time, once. Refused
     * ({@link CounterError#PRINTED_FORMS_CHANGED}) when the forms made again from the draft differ from what was
     * printed: then only {@link #printAgain()} is left.
     */
    public void storePrinted() {
        if (step.get() != VisitStep.PRINTED || busy.get() || printed.isEmpty()) {
            return;
        }
        for (VisitForm form : forms) {
            if (!VisitCaseService.fingerprint(form).equals(printedForms.get(form.formId()))) {
                error.set(errors.describe(new CounterException(CounterError.PRINTED_FORMS_CHANGED,
                        "form " + form.formId() + " differs from the one printed", null)));
                return;
            }
        }
        if (forms.size() != printedForms.size()) {
            error.set(errors.describe(new CounterException(CounterError.PRINTED_FORMS_CHANGED,
                    "the visit's forms are not the ones printed", null)));
            return;
        }
        error.set("");
        step.set(VisitStep.PRINTING);
        storeCase(List.copyOf(printed));
    }

    /**
     * 印刷し直す: a resumed visit whose forms were printed before is printed again (preview first); the new prints are
     * audited as reprints, together with the earlier ones, when the case is stored.
     */
    public void printAgain() {
        if (step.get() != VisitStep.PRINTED || busy.get()) {
            return;
        }
        reprinting = true;
        error.set("");
        step.set(VisitStep.FORMS);
        preview();
    }

    /** What a resumed visit at {@link VisitStep#PRINTED} says: printed at HH:MM, not stored yet. */
    public ReadOnlyStringProperty printedTextProperty() {
        return printedText;
    }

    // --- end of the visit -------------------------------------------------------------------------------------

    /** The visit is finished: everything personal is dropped and the counter waits for the next card. */
    public void nextResident() {
        if (step.get() == VisitStep.DONE && !busy.get()) {
            clearVisit();
        }
    }

    /**
     * Abandons the visit at any step but while printing and storing (nothing is stored; its draft is discarded,
     * audited — with the forms and print times when they had been printed); nothing personal is kept.
     */
    public void cancelVisit() {
        if (!busy.get() && step.get() != VisitStep.PRINTING) {
            UUID draft = draftId;
            List<PrintOutcome> prints = List.copyOf(printed);
            clearVisit();
            if (draft != null) {
                tasks.submit(Lane.STORE_WRITER, "counter discard draft", () -> {
                    visits.discardDraft(draft, prints);
                    return Boolean.TRUE;
                }, done -> message.set(messages.get("counter.draft.discarded")),
                        failure -> error.set(errors.describe(failure)));
            }
        }
    }

    /**
     * Drops the visit whatever it is doing (the counter locks, the language changes): results of work still running
     * are ignored when they arrive. The visit's draft stays in the store and is resumed afterwards
     * ({@link #resumeDropped}). A case already being stored is still stored by the store; it shows in the case list.
     *
     * @return the id of the dropped visit's draft, or {@code null} when no visit with a draft was running (nothing
     *     identified yet)
     */
    public UUID discard() {
        UUID dropped = draftId;
        clearVisit();
        busy.set(false);
        return dropped;
    }

    private void clearVisit() {
        generation++;
        identity = null;
        draftId = null;
        edits.clear();
        printedForms.clear();
        reprinting = false;
        printedText.set("");
        offeredDrafts.clear();
        draftText.set("");
        readingBy = null;
        household = List.of();
        plan = null;
        pin.set("");
        pinWrong.set(false);
        collationNumber.set("");
        pinTriesLeft.set(PinStatus.NOT_REPORTED);
        pinTriesText.set("");
        manualName.set("");
        manualKana.set("");
        manualBirthDate.set("");
        manualAddress.set("");
        readMyNumber.set(false);
        candidates.clear();
        matchText.set("");
        confirmed.set(null);
        event.set(null);
        questions.clear();
        answers.clear();
        procedures.clear();
        interviewItems.clear();
        interview.clear();
        forms.clear();
        rendered.clear();
        printed.clear();
        caseId.set("");
        error.set("");
        message.set("");
        step.set(VisitStep.WAITING_FOR_CARD);
    }

    /** Whether the view model holds anything about a person (for tests and the auto-lock). */
    public boolean holdsPersonalData() {
        return identity != null || !household.isEmpty() || !candidates.isEmpty() || confirmed.get() != null
                || !forms.isEmpty() || !rendered.isEmpty() || !interview.values().stream().allMatch(String::isEmpty)
                || !manualName.get().isEmpty() || !manualKana.get().isEmpty() || !manualBirthDate.get().isEmpty()
                || !manualAddress.get().isEmpty() || !pin.get().isEmpty() || !collationNumber.get().isEmpty()
                || !caseId.get().isEmpty() || !printed.isEmpty();
    }

    // --- drafts: a running visit survives a crash, the auto-lock and a language switch -------------------------

    /** What the store needs to resume this visit. Null before the resident is identified. */
    VisitSnapshot snapshot() {
        if (identity == null || draftId == null) {
            return null;
        }
        // printed but not stored: the draft says so in its step too (the offer after sign-in shows it)
        VisitStep at = !printed.isEmpty() && (step.get() == VisitStep.PRINTING || step.get() == VisitStep.DONE)
                ? VisitStep.PRINTED : step.get();
        return new VisitSnapshot(draftId, at, identity.withoutMyNumber(), readMyNumber.get(),
                confirmed.get() == null ? null : confirmed.get().resident().residentId(), event.get(),
                Map.copyOf(answers), Map.copyOf(interview), List.copyOf(edits), List.copyOf(printed),
                Map.copyOf(printedForms));
    }

    private void saveDraft() {
        VisitSnapshot snapshot = snapshot();
        if (snapshot == null) {
            return;
        }
        LifeEventPlan p = plan;
        dev.madoguchi.domain.MyNumber myNumber = identity.myNumber();
        long visitGeneration = generation;
        tasks.submit(Lane.STORE_WRITER, "counter save draft", () -> {
            visits.saveDraft(snapshot, p, myNumber);
            return Boolean.TRUE;
        }, saved -> { }, failure -> {
            if (visitGeneration == generation) {
                error.set(errors.describe(failure));
            }
        });
    }

    /**
     * Offers the signed-in clerk's drafts of visits that were running when the program stopped (after a sign-in):
     * 再開 / 破棄 for each, newest first ({@link #offeredDrafts}; {@code store-writer}). Another clerk's drafts are
     * never offered (docs/adr/0014).
     */
    public void offerDrafts() {
        lookForDrafts(null);
    }

    /**
     * After an unlock or a language switch: the visit that was dropped ({@link #discard}'s id) goes on where it was.
     * When no visit was running then ({@code null}), or its draft is gone, the clerk's other drafts are offered as after
     * a sign-in — an older interrupted visit is never resumed without the clerk choosing it.
     */
    public void resumeDropped(UUID dropped) {
        lookForDrafts(dropped);
    }

    private void lookForDrafts(UUID resume) {
        if (step.get() != VisitStep.WAITING_FOR_CARD || busy.get()) {
            return;
        }
        long visitGeneration = generation;
        tasks.submit(Lane.STORE_WRITER, "counter look for drafts", visits::myDrafts, found -> {
            if (visitGeneration != generation || step.get() != VisitStep.WAITING_FOR_CARD || found.isEmpty()) {
                return;
            }
            Optional<VisitDraft> dropped = resume == null ? Optional.empty()
                    : found.stream().filter(d -> d.draftId().equals(resume)).findFirst();
            if (dropped.isPresent()) {
                resume(dropped.get());
            } else {
                offeredDrafts.setAll(found);
                draftText.set(offerHeadline());
            }
        }, failure -> {
            if (visitGeneration == generation) {
                error.set(errors.describe(failure));
            }
        });
    }

    private String offerHeadline() {
        return offeredDrafts.isEmpty() ? "" : offeredDrafts.size() == 1
                ? messages.get("counter.draft.offer", draftText(offeredDrafts.get(0)))
                : messages.get("counter.draft.offerMany", offeredDrafts.size());
    }

    /** One offered draft in words: its step and when it was last saved (HH:MM). */
    public String draftText(VisitDraft draft) {
        VisitStep at;
        try {
            at = VisitStep.valueOf(draft.step());
        } catch (IllegalArgumentException e) {
            return messages.get("counter.draft.item", draft.step(), HH_MM.format(draft.savedAt()));
        }
        return messages.get("counter.draft.item", stepText(at), HH_MM.format(draft.savedAt()));
    }

    /** 再開 of the newest offered draft. */
    public void resumeDraft() {
        if (!offeredDrafts.isEmpty()) {
            resumeDraft(offeredDrafts.get(0));
        }
    }

    /** 再開: the offered draft's visit goes on at its step with its values. */
    public void resumeDraft(VisitDraft draft) {
        if (draft != null && offeredDrafts.contains(draft) && !busy.get()
                && step.get() == VisitStep.WAITING_FOR_CARD) {
            resume(draft);
        }
    }

    /** 破棄 of the newest offered draft. */
    public void discardOfferedDraft() {
        if (!offeredDrafts.isEmpty()) {
            discardOfferedDraft(offeredDrafts.get(0));
        }
    }

    /** 破棄: the offered draft is deleted (audited); the others stay offered; the counter waits for the next card. */
    public void discardOfferedDraft(VisitDraft draft) {
        if (draft != null && offeredDrafts.contains(draft) && !busy.get()) {
            offeredDrafts.remove(draft);
            draftText.set(offerHeadline());
            tasks.submit(Lane.STORE_WRITER, "counter discard draft", () -> {
                visits.discardDraft(draft);
                return Boolean.TRUE;
            }, done -> message.set(messages.get("counter.draft.discarded")),
                    failure -> error.set(errors.describe(failure)));
        }
    }

    /**
     * Restores the visit: the register match and household are read again (audited), then the plan, the interview
     * items and the forms are made again from the same inputs and the clerk's corrections applied in order.
     */
    private void resume(VisitDraft draft) {
        offeredDrafts.clear();
        draftText.set("");
        long visitGeneration = generation;
        busy.set(true);
        error.set("");
        tasks.submit(Lane.STORE_WRITER, "counter resume: register", () -> {
            VisitSnapshot snapshot = visits.openDraft(draft);
            RegisterMatch match = visits.match(snapshot.identity());
            MatchCandidate chosen = snapshot.confirmedResidentId() == null ? null : match.candidates().stream()
                    .filter(c -> c.resident().residentId().equals(snapshot.confirmedResidentId())).findFirst()
                    .orElse(null);
            List<RegisterResident> members = chosen == null ? List.of() : visits.household(chosen.resident());
            return new Resumed(snapshot, match, chosen, members);
        }, resumed -> {
            if (visitGeneration != generation) {
                return;
            }
            restoreUpToLifeEvent(resumed);
        }, failure -> {
            busy.set(false);
            if (visitGeneration == generation) {
                error.set(errors.describe(failure));
            }
        });
    }

    private record Resumed(VisitSnapshot snapshot, RegisterMatch match, MatchCandidate chosen,
            List<RegisterResident> household) {}

    private void restoreUpToLifeEvent(Resumed resumed) {
        VisitSnapshot snapshot = resumed.snapshot();
        identity = snapshot.identity();
        draftId = snapshot.draftId();
        readingBy = identity.source();
        readMyNumber.set(snapshot.readMyNumber());
        edits.clear();
        edits.addAll(snapshot.edits());
        candidates.setAll(resumed.match().candidates());
        matchText.set(resumed.match().empty() ? messages.get("counter.match.none")
                : resumed.match().ambiguous()
                        ? messages.get("counter.match.ambiguous", resumed.match().candidates().size())
                        : messages.get("counter.match.one"));
        message.set(messages.get("counter.draft.resumed"));
        VisitStep target = snapshot.resumeStep();
        boolean lostEntry = snapshot.confirmedResidentId() != null && resumed.chosen() == null;
        if (!snapshot.prints().isEmpty()) {
            // printed before the interruption: the prints stay with the visit whatever step it goes on at, so that
            // they reach the audit when the case is stored; printing again from an earlier step is a reprint
            printed.setAll(snapshot.prints());
            printedForms.clear();
            printedForms.putAll(snapshot.printedForms());
            reprinting = target != VisitStep.PRINTED;
        }
        if (target == VisitStep.CANDIDATES || lostEntry) {
            busy.set(false);
            step.set(VisitStep.CANDIDATES);
            return;
        }
        confirmed.set(resumed.chosen());
        household = List.copyOf(resumed.household());
        if (snapshot.event() != null) {
            event.set(snapshot.event());
            questions.setAll(visits.questions(snapshot.event()));
            answers.clear();
            questions.forEach(q -> answers.put(q.id(), snapshot.answers().getOrDefault(q.id(), LifeEventRules.UNKNOWN)));
        }
        if (target == VisitStep.LIFE_EVENT || snapshot.event() == null) {
            busy.set(false);
            step.set(VisitStep.LIFE_EVENT);
            return;
        }
        String eventId = snapshot.event();
        Map<String, String> given = Map.copyOf(answers);
        ResidentIdentity who = identity;
        RegisterResident resident = confirmed.get() == null ? null : confirmed.get().resident();
        List<RegisterResident> members = household;
        long visitGeneration = generation;
        tasks.submit(Lane.BACKGROUND, "counter resume: forms", () -> {
            LifeEventPlan p = visits.plan(eventId, given);
            List<InterviewItem> items = visits.interviewItems(p);
            List<VisitForm> filled = List.of();
            if (target == VisitStep.FORMS || target == VisitStep.PRINTED) {
                List<VisitForm> made = new ArrayList<>(visits.prepareForms(p, who, resident, members,
                        snapshot.interview()));
                for (VisitSnapshot.FieldEdit e : snapshot.edits()) {
                    for (int i = 0; i < made.size(); i++) {
                        if (made.get(i).formId().equals(e.formId())) {
                            made.set(i, visits.edit(made.get(i), e.fieldId(), e.text()));
                        }
                    }
                }
                filled = made;
            }
            return new ResumedForms(p, items, filled);
        }, done -> {
            busy.set(false);
            if (visitGeneration != generation) {
                return;
            }
            plan = done.plan();
            procedures.setAll(plan.procedures());
            interviewItems.setAll(done.items());
            interview.clear();
            interview.putAll(snapshot.interview());
            for (InterviewItem item : done.items()) {
                interview.putIfAbsent(item.key(), "");
            }
            forms.setAll(done.forms());
            if (target == VisitStep.PRINTED) {
                printedText.set(messages.get("counter.printed.notStored", HH_MM.format(snapshot.firstPrintedAt())));
                step.set(VisitStep.PRINTED);
                return;
            }
            step.set(target == VisitStep.FORMS ? VisitStep.FORMS : VisitStep.PROCEDURES);
        }, failure -> {
            busy.set(false);
            if (visitGeneration == generation) {
                error.set(errors.describe(failure));
                step.set(VisitStep.LIFE_EVENT);
            }
        });
    }

    private record ResumedForms(LifeEventPlan plan, List<InterviewItem> items, List<VisitForm> forms) {}

    /** The signed-in clerk's drafts offered after sign-in (再開 / 破棄 each), newest first; empty when none. */
    public ObservableList<VisitDraft> offeredDrafts() {
        return offeredDraftsView;
    }

    /** The offer in words: which step, saved when (one draft), or how many there are. */
    public ReadOnlyStringProperty draftTextProperty() {
        return draftText;
    }

    // --- texts for the view -----------------------------------------------------------------------------------

    /** A value's source in words: 住民記録, カード, 聞き取り, 窓口, 世帯, 職員が修正. */
    public String sourceText(String source) {
        if (source == null) {
            return "";
        }
        String kind = source.contains(".") ? source.substring(0, source.indexOf('.')) : source;
        return switch (kind) {
            case "register", "card", "interview", "office", "household", "clerk", "data" ->
                    messages.get("counter.source." + kind);
            default -> source;
        };
    }

    public String issueText(ValidationIssue issue) {
        return messages.get(issue.severity() == dev.madoguchi.forms.validation.Severity.ERROR
                ? "counter.issue.error" : "counter.issue.warning", issue.message(messages.locale()));
    }

    public String text(LocalizedText text) {
        return text == null ? "" : text.in(messages.locale());
    }

    public String matchText(FieldMatch match) {
        return messages.get(Messages.keyFor("counter.fieldMatch.", match));
    }

    public String fieldText(MatchField field) {
        return messages.get(Messages.keyFor("counter.matchField.", field));
    }

    public String answerText(String answer) {
        return messages.get("counter.answer." + answer);
    }

    private String stepText(VisitStep s) {
        return messages.get(Messages.keyFor("counter.step.", s));
    }

    // --- running work -----------------------------------------------------------------------------------------

    private <T> void run(Lane lane, String name, java.util.concurrent.Callable<T> work,
            java.util.function.Consumer<T> done) {
        run(lane, name, work, done, () -> { });
    }

    private <T> void run(Lane lane, String name, java.util.concurrent.Callable<T> work,
            java.util.function.Consumer<T> done, Runnable afterFailure) {
        busy.set(true);
        error.set("");
        long visitGeneration = generation;
        tasks.submit(lane, name, work, result -> {
            busy.set(false);
            if (visitGeneration == generation) {
                done.accept(result);
            }
        }, failure -> {
            busy.set(false);
            if (visitGeneration != generation) {
                return;
            }
            error.set(errors.describe(failure));
            if (step.get() == VisitStep.READING) {
                // the register search failed: back to where the identity came from
                step.set(readingBy == ResidentIdentity.Source.MANUAL ? VisitStep.MANUAL_ENTRY
                        : readingBy == ResidentIdentity.Source.CARD_COLLATION_NUMBER_B
                                ? VisitStep.COLLATION_NUMBER_ENTRY : VisitStep.PIN_ENTRY);
                identity = null;
            }
            afterFailure.run();
        });
    }

    // --- properties -------------------------------------------------------------------------------------------

    public ReadOnlyObjectProperty<VisitStep> stepProperty() {
        return step;
    }

    public ReadOnlyStringProperty stepTextProperty() {
        return stepText;
    }

    /** Progress and outcome in words. */
    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    /** The last failure in words with its remedy and code; empty when none. */
    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    public ReadOnlyBooleanProperty cardPresentProperty() {
        return cardPresent;
    }

    /** Tries left on the PIN, known before entry; -1 when the card did not say. */
    public ReadOnlyIntegerProperty pinTriesLeftProperty() {
        return pinTriesLeft;
    }

    public ReadOnlyStringProperty pinTriesTextProperty() {
        return pinTriesText;
    }

    public StringProperty pinProperty() {
        return pin;
    }

    /** True after a wrong PIN until the next read or visit. */
    public ReadOnlyBooleanProperty pinWrongProperty() {
        return pinWrong;
    }

    public StringProperty collationNumberProperty() {
        return collationNumber;
    }

    /** The clerk asks for the 個人番号 too (only when a procedure of the visit needs it). */
    public BooleanProperty readMyNumberProperty() {
        return readMyNumber;
    }

    public StringProperty manualNameProperty() {
        return manualName;
    }

    public StringProperty manualKanaProperty() {
        return manualKana;
    }

    /** yyyy-mm-dd. */
    public StringProperty manualBirthDateProperty() {
        return manualBirthDate;
    }

    public StringProperty manualAddressProperty() {
        return manualAddress;
    }

    public ObservableList<MatchCandidate> candidates() {
        return candidatesView;
    }

    public ReadOnlyStringProperty matchTextProperty() {
        return matchText;
    }

    public ReadOnlyObjectProperty<MatchCandidate> confirmedProperty() {
        return confirmed;
    }

    public ObservableList<LifeEventRules.Event> events() {
        return eventsView;
    }

    public ReadOnlyStringProperty eventProperty() {
        return event;
    }

    public ObservableList<LifeEventRules.Question> questions() {
        return questionsView;
    }

    public ObservableMap<String, String> answers() {
        return answersView;
    }

    public ObservableList<ProposedProcedure> procedures() {
        return proceduresView;
    }

    public ObservableList<InterviewItem> interviewItems() {
        return interviewItemsView;
    }

    public ObservableMap<String, String> interview() {
        return interviewView;
    }

    public ObservableList<VisitForm> forms() {
        return formsView;
    }

    public ObservableList<RenderedForm> rendered() {
        return renderedView;
    }

    public ObservableList<PrintOutcome> printed() {
        return printedView;
    }

    public ReadOnlyStringProperty caseIdProperty() {
        return caseId;
    }

    public Messages messages() {
        return messages;
    }

    /** The use cases this view model calls (the counter's tests and screenshot driver make drafts with them). */
    VisitService service() {
        return visits;
    }
}
