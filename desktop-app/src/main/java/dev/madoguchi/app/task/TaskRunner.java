package dev.madoguchi.app.task;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * The one place where threads switch. View models hand work to a lane and get the result back on the UI thread;
 * library code stays synchronous and starts no threads.
 *
 * <p>Production: {@link ExecutorTaskRunner}. Tests: an inline runner that runs everything on the calling thread.
 */
public interface TaskRunner {

    /**
     * Runs {@code work} on the lane's thread, then {@code onSuccess} or {@code onFailure} on the UI thread. A failure
     * is logged once, with its cause, by the runner.
     */
    <T> void submit(Lane lane, String taskName, Callable<T> work, Consumer<? super T> onSuccess,
            Consumer<? super Throwable> onFailure);

    /**
     * Runs {@code work} on the lane now and then again {@code period} after each run ends, each result handed to the
     * UI thread, until the returned handle is cancelled.
     */
    <T> Cancellable repeat(Lane lane, String taskName, Duration period, Callable<T> work,
            Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure);

    /**
     * Runs {@code work} on the UI thread: at once when called on it, else as soon as the UI thread gets to it. The
     * default runs it at once, for runners whose results arrive on the caller's thread (tests).
     */
    default void onUi(Runnable work) {
        work.run();
    }

    /** Stops a repeating task. */
    @FunctionalInterface
    interface Cancellable {
        void cancel();
    }
}
