package dev.madoguchi.app.task;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One single-threaded, named executor per {@link Lane}; results are handed to the UI through {@code uiExecutor}
 * ({@code Platform::runLater} in the application).
 */
public final class ExecutorTaskRunner implements TaskRunner, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ExecutorTaskRunner.class);

    private final Map<Lane, ScheduledExecutorService> lanes = new EnumMap<>(Lane.class);
    private final Executor uiExecutor;
    private final java.util.function.BooleanSupplier onUiThread;

    /** @param uiExecutor hands work to the UI thread (it is never called on it: {@link #onUi} always hands over) */
    public ExecutorTaskRunner(Executor uiExecutor) {
        this(uiExecutor, () -> false);
    }

    /** @param onUiThread whether the calling thread is the UI thread ({@link #onUi} then runs at once) */
    public ExecutorTaskRunner(Executor uiExecutor, java.util.function.BooleanSupplier onUiThread) {
        this.uiExecutor = uiExecutor;
        this.onUiThread = onUiThread;
        for (Lane lane : Lane.values()) {
            lanes.put(lane, Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, lane.threadName());
                thread.setDaemon(true);
                return thread;
            }));
        }
    }

    @Override
    public <T> void submit(Lane lane, String taskName, Callable<T> work, Consumer<? super T> onSuccess,
            Consumer<? super Throwable> onFailure) {
        lanes.get(lane).execute(() -> runOnce(taskName, work, onSuccess, onFailure));
    }

    /** The application's runner: results go to the JavaFX application thread. */
    public static ExecutorTaskRunner forJavaFx() {
        return new ExecutorTaskRunner(javafx.application.Platform::runLater,
                javafx.application.Platform::isFxApplicationThread);
    }

    @Override
    public void onUi(Runnable work) {
        if (onUiThread.getAsBoolean()) {
            work.run();
        } else {
            uiExecutor.execute(work);
        }
    }

    @Override
    public <T> Cancellable repeat(Lane lane, String taskName, Duration period, Callable<T> work,
            Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        ScheduledFuture<?> future = lanes.get(lane).scheduleWithFixedDelay(
                () -> runOnce(taskName, work, onSuccess, onFailure), 0, period.toMillis(), TimeUnit.MILLISECONDS);
        return () -> future.cancel(false);
    }

    private <T> void runOnce(String taskName, Callable<T> work, Consumer<? super T> onSuccess,
            Consumer<? super Throwable> onFailure) {
        T result;
        try {
            result = work.call();
        } catch (Exception | Error e) {
            LOG.warn("task '{}' failed: {}", taskName, causeChain(e));
            LOG.debug("task '{}' failure detail", taskName, e);
            uiExecutor.execute(() -> onFailure.accept(e));
            return;
        }
        uiExecutor.execute(() -> onSuccess.accept(result));
    }

    /** Stops every lane; waits briefly for running work (a store write) to finish. */
    @Override
    public void close() {
        lanes.values().forEach(ScheduledExecutorService::shutdown);
        for (ScheduledExecutorService lane : lanes.values()) {
            try {
                if (!lane.awaitTermination(5, TimeUnit.SECONDS)) {
                    lane.shutdownNow();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                lane.shutdownNow();
            }
        }
    }

    /** The failure and its causes on one line, e.g. {@code StoreException: STORE-001 … <- SQLException: …}. */
    static String causeChain(Throwable failure) {
        StringBuilder line = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (line.length() > 0) {
                line.append(" <- ");
            }
            line.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage());
        }
        return line.toString();
    }
}
