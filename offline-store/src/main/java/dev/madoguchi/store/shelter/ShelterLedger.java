package dev.madoguchi.store.shelter;

import com.fasterxml.jackson.databind.JsonNode;
import dev.madoguchi.domain.shelter.Coded;
import dev.madoguchi.domain.shelter.Evacuee;
import dev.madoguchi.domain.shelter.Pet;
import dev.madoguchi.domain.shelter.PresentPerson;
import dev.madoguchi.domain.shelter.Stay;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One shelter's state replayed from its events in their order (docs/adr/0026): who is present, with what. An event that
 * does not fit the state it meets (a check-in of someone present, a check-out of someone absent, a change to someone
 * absent) is a conflict: it is kept in the history and reported, and the rule is "the later event in the order wins"
 * (a second check-in replaces the first's data; the others change nothing).
 */
final class ShelterLedger {

    /** An event that did not fit the state it met, in words without personal data. */
    record Conflict(UUID eventId, String personId, ShelterEventKind kind, String explanation) {}

    private static final class State {
        Evacuee person;
        String household;
        Stay stay;
        String space;
        List<Pet> pets;
        String vehicle;
        Instant since;
        boolean day;
        boolean night;
        boolean present;
    }

    private final Map<String, State> people = new LinkedHashMap<>();
    private final List<Conflict> conflicts = new ArrayList<>();

    /** Replays events (sorted here by {@link ShelterEvent#ORDER}). */
    static ShelterLedger replay(List<ShelterEvent> events) {
        List<ShelterEvent> sorted = new ArrayList<>(events);
        sorted.sort(ShelterEvent.ORDER);
        ShelterLedger ledger = new ShelterLedger();
        sorted.forEach(ledger::apply);
        return ledger;
    }

    void apply(ShelterEvent e) {
        JsonNode d = e.data();
        State s = people.get(e.personId());
        switch (e.kind()) {
            case CHECK_IN -> {
                if (s != null && s.present) {
                    conflict(e, "checked in while already present; the later check-in's data stands");
                }
                State n = s == null ? new State() : s;
                n.person = ShelterJson.person(d.path("person"));
                n.household = d.path("household").asText();
                n.stay = Coded.parse(Stay.class, d.path("stay").asText("shelter"));
                n.space = ShelterJson.text(d, "space");
                n.pets = ShelterJson.pets(d.path("pets"));
                n.vehicle = ShelterJson.text(d, "vehicle");
                n.since = recordedAt(e);
                boolean onSite = n.stay == Stay.SHELTER || n.stay == Stay.CAR || n.stay == Stay.TENT;
                n.day = onSite;
                n.night = onSite;
                n.present = true;
                people.put(e.personId(), n);
            }
            case CHECK_OUT -> {
                if (s == null || !s.present) {
                    conflict(e, "checked out while not present; nothing changes");
                } else {
                    s.present = false;
                }
            }
            case CORRECT -> {
                if (s == null) {
                    conflict(e, "corrected before any check-in; nothing changes");
                } else {
                    s.person = ShelterJson.person(d.path("person"));
                    if (d.has("stay")) {
                        s.stay = Coded.parse(Stay.class, d.path("stay").asText("shelter"));
                        s.space = ShelterJson.text(d, "space");
                    }
                }
            }
            case LEAVE_HOUSEHOLD -> {
                if (s == null || !s.present) {
                    conflict(e, "left a household while not present; nothing changes");
                } else {
                    s.household = d.path("household").asText();
                }
            }
            case PRESENCE -> {
                if (s == null || !s.present) {
                    conflict(e, "presence set while not present; nothing changes");
                } else {
                    s.day = d.path("day").asBoolean();
                    s.night = d.path("night").asBoolean();
                }
            }
        }
    }

    private void conflict(ShelterEvent e, String explanation) {
        conflicts.add(new Conflict(e.eventId(), e.personId(), e.kind(), explanation));
    }

    private static Instant recordedAt(ShelterEvent e) {
        return ShelterReports.recordedAt(e);
    }

    /** Whether the person is present now. */
    boolean isPresent(String personId) {
        State s = people.get(personId);
        return s != null && s.present;
    }

    /** The person as last recorded (present or not), or null when never checked in. */
    PresentPerson last(String personId) {
        State s = people.get(personId);
        return s == null || s.person == null ? null : view(s);
    }

    /** Everyone present, by kana, name and person id. */
    List<PresentPerson> present() {
        List<PresentPerson> out = new ArrayList<>();
        for (State s : people.values()) {
            if (s.present) {
                out.add(view(s));
            }
        }
        out.sort(Comparator.comparing((PresentPerson p) -> p.person().kana())
                .thenComparing(p -> p.person().name()).thenComparing(PresentPerson::personId));
        return out;
    }

    List<Conflict> conflicts() {
        return List.copyOf(conflicts);
    }

    private static PresentPerson view(State s) {
        return new PresentPerson(s.person, s.household, s.stay, s.space, s.pets, s.vehicle, s.since, s.day, s.night);
    }
}
