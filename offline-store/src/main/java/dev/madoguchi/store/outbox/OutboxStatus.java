package dev.madoguchi.store.outbox;

/**
 * Where an outbox message is in its life: PENDING (waiting, or due again after a failure), SENDING (claimed by a sync
 * round), BLOCKED (refused; waits for a person to retry, discard or export it) and DONE (delivered, delivered by file,
 * or discarded by a person).
 */
public enum OutboxStatus {
    PENDING,
    SENDING,
    BLOCKED,
    DONE
}
