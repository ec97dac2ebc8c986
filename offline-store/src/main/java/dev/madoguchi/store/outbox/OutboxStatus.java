package dev.madoguchi.store.outbox;

/** Where an outbox message is in its life (docs/conventions.md). */
public enum OutboxStatus {
    PENDING,
    SENDING,
    BLOCKED,
    DONE
}
