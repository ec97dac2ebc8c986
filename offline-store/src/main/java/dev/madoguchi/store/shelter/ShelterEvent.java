package dev.madoguchi.store.shelter;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Comparator;
import java.util.Objects;
import java.util.UUID;

/**
 * One stored shelter event. Ordered across laptops by {@link #ORDER}: the hybrid logical clock's wall time and counter,
 * then the origin terminal, then the event id (docs/adr/0026). The data is personal: {@link #toString()} shows ids only.
 *
 * @param residentId the person's register id as of this event ("" when none or not said)
 * @param hlcWall the hybrid logical clock's milliseconds
 * @param hlcCounter the hybrid logical clock's counter within one millisecond
 * @param data the kind's fields (see {@link ShelterJson})
 */
public record ShelterEvent(UUID eventId, String shelterId, String personId, String residentId, ShelterEventKind kind,
        long hlcWall, int hlcCounter, String originTerminal, String recordedBy, ObjectNode data) {

    /** The order of events across laptops. */
    public static final Comparator<ShelterEvent> ORDER = Comparator.comparingLong(ShelterEvent::hlcWall)
            .thenComparingInt(ShelterEvent::hlcCounter).thenComparing(ShelterEvent::originTerminal)
            .thenComparing(ShelterEvent::eventId);

    public ShelterEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(shelterId, "shelterId");
        Objects.requireNonNull(personId, "personId");
        residentId = residentId == null ? "" : residentId;
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(originTerminal, "originTerminal");
        Objects.requireNonNull(recordedBy, "recordedBy");
        Objects.requireNonNull(data, "data");
    }

    /** When the event was recorded on its laptop (its own clock; the order is {@link #ORDER}). */
    public java.time.Instant recordedAt() {
        return ShelterReports.recordedAt(this);
    }

    @Override
    public String toString() {
        return "ShelterEvent[" + eventId + ", " + kind + ", " + shelterId + ", " + personId + "]";
    }
}
