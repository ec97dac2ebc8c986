package dev.madoguchi.app.counter;

import dev.madoguchi.app.i18n.Messages;
import dev.madoguchi.app.task.Lane;
import dev.madoguchi.app.task.TaskRunner;
import dev.madoguchi.forms.rules.ProposedProcedure;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The running visit at the counter: holds the current {@link Visit} and what was made from it ({@link VisitMaterial}),
 * and advances them for the step view models ({@code app.counter.identify}, {@code .match}, {@code .plan},
 * {@code .forms}, {@code .print}, {@code .drafts}), which depend on this class and never on each other. On each
 * change of step it records the step timings on the monotonic {@code ticker} and saves the draft at the steps of
 * docs/adr/0014. Busy, error and message are the visit's, shown once by the counter screen. Uses {@code javafx.beans}
 * only; work runs through {@link StepWork}.
 */
public final class VisitCoordinator {

    /** The steps at which the running visit's draft is saved (docs/adr/0014). */
    private static final Set<VisitStep> DRAFT_STEPS = EnumSet.of(VisitStep.CANDIDATES, VisitStep.LIFE_EVENT,
            VisitStep.PROCEDURES, VisitStep.FORMS, VisitStep.PREVIEW, VisitStep.PRINTING, VisitStep.PRINTED);

    private final Messages messages;
    private final VisitService visits;
    private final ErrorTexts errors;
    private final StepWork work;
    private final LongSupplier ticker;
    private final Clock clock;

    private final ObjectProperty<Visit> visit = new SimpleObjectProperty<>(Visit.NONE);
    private final ObjectProperty<VisitMaterial> material = new SimpleObjectProperty<>(VisitMaterial.NONE);
    private final ObjectProperty<VisitStep> step = new SimpleObjectProperty<>(VisitStep.WAITING_FOR_CARD);
    private final StringProperty stepText = new SimpleStringProperty();
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final SimpleBooleanProperty busy = new SimpleBooleanProperty(false);

    private final ObservableList<MatchCandidate> candidates = FXCollections.observableArrayList();
    private final ObservableList<ProposedProcedure> procedures = FXCollections.observableArrayList();
    private final ObservableList<VisitForm> forms = FXCollections.observableArrayList();
    private final ObservableList<RenderedForm> rendered = FXCollections.observableArrayList();
    private final ObservableList<PrintOutcome> printed = FXCollections.observableArrayList();
    // read-only views, made once: a wrapper made per call would drop its listeners when collected
    private final ObservableList<MatchCandidate> candidatesView = FXCollections.unmodifiableObservableList(candidates);
    private final ObservableList<ProposedProcedure> proceduresView = FXCollections.unmodifiableObservableList(procedures);
    private final ObservableList<VisitForm> formsView = FXCollections.unmodifiableObservableList(forms);
    private final ObservableList<RenderedForm> renderedView = FXCollections.unmodifiableObservableList(rendered);
    private final ObservableList<PrintOutcome> printedView = FXCollections.unmodifiableObservableList(printed);

    private final List<Runnable> whenEnded = new ArrayList<>();
    private final List<BooleanSupplier> personalData = new ArrayList<>();
    /** Changes whenever a visit is dropped, so that late results of its work are ignored. */
    private long generation;

    /**
     * @param ticker a monotonic clock in nanoseconds ({@code System::nanoTime}); tests move their own
     * @param clock the wall clock for the visit's start time
     */
    public VisitCoordinator(Messages messages, TaskRunner tasks, VisitService visits, LongSupplier ticker,
            Clock clock) {
        this.messages = messages;
        this.visits = visits;
        this.errors = new ErrorTexts(messages);
        this.work = new StepWork(this, tasks);
        this.ticker = ticker;
        this.clock = clock;
        stepText.set(stepText(VisitStep.WAITING_FOR_CARD));
        // "中断した受付を破棄しました" belongs to the waiting counter: the next visit does not inherit it
        step.addListener((obs, was, now) -> {
            if (was == VisitStep.WAITING_FOR_CARD && now != VisitStep.WAITING_FOR_CARD
                    && messages.get("counter.draft.discarded").equals(message.get())) {
                message.set("");
            }
        });
    }

    // --- the visit ----------------------------------------------------------------------------------------------

    public Visit visit() {
        return visit.get();
    }

    public VisitMaterial material() {
        return material.get();
    }

    /** The visit changes (steps and values); listeners see the material that goes with it. */
    public ReadOnlyObjectProperty<Visit> visitProperty() {
        return visit;
    }

    public ReadOnlyObjectProperty<VisitMaterial> materialProperty() {
        return material;
    }

    /** Replaces the visit's values at the same step (an answer, an interview value, a correction). */
    public void update(Visit next) {
        advance(next, material.get());
    }

    /** Replaces what was made from the visit (candidates, plan, forms, previews). */
    public void updateMaterial(VisitMaterial made) {
        material.set(made);
        syncLists();
    }

    /**
     * Moves the visit to its next value and material: when the step changes, the step timings are recorded and, at
     * the steps of docs/adr/0014, the draft is saved.
     */
    public void advance(Visit next, VisitMaterial made) {
        Visit before = visit.get();
        Visit timed = before.step() == next.step() ? next : timed(next);
        material.set(made);
        visit.set(timed);
        syncLists();
        if (before.step() != timed.step()) {
            stepText.set(stepText(timed.step()));
            step.set(timed.step());
            if (DRAFT_STEPS.contains(timed.step())) {
                saveDraft();
            }
        }
    }

    /** Moves the visit to another step with the same values. */
    public void goTo(VisitStep next) {
        advance(visit.get().withStep(next), material.get());
    }

