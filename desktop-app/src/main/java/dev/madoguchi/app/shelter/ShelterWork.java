package dev.madoguchi.app.shelter;

import dev.madoguchi.app.task.Lane;
import dev.madoguchi.app.task.TaskRunner;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Running a shelter step's work, written once (as the counter's {@code StepWork}): on its lane through the
 * {@link TaskRunner}, the desk busy meanwhile, a failure in words with remedy and code, and results for a household
 * given up in the meantime dropped.
 */
public final class ShelterWork {

    private final CheckInCoordinator desk;
    private final TaskRunner tasks;

    ShelterWork(CheckInCoordinator desk, TaskRunner tasks) {
        this.desk = desk;
        this.tasks = tasks;
    }

    public <T> void run(Lane lane, String name, Callable<T> work, Consumer<T> done) {
        run(lane, name, work, done, failure -> { });
    }

    /** As {@link #run(Lane, String, Callable, Consumer)}; {@code afterFailure} runs after the error is shown. */
    public <T> void run(Lane lane, String name, Callable<T> work, Consumer<T> done,
            Consumer<Throwable> afterFailure) {
        desk.setBusy(true);
        desk.setError("");
        long generation = desk.generation();
        tasks.submit(lane, name, work, result -> {
            desk.setBusy(false);
            if (generation == desk.generation()) {
                done.accept(result);
            }
        }, failure -> {
            desk.setBusy(false);
            if (generation != desk.generation()) {
                return;
            }
            desk.setError(desk.describe(failure));
            afterFailure.accept(failure);
        });
    }

    /** Work that does not belong to the household (lists, reports): not dropped with it, and not making it busy. */
    public <T> void side(Lane lane, String name, Callable<T> work, Consumer<T> done, Consumer<String> failed) {
        tasks.submit(lane, name, work, done::accept, failure -> failed.accept(desk.describe(failure)));
    }

    public TaskRunner tasks() {
        return tasks;
    }
}
