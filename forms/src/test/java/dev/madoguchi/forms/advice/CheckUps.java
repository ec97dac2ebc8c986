package dev.madoguchi.forms.advice;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Check-up facts for the advice tests: a fine card on 2026-12-07, changed one fact at a time. */
final class CheckUps {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

    private CheckUps() {}

    static CheckUpFacts fine() {
        return new CheckUpFacts(CheckUpFacts.MY_NUMBER_CARD, TODAY, List.of(
                new CheckUpFacts.Pin("text-pin", 3, 3), new CheckUpFacts.Pin("auth-pin", 3, 3),
                new CheckUpFacts.Pin("sign-password", 5, 5), new CheckUpFacts.Pin("resident-registry-pin", 3, 3)),
                Optional.of(validity(LocalDate.of(2024, 2, 17), LocalDate.of(2029, 2, 17))),
                Optional.of(validity(null, LocalDate.of(2035, 2, 17))));
    }

    static CheckUpFacts.Validity validity(LocalDate from, LocalDate until) {
        CheckUpFacts.Standing standing = TODAY.isAfter(until) ? CheckUpFacts.Standing.EXPIRED
                : TODAY.isBefore(until.minusMonths(3)) ? CheckUpFacts.Standing.FINE
                        : CheckUpFacts.Standing.RENEWAL_WINDOW;
        return new CheckUpFacts.Validity(Optional.ofNullable(from), until, standing, until.minusMonths(3));
    }

    static CheckUpFacts withPin(CheckUpFacts facts, String kind, int triesLeft) {
        List<CheckUpFacts.Pin> pins = new ArrayList<>();
        for (CheckUpFacts.Pin p : facts.pins()) {
            pins.add(p.kind().equals(kind) ? new CheckUpFacts.Pin(kind, triesLeft, p.maxTries()) : p);
        }
        return new CheckUpFacts(facts.cardKind(), facts.checkedOn(), pins, facts.certificate(), facts.card());
    }

    static CheckUpFacts withCertificate(CheckUpFacts facts, LocalDate from, LocalDate until) {
        return new CheckUpFacts(facts.cardKind(), facts.checkedOn(), facts.pins(),
                Optional.ofNullable(until).map(u -> validity(from, u)), facts.card());
    }

    static CheckUpFacts withCard(CheckUpFacts facts, LocalDate expiry) {
        return new CheckUpFacts(facts.cardKind(), facts.checkedOn(), facts.pins(), facts.certificate(),
                Optional.of(validity(null, expiry)));
    }

    static CheckUpFacts notMyNumberCard(String kind) {
        return new CheckUpFacts(kind, TODAY, List.of(), Optional.empty(), Optional.empty());
    }
}
