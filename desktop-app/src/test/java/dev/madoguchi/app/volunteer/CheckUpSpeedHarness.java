package dev.madoguchi.app.volunteer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Not a test: a harness (docs/performance.md, "Volunteer check-up"), run with {@code -Dmadoguchi.bench=true}. From a
 * card put on the simulated reader to the check-up on both windows' view models (the volunteer's lines and the
 * resident's lines made, the advice from the real table made in the volunteer's and the resident's language), minus the card's own time (connect and commands, measured in the reader),
 * over many check-ups after a warm-up; prints the median, the 95th percentile and the APDUs per check-up.
 */
class CheckUpSpeedHarness {

    @TempDir
    Path dir;

    @Test
    void cardOnTheReaderToTheCheckUpOnScreen() {
        assumeTrue(Boolean.getBoolean("madoguchi.bench"), "a harness: -Dmadoguchi.bench=true");
        VolunteerFixture f = new VolunteerFixture(dir, new CheckUpAdvisor(
                dev.madoguchi.app.checkup.CheckUpAdviceService.demo())); // the real advice table, both languages
        String[] cards = {"full", "auth-locked", "text-one", "expired", "renewal"};
        int warmUp = 300;
        int runs = 500;
        long[] appNanos = new long[runs];
        long[] cardNanos = new long[runs];
        int apdus = 0;
        for (int i = 0; i < warmUp + runs; i++) {
            f.readers.cardNanos = 0;
            int before = f.readers.log.size();
            long t0 = System.nanoTime();
            f.put(cards[i % cards.length]);
            long total = System.nanoTime() - t0;
            assertThat(f.steps.session().stepProperty().get()).isEqualTo(CheckUpStep.RESULT);
            assertThat(f.resident.lines()).isNotEmpty();
            assertThat(f.steps.result().advice()).isNotEmpty();
            if (i >= warmUp) {
                appNanos[i - warmUp] = total - f.readers.cardNanos;
                cardNanos[i - warmUp] = f.readers.cardNanos;
                apdus = f.readers.log.size() - before;
            }
            f.takeAway();
        }
        Arrays.sort(appNanos);
        Arrays.sort(cardNanos);
        System.out.printf("VOLUNTEER-CHECKUP runs=%d app median=%.2f ms p95=%.2f ms max=%.2f ms; card (simulated) "
                + "median=%.2f ms; APDUs per check-up=%d%n", runs, appNanos[runs / 2] / 1e6,
                appNanos[runs * 95 / 100] / 1e6, appNanos[runs - 1] / 1e6, cardNanos[runs / 2] / 1e6, apdus);
        assertThat(appNanos[runs * 95 / 100]).as("p95 under 100 ms").isLessThan(100_000_000L);
    }
}
