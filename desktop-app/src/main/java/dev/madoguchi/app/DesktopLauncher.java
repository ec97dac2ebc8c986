package dev.madoguchi.app;

import dev.madoguchi.app.task.ExecutorTaskRunner;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts JavaFX, shows the main window and waits until it is closed. Uses {@code Platform.startup} rather than an
 * {@code Application} subclass so that the composition root is built with its configuration, without statics.
 */
public final class DesktopLauncher {

    private static final Logger LOG = LoggerFactory.getLogger(DesktopLauncher.class);

    private DesktopLauncher() {}

    /** Runs the desktop application; returns when its window has been closed. */
    public static void run(AppConfig config) throws InterruptedException {
        // before any window: --demo on a computer set up for a municipality is refused (SETUP-001, docs/adr/0031)
        dev.madoguchi.app.setup.StartMode.decide(config.paths().storeDirectory(), config.start());
        prepareProcess();
        holdDisplay();
        CountDownLatch closed = new CountDownLatch(1);
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        try (ExecutorTaskRunner tasks = ExecutorTaskRunner.forJavaFx()) {
            CompositionRoot root = new CompositionRoot(config, tasks);
            try {
                Platform.startup(() -> {
                    try {
                        Stage stage = new Stage();
                        stage.setOnHidden(e -> closed.countDown());
                        root.showLogin(stage);
                        LOG.info("{} shown ({}, text {} %) {} ms after the JVM started",
                                root.startMode() == dev.madoguchi.app.setup.StartMode.SETUP ? "setup assistant"
                                        : "sign-in", config.language(),
                                config.fontScalePercent(),
                                java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime());
                    } catch (RuntimeException e) {
                        failure.set(e);
                        closed.countDown();
                    }
                });
            } catch (UnsupportedOperationException | IllegalStateException e) {
                throw new DesktopUnavailableException(whyNoWindow(e.getMessage()), e);
            }
            closed.await();
            Platform.exit();
            tasks.close();
            root.close();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
    }

    /**
     * What has to happen before JavaFX starts, in this order: the process settings GTK reads when it opens the display,
     * then the rendering pipeline (ADR 0017). Also used by the memory benchmark's driver, so it measures the same.
     */
    public static void prepareProcess() {
        java.util.List<String> settings = LinuxProcessSettings.apply();
        if (!settings.isEmpty()) {
            LOG.info("process settings before JavaFX starts: {}", String.join(", ", settings));
        }
        if (RenderingPipeline.apply()) {
            LOG.info("no GPU render node in {}: JavaFX software rendering", RenderingPipeline.DRI);
        }
    }

    /** How long a start waits for an X display that does not open yet (a display server still starting). */
    static final java.time.Duration DISPLAY_PATIENCE = java.time.Duration.ofSeconds(15);

    /**
     * Opens the X display and holds it before JavaFX starts ({@link DisplayConnection}: a display server with no other
     * client resets between JavaFX's test of the display and GTK's open, which failed starts now and then).
     *
     * @throws DesktopUnavailableException when DISPLAY names a display that did not open in {@link #DISPLAY_PATIENCE}
     */
    static void holdDisplay() {
        DisplayConnection.Outcome outcome = DisplayConnection.holdFromEnvironment(DISPLAY_PATIENCE);
        if (outcome == null) {
            return;
        }
        if (outcome.open()) {
            LOG.info("X display {} open and held (attempt {}, {} ms)", outcome.detail(), outcome.attempts(),
                    outcome.millis());
        } else if (outcome.attempts() == 0) {
            LOG.info("X display not held: {}", outcome.detail()); // JavaFX opens it on its own
        } else {
            LOG.warn("X display did not open: {} ({} attempts in {} ms)", outcome.detail(), outcome.attempts(),
                    outcome.millis());
            throw new DesktopUnavailableException("cannot open the window: the graphical display "
                    + System.getenv("DISPLAY") + " did not open within " + DISPLAY_PATIENCE.toSeconds()
                    + " s (is the display server running, and may this user use it?)", null);
        }
    }

    /** What the person should do when JavaFX cannot open a window. */
    static String whyNoWindow(String javaFxMessage) {
        String reason = String.valueOf(javaFxMessage);
        if (reason.contains("GTK")) {
            return "cannot open the window: the GTK 3 library is missing (Debian/Ubuntu: apt-get install libgtk-3-0 libgl1)";
        }
        if (reason.contains("DISPLAY")) {
            return "cannot open the window: no graphical display (set DISPLAY, or run under xvfb-run)";
        }
        return "cannot open the window: " + reason;
    }

    /** The desktop cannot be shown on this machine (no display). */
    public static final class DesktopUnavailableException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DesktopUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
