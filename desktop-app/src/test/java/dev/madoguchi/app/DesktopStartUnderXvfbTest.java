package dev.madoguchi.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.jna.Pointer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real application, started again and again under Xvfb, each time with a fresh data directory, reaches its
 * sign-in window every time ("sign-in shown" in its log). Each start gets its own Xvfb as {@code xvfb-run} gives it,
 * and a second X client comes and goes all through the start (as a screenshot tool or a window-manager probe does):
 * each time it leaves, a server without other clients resets. Skipped unless Xvfb is installed; the number of starts
 * is {@code -Dmadoguchi.startRuns} (20).
 */
class DesktopStartUnderXvfbTest {

    static final int RUNS = Integer.getInteger("madoguchi.startRuns", 20);
    static final long SIGN_IN_WITHIN_SECONDS = 120;

    @TempDir
    Path dir;

    @Test
    void everyStartReachesTheSignInWindowWhenTheDisplayIsThere() throws Exception {
        assumeTrue(XvfbDisplay.installed(), "Xvfb is not installed (./run-tests installs it)");
        DisplayConnection.X11 x11 = DisplayConnection.load();
        assumeTrue(x11 != null, "libX11 is not installed");
        List<String> failures = new ArrayList<>();
        List<Long> millis = new ArrayList<>();
        for (int run = 1; run <= RUNS; run++) {
            Path runDir = Files.createDirectory(dir.resolve("run-" + run));
            try (XvfbDisplay display = XvfbDisplay.start(runDir)) {
                String outcome = startOnce(x11, display.name(), runDir, millis);
                if (outcome != null) {
                    failures.add("start " + run + " of " + RUNS + " on " + display.name() + ": " + outcome);
                }
            }
        }
        assertThat(failures)
                .as("starts that did not reach the sign-in window although Xvfb was running (%d of %d); times of the "
                        + "others (JVM uptime at sign-in, ms): %s", failures.size(), RUNS, millis)
                .isEmpty();
    }

    /** @return null when the sign-in window was shown, else what happened */
    private static String startOnce(DisplayConnection.X11 x11, String display, Path runDir, List<Long> millis)
            throws IOException, InterruptedException {
        Path data = runDir.resolve("data");
        Path log = data.resolve("logs").resolve("madoguchi.log");
        Path out = runDir.resolve("console.txt");
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-Xmx256m",
                "-Dfile.encoding=UTF-8", "-cp", mainClassPath(), "dev.madoguchi.app.Main",
                "--data-dir", data.toString())
                .redirectErrorStream(true)
                .redirectOutput(out.toFile());
        builder.environment().put("DISPLAY", display);
        builder.environment().remove("WAYLAND_DISPLAY");
        AtomicBoolean starting = new AtomicBoolean(true);
        Thread visitor = new Thread(() -> comeAndGo(x11, display, starting), "x-visitor");
        visitor.setDaemon(true);
        Process app = builder.start();
        visitor.start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SIGN_IN_WITHIN_SECONDS);
            while (System.nanoTime() < deadline) {
                String text = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
                int at = text.indexOf("sign-in shown");
                if (at >= 0) {
                    String line = text.substring(at, text.indexOf('\n', at) < 0 ? text.length() : text.indexOf('\n', at));
                    millis.add(Long.parseLong(line.replaceAll(".* (\\d+) ms after the JVM started.*", "$1")));
                    return null;
                }
                if (!app.isAlive()) {
                    return "the process ended (exit " + app.exitValue() + ") before the sign-in window; console: "
                            + tail(out) + "; log: " + tail(log);
                }
                Thread.sleep(100);
            }
            return "no sign-in window within " + SIGN_IN_WITHIN_SECONDS + " s; console: " + tail(out) + "; log: "
                    + tail(log);
        } finally {
            starting.set(false);
            app.destroy();
            if (!app.waitFor(20, TimeUnit.SECONDS)) {
                app.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
            }
        }
    }

    /** The test JVM's class path without the test classes (their logback-test.xml would keep the log off disk). */
    private static String mainClassPath() {
        return java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(entry -> !entry.endsWith("test-classes"))
                .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
    }

    /** Another X client that connects and leaves every few milliseconds while the application starts. */
    private static void comeAndGo(DisplayConnection.X11 x11, String display, AtomicBoolean going) {
        while (going.get()) {
            Pointer p = x11.XOpenDisplay(display);
            if (p != null) {
                x11.XCloseDisplay(p);
            }
            try {
                Thread.sleep(15);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static String tail(Path file) throws IOException {
        if (!Files.exists(file)) {
            return "(none)";
        }
        String text = Files.readString(file, StandardCharsets.UTF_8).strip();
        return text.length() <= 600 ? text : "…" + text.substring(text.length() - 600);
    }
}
