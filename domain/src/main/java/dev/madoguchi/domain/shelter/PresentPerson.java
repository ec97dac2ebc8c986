package dev.madoguchi.domain.shelter;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A person checked in to a shelter and not checked out, wherever they stay (support follows the person). Personal
 * data: {@link #toString()} shows only the ids.
 *
 * @param person the person as last recorded (check-in and later corrections)
 * @param householdId the household they belong to now (a person can leave a household)
 * @param space the shelter space when they stay in the shelter; "" otherwise
 * @param pets the household's pets as recorded at the person's check-in
 * @param vehicle the household's number plate; "" when none
 * @param since when they checked in (the check-in event's time)
 * @param day present by day (staff set it; on-site stays start as present)
 * @param night present by night
 */
public record PresentPerson(Evacuee person, String householdId, Stay stay, String space, List<Pet> pets,
        String vehicle, Instant since, boolean day, boolean night) {

    public PresentPerson {
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(householdId, "householdId");
        Objects.requireNonNull(stay, "stay");
        space = space == null ? "" : space;
        pets = List.copyOf(pets == null ? List.of() : pets);
        vehicle = vehicle == null ? "" : vehicle;
        Objects.requireNonNull(since, "since");
    }

    public String personId() {
        return person.personId();
    }

    @Override
    public String toString() {
        return "PresentPerson[" + person.personId() + ", household " + householdId + "]";
    }
}
