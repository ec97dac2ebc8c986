package dev.madoguchi.store.outbox;

import java.time.Instant;
import java.util.UUID;

/** What became of one claimed message; recorded by {@link OutboxRepository#complete} in one transaction. */
public sealed interface DeliveryOutcome {

    UUID id();

    /** The backend accepted it (201 first time, 200 for a repeat): DONE with the receipt. */
    record Delivered(UUID id, String receiptNumber, String receivedAt) implements DeliveryOutcome {}

    /** A failure retrying may fix (network, timeout, 408, 429, 5xx): PENDING again, due at {@code retryAt}. */
    record RetryLater(UUID id, String error, Instant retryAt) implements DeliveryOutcome {}

    /**
     * The backend refused it and retrying will not help (other 4xx), or it cannot be sent at all: BLOCKED until a person
     * retries, discards or exports it.
     */
    record Blocked(UUID id, String problemCode, String detail) implements DeliveryOutcome {}

    /** Not sent after all (the sync paused, e.g. 401/403): PENDING again without counting as a failure. */
    record NotSent(UUID id, Instant retryAt) implements DeliveryOutcome {}
}
