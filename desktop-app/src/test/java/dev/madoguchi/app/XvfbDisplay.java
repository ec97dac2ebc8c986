package dev.madoguchi.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A private Xvfb for tests, started as {@code xvfb-run} starts one (default options: it resets when its last client
 * leaves) and waited for properly: {@code -displayfd} writes the display's number once it accepts connections.
 */
final class XvfbDisplay implements AutoCloseable {

    private final Process process;
    private final String name;

    private XvfbDisplay(Process process, String name) {
        this.process = process;
        this.name = name;
    }

    /** Whether Xvfb is installed ({@code ./run-tests} installs it). */
    static boolean installed() {
        return Files.isExecutable(Path.of("/usr/bin/Xvfb"));
    }

    static XvfbDisplay start(Path dir) throws IOException, InterruptedException {
        Path number = Files.createTempFile(dir, "displayfd", ".txt");
        // -displayfd 1: the number is written to standard output, which goes to the file
        Process p = new ProcessBuilder("/usr/bin/Xvfb", "-displayfd", "1", "-screen", "0", "1600x1000x24",
                "-nolisten", "tcp")
                .redirectOutput(number.toFile())
                .redirectError(Files.createTempFile(dir, "xvfb", ".log").toFile())
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            String text = Files.readString(number).strip();
            if (!text.isEmpty() && text.chars().allMatch(Character::isDigit)) {
                return new XvfbDisplay(p, ":" + text);
            }
            if (!p.isAlive()) {
                break;
            }
            Thread.sleep(20);
        }
        p.destroyForcibly();
        throw new IllegalStateException("Xvfb did not start");
    }

    /** The display's name, for {@code DISPLAY}. */
    String name() {
        return name;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
