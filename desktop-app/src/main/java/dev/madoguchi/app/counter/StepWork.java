package dev.madoguchi.app.counter;

import dev.madoguchi.app.task.Lane;
import dev.madoguchi.app.task.TaskRunner;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Running a step's work, written once for every step view model: the work goes to its lane through the
 * {@link TaskRunner}; while it runs the visit is busy; a failure becomes words with its remedy and code
 * ({@link ErrorTexts}) in the visit's error; results of work for a visit that was dropped in the meantime
 * (cancelled, locked, the language switched) are ignored.
 */
public final class StepWork {

    private final VisitCoordinator visit;
    private final TaskRunner tasks;

    StepWork(VisitCoordinator visit, TaskRunner tasks) {
        this.visit = visit;
        this.tasks = tasks;
    }

    /** Runs {@code work} on the lane with the visit busy; {@code done} gets its result unless the visit was dropped. */
    public <T> void run(Lane lane, String name, Callable<T> work, Consumer<T> done) {
        run(lane, name, work, done, failure -> { });
    }

    /** As {@link #run(Lane, String, Callable, Consumer)}; {@code afterFailure} runs after the error is shown. */
    public <T> void run(Lane lane, String name, Callable<T> work, Consumer<T> done,
            Consumer<Throwable> afterFailure) {
        visit.setBusy(true);
        visit.setError("");
        long generation = visit.generation();
        tasks.submit(lane, name, work, result -> {
            visit.setBusy(false);
            if (generation == visit.generation()) {
                done.accept(result);
            }
        }, failure -> {
            visit.setBusy(false);
            if (generation != visit.generation()) {
                return;
            }
            visit.setError(visit.describe(failure));
            afterFailure.accept(failure);
        });
    }

    /**
     * Runs {@code work} without making the visit busy (a draft written in the background, a draft discarded): a
     * failure is shown and {@code done} runs unless the visit was dropped in the meantime.
     */
    public <T> void background(Lane lane, String name, Callable<T> work, Consumer<T> done) {
        long generation = visit.generation();
        tasks.submit(lane, name, work, result -> {
            if (generation == visit.generation()) {
                done.accept(result);
            }
        }, failure -> {
            if (generation == visit.generation()) {
                visit.setError(visit.describe(failure));
            }
        });
    }

    /** The task runner itself, for repeating work (the reader watch). */
    public TaskRunner tasks() {
        return tasks;
    }
}
