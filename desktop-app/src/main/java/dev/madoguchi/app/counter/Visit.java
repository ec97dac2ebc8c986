package dev.madoguchi.app.counter;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One visit at the counter as an immutable value: what was recorded so far. {@link VisitCoordinator} holds the current
 * one and replaces it as the steps advance; a draft is this value as JSON ({@link VisitJson}, docs/adr/0014), so a
 * resumed visit is the same value. What is made from it again (register candidates, plan, filled forms, previews) is
 * {@link VisitMaterial}. {@link #toString()} shows nothing personal.
 *
 * <p>Step timings ({@link #timings}) use the stable step ids {@code identify}, {@code match}, {@code plan},
 * {@code forms} and {@code print} ({@link StepTiming}); they hold durations on a monotonic clock, the wall time the
 * visit started and nothing personal. Timings read from a draft written by another run keep their durations; a step
 * that was running when the visit was interrupted is not kept.
 *
 * @param draftId the visit's draft in the store, made when the resident is identified; null before
 * @param identity who the resident is (with the My Number when it was read), or null before identification
 * @param readMyNumber whether the clerk asked the card for the 個人番号
 * @param confirmedResidentId the register entry the clerk confirmed, or null (none yet, or none fits)
 * @param event the life event's id, or null before it is chosen
 * @param answers question id → yes / no / unknown
 * @param interview interview key → what the clerk typed
 * @param edits the clerk's corrections of form fields, in order
 * @param setAside procedure id → the clerk's reason for setting it aside (its forms are neither filled nor printed)
 * @param prints the forms printed for this visit whose case is not stored yet, in print order
 * @param printedForms form id → {@link VisitCaseService#fingerprint} of the content last printed
 * @param reprinting whether the forms were printed before: new prints are reprints
 * @param caseId the stored case, or null until it is stored
 * @param startedAt when the visit started (wall clock), or null while nobody is at the counter
 * @param timings the steps' timings so far, the current step's last ({@link StepTiming#running()})
 * @param moving who moves together and from which move-out record ({@link HouseholdMove#NONE} when not a move)
 */
public record Visit(UUID draftId, VisitStep step, ResidentIdentity identity, boolean readMyNumber,
        String confirmedResidentId, String event, Map<String, String> answers, Map<String, String> interview,
        List<FieldEdit> edits, Map<String, String> setAside, List<PrintOutcome> prints,
        Map<String, String> printedForms, boolean reprinting, UUID caseId, Instant startedAt,
        List<StepTiming> timings, HouseholdMove moving) {

    /** One correction of a form field by the clerk. */
    public record FieldEdit(String formId, String fieldId, String text) {}

    /** Nobody at the counter. */
    public static final Visit NONE = new Visit(null, VisitStep.WAITING_FOR_CARD, null, false, null, null, Map.of(),
            Map.of(), List.of(), Map.of(), List.of(), Map.of(), false, null, null, List.of(), HouseholdMove.NONE);

    public Visit {
        answers = ordered(answers);
        interview = ordered(interview);
        edits = List.copyOf(edits);
        setAside = ordered(setAside);
        prints = List.copyOf(prints);
        printedForms = ordered(printedForms);
        timings = List.copyOf(timings);
        moving = moving == null ? HouseholdMove.NONE : moving;
    }

    private static Map<String, String> ordered(Map<String, String> map) {
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    public Visit withStep(VisitStep now) {
        return new Visit(draftId, now, identity, readMyNumber, confirmedResidentId, event, answers, interview, edits,
                setAside, prints, printedForms, reprinting, caseId, startedAt, timings, moving);
    }

    public Visit identified(UUID draft, ResidentIdentity who, boolean withMyNumber) {
        return new Visit(draft, step, who, withMyNumber, confirmedResidentId, event, answers, interview, edits,
                setAside, prints, printedForms, reprinting, caseId, startedAt, timings, moving);
    }

    public Visit withIdentity(ResidentIdentity who) {
        return identified(draftId, who, readMyNumber);
    }

    public Visit withConfirmed(String residentId) {
        return new Visit(draftId, step, identity, readMyNumber, residentId, event, answers, interview, edits,
                setAside, prints, printedForms, reprinting, caseId, startedAt, timings, moving);
    }

    public Visit withEvent(String eventId, Map<String, String> newAnswers) {
        return new Visit(draftId, step, identity, readMyNumber, confirmedResidentId, eventId, newAnswers, interview,
                edits, setAside, prints, printedForms, reprinting, caseId, startedAt, timings, moving);
    }

    public Visit withAnswer(String questionId, String answer) {
        Map<String, String> next = new LinkedHashMap<>(answers);
        next.put(questionId, answer);
        return withEvent(event, next);
    }

    public Visit withInterview(Map<String, String> values) {
        return new Visit(draftId, step, identity, readMyNumber, confirmedResidentId, event, answers, values, edits,
                setAside, prints, printedForms, reprinting, caseId, startedAt, timings, moving);
    }

    public Visit withInterviewValue(String key, String value) {
        Map<String, String> next = new LinkedHashMap<>(interview);
        next.put(key, value);
        return withInterview(next);
    }

    public Visit withEdit(FieldEdit edit) {
        List<FieldEdit> next = new ArrayList<>(edits);
        next.add(edit);
        return new Visit(draftId, step, identity, readMyNumber, confirmedResidentId, event, answers, interview, next,
                setAside, prints, printedForms, reprinting, caseId, startedAt, timings, moving);
    }

    public Visit withSetAside(Map<String, String> reasons) {
        return new Visit(draftId, step, identity, readMyNumber, confirmedResidentId, event, answers, interview, edits,
                reasons, prints, printedForms, reprinting, caseId, startedAt, timings, moving);
    }

    public Visit withPrints(List<PrintOutcome> all, Map<String, String> fingerprints, boolean again) {
        return new Visit(draftId, step, identity, readMyNumber, confirmedResidentId, event, answers, interview, edits,
                setAside, all, fingerprints, again, caseId, startedAt, timings, moving);
    }

    public Visit withCase(UUID stored) {
        return new Visit(draftId, step, identity, readMyNumber, confirmedResidentId, event, answers, interview, edits,
                setAside, prints, printedForms, reprinting, stored, startedAt, timings, moving);
    }

    public Visit withTimings(Instant started, List<StepTiming> now) {
        return new Visit(draftId, step, identity, readMyNumber, confirmedResidentId, event, answers, interview, edits,
                setAside, prints, printedForms, reprinting, caseId, started, now, moving);
    }

    /** The movers and household changes the clerk chose. */
    public Visit withMoving(HouseholdMove chosen) {
        return new Visit(draftId, step, identity, readMyNumber, confirmedResidentId, event, answers, interview, edits,
                setAside, prints, printedForms, reprinting, caseId, startedAt, timings, chosen);
    }

    /** Whether a resident is identified (a draft can be written). */
    public boolean identified() {
        return identity != null && draftId != null;
    }

    /**
     * The step a draft of this visit is saved at: printed but not stored says so ({@link VisitStep#PRINTED}) — the
     * offer after a sign-in shows it.
     */
    public VisitStep draftStep() {
        return !prints.isEmpty() && (step == VisitStep.PRINTING || step == VisitStep.DONE) ? VisitStep.PRINTED : step;
    }

    /**
     * The step a resumed visit shows: printed forms whose case was not stored give {@link VisitStep#PRINTED} (store
     * without printing again, or print again); otherwise a preview or a print is made again from the forms.
     */
    public VisitStep resumeStep() {
        if (!prints.isEmpty()) {
            return VisitStep.PRINTED;
        }
        return switch (step) {
            case PREVIEW, PRINTING, PRINTED, DONE -> VisitStep.FORMS;
            default -> step;
        };
    }

    /** When the forms were first printed, or null before printing. */
    public Instant firstPrintedAt() {
        return prints.isEmpty() ? null : prints.get(0).printedAt();
    }

    /** What the stored case carries about the visit's handling time: ended steps only. */
    public VisitTimings handlingTimes() {
        return new VisitTimings(startedAt, event, identity != null
                && identity.source() == ResidentIdentity.Source.MANUAL,
                timings.stream().filter(t -> !t.running()).toList());
    }

    @Override
    public String toString() {
        return "Visit[" + draftId + ", " + step + "]";
    }
}
