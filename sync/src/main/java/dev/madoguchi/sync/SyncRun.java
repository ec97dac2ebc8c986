package dev.madoguchi.sync;

/** What one {@link SyncService#runOnce()} did, for its {@link SyncReport}; the service's totals count alongside. */
final class SyncRun {
    int delivered;
    int repeats;
    int retried;
    int blocked;
    int recovered;
    int registerChanges;
    /** More was due than one run sends or pulls: run again at once. */
    boolean moreDue;
}
