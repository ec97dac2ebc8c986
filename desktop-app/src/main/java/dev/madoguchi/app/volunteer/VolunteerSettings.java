package dev.madoguchi.app.volunteer;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The volunteer mode's settings of a terminal, from {@code <data-dir>/volunteer.properties} (optional; nothing in it
 * is personal): {@code idle.seconds}, how long a check-up without any input stays on screen before it ends (default
 * {@link #DEFAULT_IDLE}, at least 30 seconds).
 */
public record VolunteerSettings(Duration idleAfter) {

    /** A check-up nobody touches for this long ends. */
    public static final Duration DEFAULT_IDLE = Duration.ofMinutes(3);
    static final Duration SHORTEST_IDLE = Duration.ofSeconds(30);
    public static final String FILE = "volunteer.properties";

    private static final Logger LOG = LoggerFactory.getLogger(VolunteerSettings.class);

    public VolunteerSettings {
        if (idleAfter.compareTo(SHORTEST_IDLE) < 0) {
            throw new IllegalArgumentException("a check-up stays at least " + SHORTEST_IDLE.toSeconds() + " s");
        }
    }

    /** The settings in {@code dataDirectory}, the defaults for what is missing or not understood (logged once). */
    public static VolunteerSettings read(Path dataDirectory) {
        Path file = dataDirectory.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return new VolunteerSettings(DEFAULT_IDLE);
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
            String idle = p.getProperty("idle.seconds");
            return new VolunteerSettings(idle == null ? DEFAULT_IDLE : Duration.ofSeconds(Long.parseLong(idle.strip())));
        } catch (IOException | RuntimeException e) {
            LOG.warn("{} not used ({}); the volunteer mode keeps its defaults", file, e.toString());
            return new VolunteerSettings(DEFAULT_IDLE);
        }
    }
}
