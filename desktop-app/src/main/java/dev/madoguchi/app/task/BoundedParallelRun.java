package dev.madoguchi.app.task;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

/**
 * Independent, blocking probes run side by side with one time limit, for a command that waits for all of them (the
 * diagnostics report: fonts, printers through CUPS, the PC/SC service). Each probe runs on its own daemon thread, so
 * one stuck in a native call (a CUPS or PC/SC service that does not answer) neither delays the others past the limit
 * nor keeps the process alive. Not for UI work: that goes through the {@link TaskRunner}'s lanes.
 */
public final class BoundedParallelRun {

    private BoundedParallelRun() {
    }

    /**
     * Runs every job and waits at most {@code limit} for all of them.
     *
     * @param fallback the result of a job that failed ({@code Throwable} the cause) or did not finish in time
     *     ({@code null} cause), by the job's index
     * @return the results in the jobs' order
     */
    public static <T> List<T> runAll(String name, List<Callable<T>> jobs, Duration limit,
            BiFunction<Integer, Throwable, T> fallback) {
        AtomicInteger count = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, jobs.size()), r -> {
            Thread t = new Thread(r, name + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<T>> futures = pool.invokeAll(jobs, limit.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            List<T> results = new ArrayList<>(jobs.size());
            for (int i = 0; i < futures.size(); i++) {
                try {
                    results.add(futures.get(i).get());
                } catch (CancellationException e) {
                    results.add(fallback.apply(i, null));
                } catch (ExecutionException e) {
                    results.add(fallback.apply(i, e.getCause()));
                }
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            List<T> results = new ArrayList<>(jobs.size());
            for (int i = 0; i < jobs.size(); i++) {
                results.add(fallback.apply(i, e));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
