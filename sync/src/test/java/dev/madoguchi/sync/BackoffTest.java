package dev.madoguchi.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(5), new Random(1));

    @Test
    void theCeilingDoublesFromTheBaseUpToTheCap() {
        assertThat(backoff.ceiling(0)).isZero();
        assertThat(backoff.ceiling(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.ceiling(2)).isEqualTo(Duration.ofSeconds(4));
        assertThat(backoff.ceiling(5)).isEqualTo(Duration.ofSeconds(32));
        assertThat(backoff.ceiling(8)).isEqualTo(Duration.ofSeconds(256));
        assertThat(backoff.ceiling(9)).isEqualTo(Duration.ofMinutes(5));
        assertThat(backoff.ceiling(Integer.MAX_VALUE)).isEqualTo(Duration.ofMinutes(5)); // days offline: no overflow
    }

    @Test
    void theDelayIsJitteredBetweenHalfAndAllOfTheCeiling() {
        for (int failures = 1; failures < 40; failures++) {
            long ceiling = backoff.ceiling(failures).toMillis();
            long min = Long.MAX_VALUE;
            long max = 0;
            for (int i = 0; i < 200; i++) {
                long d = backoff.delay(failures).toMillis();
                assertThat(d).isBetween(ceiling / 2, ceiling);
                min = Math.min(min, d);
                max = Math.max(max, d);
            }
            assertThat(max - min).as("jitter at " + failures).isGreaterThan(ceiling / 4);
        }
    }

    @Test
    void theSameSeedGivesTheSameDelays() {
        Backoff a = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(1), new Random(42));
        Backoff b = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(1), new Random(42));
        for (int i = 1; i < 20; i++) {
            assertThat(a.delay(i)).isEqualTo(b.delay(i));
        }
    }
}