    private Visit timed(Visit next) {
        String was = StepTiming.of(visit.get().step());
        String now = StepTiming.of(next.step());
        if (java.util.Objects.equals(was, now)) {
            return next;
        }
        long at = ticker.getAsLong();
        List<StepTiming> timings = new ArrayList<>(next.timings());
        if (!timings.isEmpty() && timings.get(timings.size() - 1).running()) {
            timings.set(timings.size() - 1, timings.get(timings.size() - 1).endedAt(at));
        }
        if (now != null) {
            timings.add(new StepTiming(now, at, StepTiming.RUNNING));
        }
        return next.withTimings(next.startedAt() == null && now != null ? clock.instant() : next.startedAt(), timings);
    }

    /** The visit's handling times as they are now: the running step ended now (for the case being stored). */
    public VisitTimings handlingTimesNow() {
        long at = ticker.getAsLong();
        Visit v = visit.get();
        return v.withTimings(v.startedAt(), v.timings().stream().map(t -> t.running() ? t.endedAt(at) : t).toList())
                .handlingTimes();
    }

    private void syncLists() {
        VisitMaterial m = material.get();
        sync(candidates, m.candidates());
        sync(procedures, m.plan() == null ? List.of() : m.plan().procedures());
        sync(forms, m.forms());
        sync(rendered, m.rendered());
        sync(printed, visit.get().prints());
    }

    /** Changes only what differs: one corrected form is one replaced element (the view keeps the focus in it). */
    private static <T> void sync(ObservableList<T> list, List<T> now) {
        if (list.size() != now.size()) {
            list.setAll(now);
            return;
        }
        for (int i = 0; i < now.size(); i++) {
            if (list.get(i) != now.get(i)) {
                list.set(i, now.get(i));
            }
        }
    }

    /** Saves the running visit's draft on the store-writer lane (nothing before the resident is identified). */
    public void saveDraft() {
        Visit now = visit.get();
        if (!now.identified()) {
            return;
        }
        var plan = material.get().plan();
        work.background(Lane.STORE_WRITER, "counter save draft", () -> {
            visits.saveDraft(now, plan);
            return Boolean.TRUE;
        }, saved -> { });
    }

    // --- the end of a visit ----------------------------------------------------------------------------------

    /** Drops everything about the visit and waits for the next card; each step forgets what it held. */
    public void endVisit() {
        generation++;
        material.set(VisitMaterial.NONE);
        Visit before = visit.get();
        visit.set(Visit.NONE);
        syncLists();
        whenEnded.forEach(Runnable::run);
        error.set("");
        message.set("");
        if (before.step() != VisitStep.WAITING_FOR_CARD) {
            stepText.set(stepText(VisitStep.WAITING_FOR_CARD));
            step.set(VisitStep.WAITING_FOR_CARD);
        }
    }

    /**
     * Abandons the visit at any step but while printing and storing (nothing is stored; its draft is discarded,
     * audited — with the forms and print times when they had been printed); nothing personal is kept.
     */
    public void cancelVisit() {
        if (busy.get() || step.get() == VisitStep.PRINTING) {
            return;
        }
        UUID draft = visit.get().draftId();
        List<PrintOutcome> prints = visit.get().prints();
        endVisit();
        if (draft != null) {
            work.background(Lane.STORE_WRITER, "counter discard draft", () -> {
                visits.discardDraft(draft, prints);
                return Boolean.TRUE;
            }, done -> {
                if (step.get() == VisitStep.WAITING_FOR_CARD) { // not over a visit that has begun since
                    message.set(messages.get("counter.draft.discarded"));
                }
            });
        }
    }

    /**
     * Drops the visit whatever it is doing (the counter locks, the language changes): results of work still running
     * are ignored when they arrive. The visit's draft stays in the store and is resumed afterwards.
     *
     * @return the id of the dropped visit's draft, or {@code null} when no visit with a draft was running
     */
    public UUID discard() {
        UUID dropped = visit.get().draftId();
        endVisit();
        busy.set(false);
        return dropped;
    }

    /** A step's own state to forget when a visit ends (typed PIN, manual entry fields). */
    public void whenEnded(Runnable forget) {
        whenEnded.add(forget);
    }

    /** A step's own check for personal data it holds outside the visit (typed PIN, manual entry fields). */
    public void holdsPersonalDataToo(BooleanSupplier holds) {
        personalData.add(holds);
    }

    /** Whether anything about a person is held (for tests and the auto-lock). */
    public boolean holdsPersonalData() {
        Visit v = visit.get();
        return v.identity() != null || material.get().holdsPersonalData()
                || !v.interview().values().stream().allMatch(String::isEmpty) || v.caseId() != null
                || !v.prints().isEmpty() || personalData.stream().anyMatch(BooleanSupplier::getAsBoolean);
    }

    // --- shared state and texts -------------------------------------------------------------------------------

    long generation() {
        return generation;
    }

    public boolean isBusy() {
        return busy.get();
    }

    public void setBusy(boolean now) {
        busy.set(now);
    }

    public void setError(String text) {
        error.set(text);
    }

    public void setMessage(String text) {
        message.set(text);
    }

    /** A failure in words with its remedy and code. */
    public String describe(Throwable failure) {
        return errors.describe(failure);
    }

    public String stepText(VisitStep s) {
        return messages.get(Messages.keyFor("counter.step.", s));
    }

    public StepWork work() {
        return work;
    }

    public VisitService service() {
        return visits;
    }

    public Messages messages() {
        return messages;
    }

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

    public ObservableList<MatchCandidate> candidates() {
        return candidatesView;
    }

    /** The proposed procedures of the visit's plan (also those the clerk set aside). */
    public ObservableList<ProposedProcedure> procedures() {
        return proceduresView;
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
}
