package dev.madoguchi.app.task;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * The test form of {@link TaskRunner}: work and callbacks run at once on the calling thread. A repeating task runs
 * once when scheduled and again at each {@link #tick()}.
 */
public final class InlineTaskRunner implements TaskRunner {

    private final List<Runnable> repeating = new ArrayList<>();
    private final List<String> lanesUsed = new ArrayList<>();

    @Override
    public <T> void submit(Lane lane, String taskName, Callable<T> work, Consumer<? super T> onSuccess,
            Consumer<? super Throwable> onFailure) {
        lanesUsed.add(lane.threadName() + ":" + taskName);
        runOnce(work, onSuccess, onFailure);
    }

    @Override
    public <T> Cancellable repeat(Lane lane, String taskName, Duration period, Callable<T> work,
            Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        lanesUsed.add(lane.threadName() + ":" + taskName);
        Runnable run = () -> runOnce(work, onSuccess, onFailure);
        repeating.add(run);
        run.run();
        return () -> repeating.remove(run);
    }

    /** Runs every repeating task once more. */
    public void tick() {
        List.copyOf(repeating).forEach(Runnable::run);
    }

    /** "lane:task" for every submission, in order. */
    public List<String> lanesUsed() {
        return lanesUsed;
    }

    private static <T> void runOnce(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        T result;
        try {
            result = work.call();
        } catch (Exception e) {
            onFailure.accept(e);
            return;
        }
        onSuccess.accept(result);
    }
}
