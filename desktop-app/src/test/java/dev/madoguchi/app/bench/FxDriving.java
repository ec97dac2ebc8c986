package dev.madoguchi.app.bench;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;

/**
 * How the session drivers (counter and shelter, no TestFX in the process) work the JavaFX thread: run an action there
 * and wait for it; wait until a condition read there holds, then let the scene render once more.
 */
public final class FxDriving {

    private final int seconds;
    private final long settleMillis;

    /**
     * @param seconds how long an action or a condition may take before the driver gives up
     * @param settleMillis how long to wait after a condition holds before the next step (the scene renders)
     */
    public FxDriving(int seconds, long settleMillis) {
        this.seconds = seconds;
        this.settleMillis = settleMillis;
    }

    /** Runs {@code work} on the card-io lane (e.g. finding the simulated reader) and waits at most 30 s for it. */
    public static <T> T onCardLane(dev.madoguchi.app.task.TaskRunner tasks, java.util.function.Supplier<T> work)
            throws InterruptedException {
        java.util.concurrent.atomic.AtomicReference<T> found = new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        tasks.submit(dev.madoguchi.app.task.Lane.CARD_IO, "session driver: card lane", work::get, r -> {
            found.set(r);
            done.countDown();
        }, e -> done.countDown());
        done.await(30, TimeUnit.SECONDS);
        return found.get();
    }

    /** An action on the JavaFX thread. */
    public interface Action {
        void run() throws Exception;
    }

    /** Runs on the JavaFX thread and waits for it; its exception is thrown here. */
    public void fx(Action action) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                action.run();
                done.complete(null);
            } catch (Throwable t) {
                done.completeExceptionally(t);
            }
        });
        done.get(seconds, TimeUnit.SECONDS);
    }

    /** Waits until the condition, read on the JavaFX thread, holds. */
    public void waitUntil(BooleanSupplier condition) throws Exception {
        waitUntil(seconds, condition);
    }

    /** Waits at most {@code limit} seconds until the condition, read on the JavaFX thread, holds. */
    public void waitUntil(int limit, BooleanSupplier condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(limit);
        boolean[] holds = new boolean[1];
        while (true) {
            fx(() -> holds[0] = condition.getAsBoolean());
            if (holds[0]) {
                Thread.sleep(settleMillis);
                fx(() -> { });
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached within " + limit + " s");
            }
            Thread.sleep(20);
        }
    }
}
