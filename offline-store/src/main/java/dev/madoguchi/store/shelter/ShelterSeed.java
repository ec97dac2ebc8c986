package dev.madoguchi.store.shelter;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.madoguchi.store.error.StoreError;
import dev.madoguchi.store.error.StoreException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * Seeding only (the demo store; docs/adr/0026, "Seeded check-ins"): the fields of a seeded household's check-in
 * events that a live check-in takes from this laptop — id, clock stamp, origin terminal, "recorded at" — taken
 * instead from the seed and the arrival time, so that every store seeded alike holds the same events, byte for byte.
 * The id is a name-based UUID of the seed and the event's whole payload (shelter, person, household data, stamp), so
 * equal ids mean equal events and a different seed or different data gives other ids. Live check-ins never come here.
 *
 * @param seed names the data set; also the events' origin terminal (shown as the laptop in a person's history)
 * @param arrivedAt when the household arrived: each member's "recorded at" and clock wall time (the counter is the
 *     member's place in the household)
 */
record ShelterSeed(String seed, Instant arrivedAt) {

    /** Prefix of the name a seeded event id is made from: another use of name-based ids cannot meet these. */
    private static final String NAMESPACE = "madoguchi shelter seed v1\n";

    ShelterSeed {
        if (seed == null || !seed.matches("[A-Za-z0-9:._-]{1,80}")) {
            throw new StoreException(StoreError.BAD_INPUT,
                    "a seed is 1 to 80 letters, digits, ':', '.', '_' or '-'", null);
        }
        if (arrivedAt == null) {
            throw new StoreException(StoreError.BAD_INPUT, "a seeded household has an arrival time", null);
        }
    }

    /** The check-in event of the household's member at {@code member} (0 = first), with its name-based id. */
    ShelterEvent checkIn(String shelterId, String personId, String residentId, int member, String recordedBy,
            ObjectNode data) {
        data.put("recordedAt", DateTimeFormatter.ISO_INSTANT.format(arrivedAt));
        ShelterEvent unnamed = new ShelterEvent(new UUID(0, 0), shelterId, personId, residentId,
                ShelterEventKind.CHECK_IN, arrivedAt.toEpochMilli(), member, seed, recordedBy, data);
        UUID id = UUID.nameUUIDFromBytes((NAMESPACE + seed + "\n" + ShelterJson.payload(unnamed))
                .getBytes(StandardCharsets.UTF_8));
        return new ShelterEvent(id, shelterId, personId, residentId, ShelterEventKind.CHECK_IN, unnamed.hlcWall(),
                member, seed, recordedBy, data);
    }
}
