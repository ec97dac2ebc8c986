package dev.madoguchi.store.outbox;

import java.time.Instant;
import java.util.UUID;

/**
 * One row of the outbox: a message to the backend. {@code id} is the idempotency key; {@code aggregateSeq} orders the
 * messages of one aggregate; {@code createdAt} is the time it was recorded (sent as {@code recordedAt}, the same on
 * every attempt so a resend has the same body). The payload may hold personal data and is not printed by
 * {@link #toString()}.
 *
 * @param receiptNumber the backend's receipt, once DONE (null when discarded or not delivered yet)
 * @param problemCode the stable code of the backend's problem of a BLOCKED message ({@code API-4xx-…})
 * @param discardReason why a person discarded it (then status DONE and never accepted by the backend)
 */
public record OutboxMessage(UUID id, String aggregateType, String aggregateId, long aggregateSeq, String kind,
        String payload, int attempts, Instant createdAt, OutboxStatus status, String lastError, String problemCode,
        String receiptNumber, String discardReason) {

    /** The same message as claimed by a sync round: SENDING, one attempt more. */
    OutboxMessage claimed() {
        return new OutboxMessage(id, aggregateType, aggregateId, aggregateSeq, kind, payload, attempts + 1, createdAt,
                OutboxStatus.SENDING, lastError, problemCode, receiptNumber, discardReason);
    }

    @Override
    public String toString() {
        return "OutboxMessage[" + id + ", " + aggregateType + "/" + aggregateId + "#" + aggregateSeq + ", " + kind + ", "
                + status + ", attempts " + attempts + "]";
    }
}
