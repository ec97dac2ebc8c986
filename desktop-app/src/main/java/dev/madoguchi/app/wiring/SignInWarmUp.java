package dev.madoguchi.app.wiring;

import dev.madoguchi.app.task.Lane;
import dev.madoguchi.app.task.TaskRunner;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the main window quick to appear after a sign-in. While the passphrase's key is derived on the store lane, the
 * UI thread has nothing to do: it makes a main window and a resident screen once, off screen, and drops them, so that
 * their classes, FXML, CSS, skins and fonts are ready when the real ones are made; the background lane prepares what
 * the main window lists (the demo cards). Each UI part is one turn of the UI thread and is skipped once the sign-in
 * is over, so a fast sign-in never waits for the warm-up. A part that fails is logged and changes nothing else.
 */
public final class SignInWarmUp {

    private static final Logger LOG = LoggerFactory.getLogger(SignInWarmUp.class);

    private final TaskRunner tasks;
    private final Runnable background;
    private final List<Runnable> uiParts;
    private final AtomicBoolean started = new AtomicBoolean();
    private volatile boolean over;
    private long uiNanos;
    private int uiPartsRun;

    /**
     * @param background work for the background lane (no UI)
     * @param uiParts work for the UI thread, in order, each one turn
     */
    public SignInWarmUp(TaskRunner tasks, Runnable background, List<Runnable> uiParts) {
        this.tasks = tasks;
        this.background = background;
        this.uiParts = List.copyOf(uiParts);
    }

    /** Starts the warm-up, once (later calls do nothing); from any thread. */
    public void start() {
        if (!started.compareAndSet(false, true)) {
            return;
        }
        tasks.submit(Lane.BACKGROUND, "warm up", () -> {
            background.run();
            return null;
        }, done -> { }, failed -> LOG.warn("warm-up in the background failed: {}", failed.toString()));
        for (Runnable part : uiParts) {
            tasks.onUi(() -> runPart(part));
        }
    }

    /** The sign-in is over (through or refused): UI parts not yet run are skipped. From any thread. */
    public void stop() {
        over = true;
    }

    private void runPart(Runnable part) {
        if (over) {
            return;
        }
        long t = System.nanoTime();
        try {
            part.run();
        } catch (RuntimeException e) {
            LOG.warn("warm-up part failed: {}", e.toString());
        }
        uiNanos += System.nanoTime() - t;
        if (++uiPartsRun == uiParts.size()) {
            LOG.info("warm-up before the main window: {} ms on the UI thread", uiNanos / 1_000_000);
        }
    }
}
