package dev.madoguchi.sync;

import java.time.Duration;

/**
 * What one {@link SyncService#runOnce()} did, and the status after it.
 *
 * @param delivered messages the backend accepted for the first time (201)
 * @param repeats messages the backend had already (200 with the first receipt: a duplicate suppressed)
 * @param retried messages put back for a later try
 * @param blocked messages newly BLOCKED
 * @param recovered messages found SENDING after a crash and put back
 * @param registerChanges register changes applied
 * @param moreDue whether due messages remain (call again at once)
 * @param suggestedWait how long the caller may wait before the next run
 */
public record SyncReport(int delivered, int repeats, int retried, int blocked, int recovered, int registerChanges,
        boolean moreDue, Duration suggestedWait, SyncStatus status) {}
