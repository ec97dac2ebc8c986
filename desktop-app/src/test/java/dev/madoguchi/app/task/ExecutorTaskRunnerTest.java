package dev.madoguchi.app.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ExecutorTaskRunnerTest {

    /** Stands in for the JavaFX thread. */
    private final ExecutorService ui = Executors.newSingleThreadExecutor(r -> new Thread(r, "ui"));
    private final ExecutorTaskRunner runner = new ExecutorTaskRunner((Executor) ui);

    @AfterEach
    void stop() {
        runner.close();
        ui.shutdownNow();
    }

    @Test
    void runsWorkOnTheLaneThreadAndTheResultOnTheUiThread() throws Exception {
        CompletableFuture<List<String>> threads = new CompletableFuture<>();
        runner.submit(Lane.CARD_IO, "probe", () -> Thread.currentThread().getName(),
                workThread -> threads.complete(List.of(workThread, Thread.currentThread().getName())),
                threads::completeExceptionally);
        assertThat(threads.get(5, TimeUnit.SECONDS)).containsExactly("card-io", "ui");
    }

    @Test
    void onUiRunsAtOnceOnTheUiThreadAndHandsTheWorkOverFromAnyOther() throws Exception {
        ExecutorTaskRunner onUi = new ExecutorTaskRunner(ui, () -> Thread.currentThread().getName().equals("ui"));
        try {
            CompletableFuture<String> fromElsewhere = new CompletableFuture<>();
            onUi.onUi(() -> fromElsewhere.complete(Thread.currentThread().getName()));
            assertThat(fromElsewhere.get(5, TimeUnit.SECONDS)).isEqualTo("ui");
            CompletableFuture<Boolean> atOnce = new CompletableFuture<>();
            ui.execute(() -> {
                boolean[] ran = {false};
                onUi.onUi(() -> ran[0] = true);
                atOnce.complete(ran[0]); // ran before onUi returned
            });
            assertThat(atOnce.get(5, TimeUnit.SECONDS)).isTrue();
        } finally {
            onUi.close();
        }
    }

    @Test
    void handsAFailureToTheUiThread() throws Exception {
        CompletableFuture<String> failure = new CompletableFuture<>();
        runner.submit(Lane.STORE_WRITER, "failing", () -> {
            throw new IllegalStateException("disk gone");
        }, ok -> failure.complete("succeeded?"), e -> failure.complete(Thread.currentThread().getName() + " " + e.getMessage()));
        assertThat(failure.get(5, TimeUnit.SECONDS)).isEqualTo("ui disk gone");
    }

    @Test
    void keepsSubmissionOrderWithinALane() throws Exception {
        List<Integer> order = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> done = new CompletableFuture<>();
        for (int i = 0; i < 50; i++) {
            int n = i;
            runner.submit(Lane.STORE_WRITER, "write " + n, () -> order.add(n), ok -> {
                if (n == 49) {
                    done.complete(null);
                }
            }, done::completeExceptionally);
        }
        done.get(5, TimeUnit.SECONDS);
        assertThat(order).isSorted().hasSize(50);
    }

    @Test
    void repeatsUntilCancelled() throws Exception {
        List<Integer> runs = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> threeRuns = new CompletableFuture<>();
        TaskRunner.Cancellable handle = runner.repeat(Lane.CARD_IO, "poll", Duration.ofMillis(10), () -> runs.add(1),
                ok -> {
                    if (runs.size() >= 3) {
                        threeRuns.complete(null);
                    }
                }, threeRuns::completeExceptionally);
        threeRuns.get(5, TimeUnit.SECONDS);
        handle.cancel();
        Thread.sleep(100);
        int afterCancel = runs.size();
        Thread.sleep(200);
        assertThat(runs).hasSize(afterCancel);
    }

    @Test
    void describesAFailureAndItsCausesOnOneLine() {
        var failure = new IllegalStateException("outer", new java.io.IOException("inner"));
        assertThat(ExecutorTaskRunner.causeChain(failure))
                .isEqualTo("IllegalStateException: outer <- IOException: inner")
                .doesNotContain("\n");
    }
}
