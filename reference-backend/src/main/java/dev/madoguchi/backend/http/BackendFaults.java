package dev.madoguchi.backend.http;

import java.time.Duration;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * TEST HOOKS: faults the in-process backend can be told to make, so that clients can be tested against them.
 * Reachable only through {@code ReferenceBackend.faults()}, which refuses unless the backend was started with
 * {@code BackendConfig.Builder.testHooks(true)}; no command-line flag turns them on. All are off at start and after
 * {@link #clear()}. Thread-safe. Lives beside the API handler that makes the faults, so the HTTP package does not
 * depend on the backend's root package.
 *
 * <ul>
 *   <li>{@link #cutNextAfterCommit(int)} / {@link #cutAfterCommit(double, long)}: the server does the request's
 *       work and commits it, then closes the connection instead of answering (the client sees an I/O error and
 *       must not lose or duplicate the write). Applies to successful submissions (PUT 200/201) and whole batches.
 *   <li>{@link #answerUnavailable(boolean)}: every {@code /api/v1/**} request and {@code /health} answer 503 with
 *       {@code Retry-After: 1}, touching nothing.
 *   <li>{@link #delayAnswers(Duration)}: every answer waits this long first (for client timeouts).
 * </ul>
 * Stopping and restarting on the same port and database: {@code ReferenceBackend.close()} then
 * {@code ReferenceBackend.start(config.withPort(backend.port()))}.
 */
public final class BackendFaults {

    private final AtomicInteger cutNext = new AtomicInteger();
    private final AtomicLong cuts = new AtomicLong();
    private volatile double cutProbability;
    private SplittableRandom random = new SplittableRandom(0);
    private volatile boolean unavailable;
    private volatile Duration delay = Duration.ZERO;

    /** Built by the backend at start; reached through its {@code faults()}. */
    public BackendFaults() {
    }

    /** The next {@code count} successful writes are committed and then answered by closing the connection. */
    public void cutNextAfterCommit(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative");
        }
        cutNext.set(count);
    }

    /** Each successful write is, with this probability (seeded, repeatable), committed and then not answered. */
    public synchronized void cutAfterCommit(double probability, long seed) {
        if (probability < 0 || probability > 1) {
            throw new IllegalArgumentException("probability must be between 0 and 1");
        }
        random = new SplittableRandom(seed);
        cutProbability = probability;
    }

    /** While on, every request answers 503 (Retry-After: 1) without touching the database. */
    public void answerUnavailable(boolean on) {
        unavailable = on;
    }

    /** Every answer waits this long first; {@link Duration#ZERO} for none. */
    public void delayAnswers(Duration delay) {
        this.delay = Objects.requireNonNull(delay, "delay");
    }

    /** All faults off. The count of cuts is kept. */
    public synchronized void clear() {
        cutNext.set(0);
        cutProbability = 0;
        unavailable = false;
        delay = Duration.ZERO;
    }

    /** How many answers were cut after their commit since the backend started. */
    public long cutsMade() {
        return cuts.get();
    }

    // --- used by the request handler -------------------------------------------------------------------------

    /** Decides, after a commit, whether to cut this answer (and counts it). */
    public boolean takeCutAfterCommit() {
        boolean cut = cutNext.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
        if (!cut && cutProbability > 0) {
            synchronized (this) {
                cut = random.nextDouble() < cutProbability;
            }
        }
        if (cut) {
            cuts.incrementAndGet();
        }
        return cut;
    }

    public boolean unavailable() {
        return unavailable;
    }

    public Duration delay() {
        return delay;
    }
}
