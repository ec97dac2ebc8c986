package dev.madoguchi.sync;

import java.time.Duration;

/**
 * The sync engine's knobs.
 *
 * @param batchSize messages per {@code POST /api/v1/batch} (1..500)
 * @param perAggregate messages of one aggregate in one batch: 1 (default) = strict order, a message goes only after
 *     every earlier one of its aggregate is DONE; more = faster drain of one busy aggregate, but a message refused or
 *     failing inside a batch may then arrive after its successors (docs/adr/0012)
 * @param maxBatchesPerRun batches in one {@link SyncService#runOnce()} (bounds the time one run holds the lane)
 * @param pageSize register changes per page (1..1000)
 * @param maxPagesPerRun register pages in one run
 * @param pullInterval how often the register is pulled when up to date
 * @param idlePoll how long the caller waits when nothing is due
 * @param backoffBase first retry delay ceiling after a failure
 * @param backoffCap the longest wait between tries, however long the backend is away
 * @param pauseRetry how often a paused sync (401/403) looks again whether the terminal was re-admitted
 * @param maxRetryAfter the longest {@code Retry-After} honoured
 */
public record SyncPolicy(int batchSize, int perAggregate, int maxBatchesPerRun, int pageSize, int maxPagesPerRun, Duration pullInterval,
        Duration idlePoll, Duration backoffBase, Duration backoffCap, Duration pauseRetry, Duration maxRetryAfter) {

    public SyncPolicy {
        if (batchSize < 1 || batchSize > 500 || perAggregate < 1 || pageSize < 1 || pageSize > 1000 || maxBatchesPerRun < 1
                || maxPagesPerRun < 1) {
            throw new IllegalArgumentException("batch 1..500, page 1..1000, at least one of each per run");
        }
    }

    public static SyncPolicy defaults() {
        return new SyncPolicy(250, 1, 40, 500, 40, Duration.ofMinutes(5), Duration.ofSeconds(10), Duration.ofSeconds(2),
                Duration.ofMinutes(5), Duration.ofMinutes(5), Duration.ofHours(1));
    }

    public SyncPolicy withBatchSize(int size) {
        return new SyncPolicy(size, perAggregate, maxBatchesPerRun, pageSize, maxPagesPerRun, pullInterval, idlePoll, backoffBase,
                backoffCap, pauseRetry, maxRetryAfter);
    }

    public SyncPolicy withBackoff(Duration base, Duration cap) {
        return new SyncPolicy(batchSize, perAggregate, maxBatchesPerRun, pageSize, maxPagesPerRun, pullInterval, idlePoll, base, cap,
                pauseRetry, maxRetryAfter);
    }

    public SyncPolicy withPauseRetry(Duration pause) {
        return new SyncPolicy(batchSize, perAggregate, maxBatchesPerRun, pageSize, maxPagesPerRun, pullInterval, idlePoll,
                backoffBase, backoffCap, pause, maxRetryAfter);
    }

    public SyncPolicy withPages(int size, int perRun, Duration interval) {
        return new SyncPolicy(batchSize, perAggregate, maxBatchesPerRun, size, perRun, interval, idlePoll, backoffBase, backoffCap,
                pauseRetry, maxRetryAfter);
    }

    public SyncPolicy withPerAggregate(int messages) {
        return new SyncPolicy(batchSize, messages, maxBatchesPerRun, pageSize, maxPagesPerRun, pullInterval, idlePoll,
                backoffBase, backoffCap, pauseRetry, maxRetryAfter);
    }

    public SyncPolicy withMaxBatchesPerRun(int batches) {
        return new SyncPolicy(batchSize, perAggregate, batches, pageSize, maxPagesPerRun, pullInterval, idlePoll, backoffBase,
                backoffCap, pauseRetry, maxRetryAfter);
    }
}
