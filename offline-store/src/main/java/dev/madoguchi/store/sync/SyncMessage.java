package dev.madoguchi.store.sync;

import dev.madoguchi.store.outbox.OutboxStatus;
import java.time.Instant;
import java.util.UUID;

/**
 * An outbox message as the sync engine sees it: with the time it was recorded (sent as {@code recordedAt}, the same on
 * every attempt so a resend has the same body), the backend's receipt and problem code. The payload may hold personal
 * data and is not printed by {@link #toString()}.
 *
 * @param receiptNumber the backend's receipt, once DONE (null when discarded or not delivered yet)
 * @param problemCode the stable code of the backend's problem of a BLOCKED message ({@code API-4xx-…})
 * @param discardReason why a person discarded it (then status DONE and never accepted by the backend)
 */
public record SyncMessage(UUID id, String aggregateType, String aggregateId, long aggregateSeq, String kind,
        String payload, int attempts, Instant createdAt, OutboxStatus status, String lastError, String problemCode,
        String receiptNumber, String discardReason) {

    @Override
    public String toString() {
        return "SyncMessage[" + id + ", " + aggregateType + "/" + aggregateId + "#" + aggregateSeq + ", " + kind + ", "
                + status + ", attempts " + attempts + "]";
    }
}
