package dev.madoguchi.sync;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with "equal jitter": after the n-th consecutive failure wait between half and all of
 * {@code min(cap, base · 2^(n-1))}, uniformly. Capped, so a backend that is down for days is tried again every
 * {@code cap} at most; the jitter keeps a municipality's terminals from retrying in step. The random source is
 * injected (tests use a seeded one).
 */
public final class Backoff {

    private final Duration base;
    private final Duration cap;
    private final RandomGenerator random;

    public Backoff(Duration base, Duration cap, RandomGenerator random) {
        if (base.isNegative() || base.isZero() || cap.compareTo(base) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < base <= cap");
        }
        this.base = base;
        this.cap = cap;
        this.random = random;
    }

    /** The ceiling before jitter after {@code failures} consecutive failures (zero for none). */
    public Duration ceiling(int failures) {
        if (failures < 1) {
            return Duration.ZERO;
        }
        long capMillis = cap.toMillis();
        long millis = base.toMillis();
        for (int i = 1; i < failures && millis < capMillis; i++) {
            millis *= 2;
        }
        return Duration.ofMillis(Math.min(millis, capMillis));
    }

    /** How long to wait after {@code failures} consecutive failures: in [ceiling/2, ceiling]. */
    public Duration delay(int failures) {
        long ceiling = ceiling(failures).toMillis();
        if (ceiling == 0) {
            return Duration.ZERO;
        }
        long half = ceiling / 2;
        return Duration.ofMillis(half + random.nextLong(ceiling - half + 1));
    }

    public Duration cap() {
        return cap;
    }
}
