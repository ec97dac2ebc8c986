package dev.madoguchi.app.counter;

import dev.madoguchi.forms.rules.LifeEventPlan;
import dev.madoguchi.store.moveout.MoveOutRecord;
import dev.madoguchi.store.register.RegisterResident;
import java.util.List;

/**
 * What a {@link Visit} is made into, and made again from on resume (never written into a draft): the register's
 * candidates and the one the clerk confirmed with the household, the plan with its interview items, the filled forms
 * and their previews. Immutable; {@link VisitCoordinator} holds the current one beside the visit.
 *
 * @param match the register search's result, or null before identification
 * @param confirmed the candidate the clerk confirmed, or null
 * @param plan the proposed procedures for the visit's life event and answers, or null before
 * @param moveOut the pending move-in record the clerk confirmed for a 転入, or null
 */
public record VisitMaterial(RegisterMatch match, MatchCandidate confirmed, List<RegisterResident> household,
        LifeEventPlan plan, List<InterviewItem> interviewItems, List<VisitForm> forms, List<RenderedForm> rendered,
        MoveOutRecord moveOut) {

    public static final VisitMaterial NONE = new VisitMaterial(null, null, List.of(), null, List.of(), List.of(),
            List.of(), null);

    public VisitMaterial {
        household = List.copyOf(household);
        interviewItems = List.copyOf(interviewItems);
        forms = List.copyOf(forms);
        rendered = List.copyOf(rendered);
    }

    public List<MatchCandidate> candidates() {
        return match == null ? List.of() : match.candidates();
    }

    public VisitMaterial withMatch(RegisterMatch found) {
        return new VisitMaterial(found, confirmed, household, plan, interviewItems, forms, rendered, moveOut);
    }

    public VisitMaterial withConfirmed(MatchCandidate chosen, List<RegisterResident> members) {
        return new VisitMaterial(match, chosen, members, plan, interviewItems, forms, rendered, moveOut);
    }

    public VisitMaterial withPlan(LifeEventPlan planned, List<InterviewItem> items) {
        return new VisitMaterial(match, confirmed, household, planned, items, forms, rendered, moveOut);
    }

    public VisitMaterial withForms(List<VisitForm> filled) {
        return new VisitMaterial(match, confirmed, household, plan, interviewItems, filled, rendered, moveOut);
    }

    public VisitMaterial withRendered(List<RenderedForm> previews) {
        return new VisitMaterial(match, confirmed, household, plan, interviewItems, forms, previews, moveOut);
    }

    public VisitMaterial withMoveOut(MoveOutRecord record) {
        return new VisitMaterial(match, confirmed, household, plan, interviewItems, forms, rendered, record);
    }

    /** Whether anything about a person is held. */
    public boolean holdsPersonalData() {
        return match != null && !match.candidates().isEmpty() || confirmed != null || !household.isEmpty()
                || !forms.isEmpty() || !rendered.isEmpty() || moveOut != null
                || match != null && !match.moveOuts().isEmpty();
    }

    @Override
    public String toString() {
        return "VisitMaterial[candidates=" + candidates().size() + ", forms=" + forms.size() + "]";
    }
}
