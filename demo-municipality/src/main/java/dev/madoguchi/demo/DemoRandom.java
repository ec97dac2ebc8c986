package dev.madoguchi.demo;

import java.time.LocalDate;
import java.util.List;

/**
 * A small SplitMix64 generator whose output is fixed by its arithmetic alone, so the demo data is the same on every JDK.
 * Not for security; not thread-safe (each household gets its own instance).
 */
final class DemoRandom {

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private long state;

    DemoRandom(long seed) {
        this.state = seed;
    }

    /** An independent stream for one numbered item (a household, a town table …) of one seed. */
    static DemoRandom forItem(long seed, long stream, long index) {
        return new DemoRandom(mix64(mix64(seed + GOLDEN_GAMMA * (stream + 1)) ^ mix64(index + 0x632BE59BD9B4E019L)));
    }

    static long mix64(long value) {
        long z = value;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    long nextLong() {
        state += GOLDEN_GAMMA;
        return mix64(state);
    }

    /** Uniform in [0, bound), without modulo bias. */
    long nextLong(long bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive");
        }
        long limit = Long.MAX_VALUE - Long.MAX_VALUE % bound;
        long value;
        do {
            value = nextLong() >>> 1;
        } while (value >= limit);
        return value % bound;
    }

    /** Uniform in [0, bound). */
    int nextInt(int bound) {
        return (int) nextLong(bound);
    }

    /** Uniform in [low, high], both inclusive. */
    int between(int low, int high) {
        return low + nextInt(high - low + 1);
    }

    /** Uniform in [0, 1). */
    double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    boolean chance(double probability) {
        return nextDouble() < probability;
    }

    <T> T pick(List<T> items) {
        return items.get(nextInt(items.size()));
    }

    /** A day in [first, last], both inclusive. */
    LocalDate dayBetween(LocalDate first, LocalDate last) {
        long span = last.toEpochDay() - first.toEpochDay();
        if (span < 0) {
            throw new IllegalArgumentException("empty date range");
        }
        return first.plusDays(nextLong(span + 1));
    }
}
