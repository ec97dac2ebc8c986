package dev.madoguchi.store.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The report's percentile: linear interpolation between the closest ranks, rounded to the millisecond, halves up. */
class PercentilesTest {

    private static long ms(long[] sorted, int percent) {
        return Percentiles.of(sorted, percent).toMillis();
    }

    @Test
    void oneValueIsEveryPercentile() {
        long[] one = {7};
        assertThat(ms(one, 0)).isEqualTo(7);
        assertThat(ms(one, 50)).isEqualTo(7);
        assertThat(ms(one, 90)).isEqualTo(7);
        assertThat(ms(one, 100)).isEqualTo(7);
    }

    @Test
    void theMedianOfAnEvenCountIsTheMeanOfTheTwoMiddleValues() {
        assertThat(ms(new long[] {10, 20, 30, 40}, 50)).isEqualTo(25);
        assertThat(ms(new long[] {1000, 1000, 3000, 9000}, 50)).isEqualTo(2000);
        // an odd count: the middle value itself
        assertThat(ms(new long[] {1, 2, 4}, 50)).isEqualTo(2);
    }

    @Test
    void theNinetiethPercentileInterpolatesBetweenTheClosestRanks() {
        // h = 3 · 0.9 = 2.7: 30 + 0.7 · (40 − 30)
        assertThat(ms(new long[] {10, 20, 30, 40}, 90)).isEqualTo(37);
        // h = 9 · 0.9 = 8.1: 9000 + 0.1 · 1000
        assertThat(ms(new long[] {1000, 2000, 3000, 4000, 5000, 6000, 7000, 8000, 9000, 10000}, 90)).isEqualTo(9100);
        // eleven values: h = 10 · 0.9 = 9 exactly, the tenth value
        assertThat(ms(new long[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 1000}, 90)).isEqualTo(10);
        assertThat(ms(new long[] {10, 20, 30, 40}, 0)).isEqualTo(10);
        assertThat(ms(new long[] {10, 20, 30, 40}, 100)).isEqualTo(40);
    }

    @Test
    void fractionsOfAMillisecondRoundToTheNearestHalvesUp() {
        assertThat(ms(new long[] {0, 1}, 50)).as("0.5").isEqualTo(1);
        assertThat(ms(new long[] {1, 2, 4}, 90)).as("2 + 0.8 · 2 = 3.6").isEqualTo(4);
        assertThat(ms(new long[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}, 90)).as("h = 9.9").isEqualTo(10);
        assertThat(ms(new long[] {0, 3}, 90)).as("2.7").isEqualTo(3);
        assertThat(ms(new long[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21},
                90)).as("h = 18.9").isEqualTo(19);
        assertThat(Percentiles.of(new long[] {0, 2}, 90)).isEqualTo(Duration.ofMillis(2)); // 1.8
    }

    @Test
    void refusesNoValuesAndPercentsOutsideZeroToHundred() {
        assertThatThrownBy(() -> Percentiles.of(new long[0], 50)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Percentiles.of(new long[] {1}, 101)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Percentiles.of(new long[] {1}, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
