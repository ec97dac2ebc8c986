package dev.madoguchi.domain.shelter;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A household's check-in as stored: one event per member, all written in one transaction.
 *
 * @param personIds the members' person ids, in the order of the arrival
 * @param eventIds the stored events' ids (globally unique), in the same order
 * @param recordedAt when the store recorded it
 */
public record CheckIn(String shelterId, String householdId, List<String> personIds, List<String> eventIds,
        Instant recordedAt) {

    public CheckIn {
        Objects.requireNonNull(shelterId, "shelterId");
        Objects.requireNonNull(householdId, "householdId");
        personIds = List.copyOf(personIds);
        eventIds = List.copyOf(eventIds);
        Objects.requireNonNull(recordedAt, "recordedAt");
    }
}
