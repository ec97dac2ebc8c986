package dev.madoguchi.store.cases;

import java.time.Duration;

/**
 * The percentile the handling-time report uses: linear interpolation between the closest ranks, the definition of
 * spreadsheets' {@code PERCENTILE.INC} and {@code MEDIAN} (and R's type 7), so a municipality can check a figure
 * against its own sheet.
 *
 * <p>For {@code n} durations sorted ascending, {@code x[0] ≤ … ≤ x[n-1]}, the p-th percentile (0 ≤ p ≤ 100) is
 * {@code x[i] + f·(x[i+1] − x[i])} where {@code h = (n − 1)·p/100}, {@code i = ⌊h⌋} and {@code f = h − i}; with
 * {@code f = 0} it is {@code x[i]}. The median is the 50th percentile, so for an even {@code n} it is the mean of the
 * two middle values. Computed exactly on whole milliseconds and rounded to the nearest millisecond, halves up.
 */
public final class Percentiles {

    private Percentiles() {
    }

    /**
     * @param sortedMillis durations in milliseconds, ascending, at least one
     * @param percent 0 to 100
     */
    public static Duration of(long[] sortedMillis, int percent) {
        if (sortedMillis.length == 0) {
            throw new IllegalArgumentException("a percentile needs at least one value");
        }
        if (percent < 0 || percent > 100) {
            throw new IllegalArgumentException("a percentile is between 0 and 100");
        }
        long rank = (long) (sortedMillis.length - 1) * percent; // h · 100
        int i = (int) (rank / 100);
        long fraction = rank % 100; // f · 100
        if (fraction == 0) {
            return Duration.ofMillis(sortedMillis[i]);
        }
        long lower = sortedMillis[i];
        long difference = sortedMillis[i + 1] - lower;
        return Duration.ofMillis(lower + Math.floorDiv(difference * fraction + 50, 100));
    }
}
