package dev.madoguchi.sync;

/** Counters of one {@link SyncService} since it was built (for tests, benchmarks and {@code --json}). */
public final class SyncTotals {
    long delivered;
    long repeats;
    long retried;
    long blocked;
    long recovered;
    long registerChanges;
    long batches;
    long failedCalls;
    long claimNanos;
    long sendNanos;
    long recordNanos;

    public long delivered() {
        return delivered;
    }

    public long repeats() {
        return repeats;
    }

    public long retried() {
        return retried;
    }

    public long blocked() {
        return blocked;
    }

    public long recovered() {
        return recovered;
    }

    public long registerChanges() {
        return registerChanges;
    }

    public long batches() {
        return batches;
    }

    public long failedCalls() {
        return failedCalls;
    }

    /** Time spent choosing and claiming batches in the store. */
    public java.time.Duration claimTime() {
        return java.time.Duration.ofNanos(claimNanos);
    }

    /** Time spent waiting for the backend's answers to batches. */
    public java.time.Duration sendTime() {
        return java.time.Duration.ofNanos(sendNanos);
    }

    /** Time spent recording outcomes in the store. */
    public java.time.Duration recordTime() {
        return java.time.Duration.ofNanos(recordNanos);
    }
}
