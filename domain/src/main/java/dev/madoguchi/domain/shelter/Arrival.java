package dev.madoguchi.domain.shelter;

import java.util.List;
import java.util.Objects;

/**
 * A household checking in: one unit of work at the desk.
 *
 * @param householdId groups people who arrived together (e.g. H-017, or a UUID made by the desk)
 * @param space the shelter space (e.g. 体育館) when they stay in the shelter; "" otherwise
 * @param vehicle the number plate; "" when none
 */
public record Arrival(String householdId, Stay stay, String space, List<Pet> pets, String vehicle,
        List<Evacuee> members) {

    public Arrival {
        if (householdId == null || householdId.isBlank()) {
            throw new IllegalArgumentException("a household has an id");
        }
        stay = stay == null ? Stay.SHELTER : stay;
        space = space == null ? "" : space;
        pets = List.copyOf(pets == null ? List.of() : pets);
        vehicle = vehicle == null ? "" : vehicle;
        members = List.copyOf(Objects.requireNonNull(members, "members"));
        if (members.isEmpty()) {
            throw new IllegalArgumentException("a household has at least one member");
        }
    }
}
