package dev.madoguchi.app.counter;

/** Where a stored case is on its way to the backend, as the case list shows it ({@code counter.caseState.*}). */
public enum CaseSyncState {
    /** Stored here, its outbox entry not yet accepted by the backend. */
    WAITING_TO_SYNC,
    /** The backend has it. */
    SYNCED,
    /** The backend refused it: the clerk must act (retry, discard or export). */
    BLOCKED,
    /** Cancelled. */
    CANCELLED
}
