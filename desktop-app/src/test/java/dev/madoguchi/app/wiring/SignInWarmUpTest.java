package dev.madoguchi.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.madoguchi.app.task.ExecutorTaskRunner;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The warm-up while the key is derived: once, in order, one UI turn per part, skipped after the sign-in. */
class SignInWarmUpTest {

    /** A UI thread the test turns by hand. */
    private final ConcurrentLinkedQueue<Runnable> uiQueue = new ConcurrentLinkedQueue<>();

    private void turnUi() {
        for (Runnable r = uiQueue.poll(); r != null; r = uiQueue.poll()) {
            r.run();
        }
    }

    @Test
    void runsEachPartOnceInOrderOnTheUiThreadAndTheBackgroundWorkOnItsLane() throws Exception {
        List<String> ran = new CopyOnWriteArrayList<>();
        CountDownLatch background = new CountDownLatch(1);
        try (ExecutorTaskRunner tasks = new ExecutorTaskRunner(uiQueue::add)) {
            SignInWarmUp warmUp = new SignInWarmUp(tasks, () -> {
                ran.add("background on " + Thread.currentThread().getName());
                background.countDown();
            }, List.of(() -> ran.add("main window"), () -> {
                throw new IllegalStateException("a part that fails");
            }, () -> ran.add("resident screen")));
            warmUp.start();
            warmUp.start(); // a second sign-in attempt does not warm up again
            assertThat(background.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(ran).containsExactly("background on background").as("nothing on the UI thread before its turn");
            turnUi();
            assertThat(ran).containsExactly("background on background", "main window", "resident screen");
        }
    }

    @Test
    void partsNotYetRunAreSkippedOnceTheSignInIsOver() {
        List<String> ran = new CopyOnWriteArrayList<>();
        // The background part holds its lane until the UI parts are queued: otherwise its completion can reach the UI
        // queue first, and the one turn below would run that instead of the first part (CI saw this once).
        CountDownLatch release = new CountDownLatch(1);
        try (ExecutorTaskRunner tasks = new ExecutorTaskRunner(uiQueue::add)) {
            SignInWarmUp warmUp = new SignInWarmUp(tasks, () -> {
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, List.of(() -> ran.add("first"), () -> ran.add("second")));
            warmUp.start();
            uiQueue.poll().run(); // the first part had its turn before the store opened
            warmUp.stop();
            release.countDown();
            turnUi();
            assertThat(ran).containsExactly("first");
        }
    }
}
