package dev.madoguchi.app.counter.match;

import dev.madoguchi.app.counter.FieldMatch;
import dev.madoguchi.app.counter.MatchCandidate;
import dev.madoguchi.app.counter.MatchField;
import dev.madoguchi.app.counter.RegisterMatch;
import dev.madoguchi.app.counter.VisitCoordinator;
import dev.madoguchi.app.counter.VisitStep;
import dev.madoguchi.app.i18n.Messages;
import dev.madoguchi.app.task.Lane;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;
import javafx.collections.ObservableList;

/**
 * The match step: the register's candidates side by side, field by field; the clerk confirms one (never the
 * program) or continues without a register entry. The household is read on {@code store-writer}, audited.
 */
public final class MatchViewModel {

    private final VisitCoordinator visit;
    private final Messages messages;
    private final StringBinding matchText;
    private final ObjectBinding<MatchCandidate> confirmed;

    public MatchViewModel(VisitCoordinator visit) {
        this.visit = visit;
        this.messages = visit.messages();
        matchText = Bindings.createStringBinding(() -> text(visit.material().match()), visit.materialProperty());
        confirmed = Bindings.createObjectBinding(() -> visit.material().confirmed(), visit.materialProperty());
    }

    private String text(RegisterMatch match) {
        if (match == null) {
            return "";
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

    /** The clerk finds none of the candidates right (or there are none): continue without a register entry. */
    public void continueWithoutRegister() {
        if (step() != VisitStep.CANDIDATES || visit.isBusy()) {
            return;
        }
        visit.advance(visit.visit().withConfirmed(null).withStep(VisitStep.LIFE_EVENT),
                visit.material().withConfirmed(null, List.of()));
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
