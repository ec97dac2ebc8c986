package dev.madoguchi.app.counter;

import dev.madoguchi.app.task.InlineTaskRunner;
import dev.madoguchi.app.task.Lane;
import dev.madoguchi.app.task.TaskRunner;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * The inline task runner with a power cut: once a task of the given name is submitted, it and everything after it
 * never runs (as when the machine goes off just before that work would start). What ran before is in the store.
 * {@link VisitDraftCrashTest} does the same with a real SIGKILL of a child JVM.
 */
final class PowerCutTaskRunner implements TaskRunner {

    private final InlineTaskRunner inline = new InlineTaskRunner();
    private final String cutAt;
    private final Runnable atCut;
    private boolean off;

    PowerCutTaskRunner(String cutAt) {
        this(cutAt, () -> { });
    }

    /** @param atCut runs when the power goes off (the crash test's child JVM says so and waits to be killed) */
    PowerCutTaskRunner(String cutAt, Runnable atCut) {
        this.cutAt = cutAt;
        this.atCut = atCut;
    }

    /** Whether the power went off. */
    boolean off() {
        return off;
    }

    @Override
    public <T> void submit(Lane lane, String taskName, Callable<T> work, Consumer<? super T> onSuccess,
            Consumer<? super Throwable> onFailure) {
        if (taskName.equals(cutAt) && !off) {
            off = true;
            atCut.run();
        }
        if (!off) {
            inline.submit(lane, taskName, work, onSuccess, onFailure);
        }
    }

    @Override
    public <T> Cancellable repeat(Lane lane, String taskName, Duration period, Callable<T> work,
            Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        return off ? () -> { } : inline.repeat(lane, taskName, period, work, onSuccess, onFailure);
    }
}
