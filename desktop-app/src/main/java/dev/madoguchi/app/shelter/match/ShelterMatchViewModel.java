package dev.madoguchi.app.shelter.match;

import dev.madoguchi.app.counter.FieldComparison;
import dev.madoguchi.app.counter.MatchCandidate;
import dev.madoguchi.app.counter.RegisterMatch;
import dev.madoguchi.app.counter.RegisterMatchService;
import dev.madoguchi.app.i18n.Messages;
import dev.madoguchi.app.shelter.CheckInCoordinator;
import dev.madoguchi.app.shelter.CheckInStep;
import dev.madoguchi.app.shelter.PersonDraft;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The register candidates for the person at the desk, each with its fields compared; staff confirm one, or check the
 * person in without a match (someone from another municipality). Never picked by the program, even when only one.
 */
public final class ShelterMatchViewModel {

    private final CheckInCoordinator desk;
    private final Messages messages;
    private final ObservableList<String> candidates = FXCollections.observableArrayList();
    private List<MatchCandidate> shown = List.of();

    public ShelterMatchViewModel(CheckInCoordinator desk) {
        this.desk = desk;
        this.messages = desk.messages();
        desk.offeredProperty().addListener((obs, was, now) -> show(now));
    }

    private void show(RegisterMatch match) {
        shown = match == null ? List.of() : match.candidates();
        candidates.setAll(shown.stream().map(this::line).toList());
    }

    private String line(MatchCandidate c) {
        var r = c.resident();
        StringBuilder b = new StringBuilder(messages.get("shelter.match.candidate",
                RegisterMatchService.registerName(r), r.familyNameKana() + "\u3000" + r.givenNameKana(),
                r.birthDate().toString(), r.address()));
        for (FieldComparison f : c.comparisons()) {
            b.append(" / ").append(messages.get(Messages.keyFor("counter.matchField.", f.field()))).append(": ")
                    .append(messages.get(Messages.keyFor("counter.fieldMatch.", f.match())));
        }
        return b.toString();
    }

    /** Staff confirm the candidate at this index (of the list shown). */
    public void confirm(int index) {
        if (desk.step() != CheckInStep.MATCH || index < 0 || index >= shown.size()) {
            desk.setError(messages.get("shelter.match.chooseOne"));
            return;
        }
        var r = shown.get(index).resident();
        PersonDraft current = desk.checkIn().current();
        desk.update(desk.checkIn().withCurrent(current.matched(r.residentId(),
                r.familyNameKana() + "\u3000" + r.givenNameKana())).withStep(CheckInStep.PERSON));
        desk.setMessage(messages.get("shelter.match.confirmed"));
    }

    /** None of them: the person is checked in without a register match. */
    public void noneOfThem() {
        if (desk.step() == CheckInStep.MATCH) {
            desk.setMessage(messages.get("shelter.match.none"));
            desk.goTo(CheckInStep.PERSON);
        }
    }

    public ObservableList<String> candidates() {
        return candidates;
    }

    public CheckInCoordinator desk() {
        return desk;
    }
}
