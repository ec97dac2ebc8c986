package dev.madoguchi.store.outbox;

/** Where an outbox message is in its life (style.md 14). */
public enum OutboxStatus {
    PENDING,
    SENDING,
    BLOCKED,
    DONE
}
