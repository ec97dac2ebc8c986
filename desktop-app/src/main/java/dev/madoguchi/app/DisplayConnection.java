package dev.madoguchi.app;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.time.Duration;
import java.util.Locale;

/**
 * One connection to the X display, opened before JavaFX starts and held until the process ends (Linux only).
 *
 * <p>Why: JavaFX's GTK glass first opens the display to test it and closes that connection at once, then GTK opens
 * it again. An X server that has no other client — Xvfb, {@code xvfb-run}, a kiosk — resets itself when its last
 * client leaves, and a connection that arrives during the reset is refused or never answered. So a start failed now
 * and then although the display worked: JavaFX's test failed ("Unable to open DISPLAY": "no graphical display"), or
 * GTK's own open failed and GTK ended the process ("cannot open display", nothing logged); a connection
 * made during a reset may also go unanswered (a hang). With this
 * connection held the server never loses its last client while JavaFX starts. A display that is not ready yet (a
 * server started a moment before the application) is waited for, up to a limit, so a start fails only when there is
 * no display to open, and then says so.
 */
final class DisplayConnection {

    /** The two functions of libX11 used. */
    interface X11 extends Library {
        Pointer XOpenDisplay(String name);

        int XCloseDisplay(Pointer display);
    }

    static final Duration PAUSE = Duration.ofMillis(100);

    /** The held connection (never closed: the process's end closes it). */
    private static volatile Pointer held;

    private DisplayConnection() {}

    /** What happened, in words for the log, and whether the display could be opened. */
    record Outcome(boolean open, int attempts, long millis, String detail) {}

    /**
     * Opens the display named by {@code DISPLAY} and holds it; does nothing off Linux, without {@code DISPLAY}, or
     * when it holds one already.
     *
     * @return null when nothing was tried
     */
    static Outcome holdFromEnvironment(Duration patience) {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux") || held != null) {
            return null;
        }
        String display = System.getenv("DISPLAY");
        if (display == null || display.isBlank()) {
            return null; // JavaFX says "no display" itself
        }
        X11 x11 = load();
        if (x11 == null) {
            return new Outcome(false, 0, 0, "libX11 not found");
        }
        return open(x11, display, patience);
    }

    static X11 load() {
        for (String name : new String[] {"X11", "libX11.so.6"}) {
            try {
                return Native.load(name, X11.class);
            } catch (LinkageError | RuntimeException e) {
                // try the next name
            }
        }
        return null;
    }

    /** Tries to open {@code display} until it opens or {@code patience} has passed; holds the first that opens. */
    static Outcome open(X11 x11, String display, Duration patience) {
        long started = System.nanoTime();
        long deadline = started + patience.toNanos();
        int attempts = 0;
        String detail = "";
        while (true) {
            attempts++;
            // on this thread: JavaFX has not started, there is no task runner yet, and nothing else to do meanwhile
            Pointer p = x11.XOpenDisplay(display);
            if (p != null) {
                held = p;
                return new Outcome(true, attempts, (System.nanoTime() - started) / 1_000_000, display);
            }
            detail = "refused";
            if (System.nanoTime() + PAUSE.toNanos() > deadline) {
                return new Outcome(false, attempts, (System.nanoTime() - started) / 1_000_000,
                        display + " " + detail);
            }
            try {
                Thread.sleep(PAUSE.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Outcome(false, attempts, (System.nanoTime() - started) / 1_000_000, "interrupted");
            }
        }
    }

    /** Whether a connection is held (for tests). */
    static boolean holding() {
        return held != null;
    }
}
