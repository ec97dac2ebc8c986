package dev.madoguchi.app.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class BoundedParallelRunTest {

    @Test
    void jobsRunSideBySideAndAStuckOrFailingJobGetsItsFallbackInTime() {
        CountDownLatch bothStarted = new CountDownLatch(2);
        Callable<String> first = () -> {
            bothStarted.countDown();
            return bothStarted.await(5, java.util.concurrent.TimeUnit.SECONDS) ? "first" : "sequential";
        };
        Callable<String> second = () -> {
            bothStarted.countDown();
            return bothStarted.await(5, java.util.concurrent.TimeUnit.SECONDS) ? "second" : "sequential";
        };
        Callable<String> stuck = () -> {
            new CountDownLatch(1).await(); // a native call that never returns
            return "never";
        };
        Callable<String> failing = () -> {
            throw new IllegalStateException("probe failed");
        };
        long started = System.nanoTime();
        List<String> results = BoundedParallelRun.runAll("test-probe", List.of(first, second, stuck, failing),
                Duration.ofMillis(1_500), (i, cause) -> i + ":" + (cause == null ? "timeout" : cause.getMessage()));
        long elapsedMs = (System.nanoTime() - started) / 1_000_000;
        assertThat(results).containsExactly("first", "second", "2:timeout", "3:probe failed");
        assertThat(elapsedMs).isLessThan(5_000);
    }
}
