package dev.madoguchi.app.counter.match;

import dev.madoguchi.app.counter.FieldMatch;
import dev.madoguchi.app.counter.HouseholdMove;
import dev.madoguchi.app.counter.Visit;
import dev.madoguchi.forms.rules.LifeEventRules;
import dev.madoguchi.app.counter.MatchCandidate;
import dev.madoguchi.app.counter.MatchField;
import dev.madoguchi.app.counter.MoveInOrigin;
import dev.madoguchi.app.counter.MoveOutMatching;
import dev.madoguchi.app.counter.RegisterMatch;
import dev.madoguchi.app.counter.VisitCoordinator;
import dev.madoguchi.app.counter.VisitStep;
import dev.madoguchi.app.i18n.Messages;
import dev.madoguchi.app.task.Lane;
import dev.madoguchi.store.moveout.MoveOutRecord;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The match step: the register's candidates side by side, field by field; the clerk confirms one (never the
 * program) or continues without a register entry. The household is read on {@code store-writer}, audited. Pending
 * move-in records (転出証明書情報) whose member agrees with the card are offered beside them: confirming one is a 転入
 * whose 従前の住所 and household come from the record, never from the register.
 */
public final class MatchViewModel {

    private static final String TENNYU = "tennyu";

    private final VisitCoordinator visit;
    private final Messages messages;
    private final StringBinding matchText;
    private final ObjectBinding<MatchCandidate> confirmed;
    private final ObservableList<MoveOutRecord> moveOuts = FXCollections.observableArrayList();
    private final ObservableList<MoveOutRecord> moveOutsView = FXCollections.unmodifiableObservableList(moveOuts);
    private final PaperCertificateViewModel paper;

    public MatchViewModel(VisitCoordinator visit) {
        this.visit = visit;
        this.messages = visit.messages();
        this.paper = new PaperCertificateViewModel(visit);
        matchText = Bindings.createStringBinding(() -> text(visit.material().match()), visit.materialProperty());
        confirmed = Bindings.createObjectBinding(() -> visit.material().confirmed(), visit.materialProperty());
        visit.materialProperty().addListener((obs, old, now) -> {
            List<MoveOutRecord> found = now.match() == null ? List.of() : now.match().moveOuts();
            if (!found.equals(moveOuts)) {
                moveOuts.setAll(found);
            }
        });
    }

    private String text(RegisterMatch match) {
        if (match == null) {
            return "";
        }
        if (!match.moveOuts().isEmpty()) {
            return messages.get("counter.match.moveOut", match.moveOuts().size());
        }
        return match.empty() ? messages.get("counter.match.none")
                : match.ambiguous() ? messages.get("counter.match.ambiguous", match.candidates().size())
                : messages.get("counter.match.one");
    }

    /** The clerk confirms this candidate as the person at the counter. Never done by the program. */
    public void confirmCandidate(MatchCandidate candidate) {
        if (step() != VisitStep.CANDIDATES || visit.isBusy() || !visit.candidates().contains(candidate)) {
            return;
        }
        visit.work().run(Lane.STORE_WRITER, "counter household",
                () -> visit.service().household(candidate.resident()),
                members -> visit.advance(visit.visit().withConfirmed(candidate.resident().residentId())
                        .withStep(VisitStep.LIFE_EVENT), visit.material().withConfirmed(candidate, members)));
    }

    /**
     * The clerk confirms a pending move-in record as the person's: a 転入 of the record's member who is at the
     * counter, with 従前の住所 from the record (the clerk chooses who else moves in the plan step).
     */
    public void confirmMoveOut(MoveOutRecord record) {
        if (step() != VisitStep.CANDIDATES || visit.isBusy() || !moveOuts.contains(record)) {
            return;
        }
        String atCounter = MoveOutMatching.member(record, visit.visit().identity())
                .orElse(record.members().get(0)).residentCode();
        Map<String, String> unknown = new LinkedHashMap<>();
        visit.service().questions(TENNYU).forEach(q -> unknown.put(q.id(), LifeEventRules.UNKNOWN));
        Visit next = visit.visit().withConfirmed(null).withEvent(TENNYU, unknown)
                .withInterviewValue("previousAddress", record.previousAddress())
                .withMoving(new HouseholdMove(List.of(atCounter), null, MoveInOrigin.of(record)));
        visit.advance(next.withStep(VisitStep.LIFE_EVENT),
                visit.material().withConfirmed(null, List.of()).withMoveOut(record));
    }

    /** Pending move-in records whose member agrees with the person at the counter. */
    public ObservableList<MoveOutRecord> moveOuts() {
        return moveOutsView;
    }

    /** The clerk finds none of the candidates right (or there are none): continue without a register entry. */
    public void continueWithoutRegister() {
        if (step() != VisitStep.CANDIDATES || visit.isBusy()) {
            return;
        }
        visit.advance(visit.visit().withConfirmed(null).withStep(VisitStep.LIFE_EVENT),
                visit.material().withConfirmed(null, List.of()));
    }

    /** The paper 転出証明書 typed at the counter when no electronic record came. */
    public PaperCertificateViewModel paper() {
        return paper;
    }

    private VisitStep step() {
        return visit.stepProperty().get();
    }

    public ObservableList<MatchCandidate> candidates() {
        return visit.candidates();
    }

    /** How many candidates there are, in words. */
    public StringBinding matchTextProperty() {
        return matchText;
    }

    public ObjectBinding<MatchCandidate> confirmedProperty() {
        return confirmed;
    }

    public String matchText(FieldMatch match) {
        return messages.get(Messages.keyFor("counter.fieldMatch.", match));
    }

    public String fieldText(MatchField field) {
        return messages.get(Messages.keyFor("counter.matchField.", field));
    }

    public VisitCoordinator visit() {
        return visit;
    }
}
