package dev.madoguchi.store.outbox;

import java.time.Instant;
import java.util.UUID;

/**
 * One message to the backend. {@code id} is the idempotency key; {@code aggregateSeq} orders the messages of one
 * aggregate. The payload may hold personal data: it is not printed by {@link #toString()}.
 */
public record OutboxMessage(UUID id, String aggregateType, String aggregateId, long aggregateSeq, String kind,
        String payload, int attempts, Instant nextAttemptAt, OutboxStatus status, String lastError) {

    @Override
    public String toString() {
        return "OutboxMessage[" + id + ", " + aggregateType + "/" + aggregateId + "#" + aggregateSeq + ", " + kind
                + ", " + status + ", attempts " + attempts + "]";
    }
}
