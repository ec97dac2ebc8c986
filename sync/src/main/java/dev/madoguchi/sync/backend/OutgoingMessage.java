package dev.madoguchi.sync.backend;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/**
 * One message for the backend, exactly as it is sent on every attempt (the id is the idempotency key; the body must
 * not change between attempts or the backend answers 409). The payload may hold personal data: not in {@link
 * #toString()}.
 */
public record OutgoingMessage(UUID id, Resource resource, String aggregateId, long sequence, String kind,
        String terminalId, Instant recordedAt, JsonNode payload) {

    @Override
    public String toString() {
        return "OutgoingMessage[" + id + ", " + resource.path() + ", " + aggregateId + "#" + sequence + ", " + kind
                + "]";
    }
}
