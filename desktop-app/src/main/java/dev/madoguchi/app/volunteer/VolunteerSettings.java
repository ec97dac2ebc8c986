package dev.madoguchi.app.volunteer;

import dev.madoguchi.app.checkup.CheckUpAdviceService;
import dev.madoguchi.forms.advice.AdvicePlaces;
import dev.madoguchi.forms.advice.AdviceService;
import dev.madoguchi.forms.advice.AdviceTable;
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
 * {@link #DEFAULT_IDLE}, at least 30 seconds). The counters the advice sends people to — names, addresses, hours — are
 * the municipality's {@code <data-dir>/volunteer-places.json} when it exists (the advice table's places format),
 * else the demo municipality's.
 */
public record VolunteerSettings(Duration idleAfter, Path placesFile) {

    /** A check-up nobody touches for this long ends. */
    public static final Duration DEFAULT_IDLE = Duration.ofMinutes(3);
    static final Duration SHORTEST_IDLE = Duration.ofSeconds(30);
    public static final String FILE = "volunteer.properties";
    public static final String PLACES_FILE = "volunteer-places.json";

    private static final Logger LOG = LoggerFactory.getLogger(VolunteerSettings.class);

    /** The defaults: 3 minutes, the demo municipality's places. */
    public VolunteerSettings(Duration idleAfter) {
        this(idleAfter, null);
    }

    public VolunteerSettings {
        if (idleAfter.compareTo(SHORTEST_IDLE) < 0) {
            throw new IllegalArgumentException("a check-up stays at least " + SHORTEST_IDLE.toSeconds() + " s");
        }
    }

    /** The settings in {@code dataDirectory}, the defaults for what is missing or not understood (logged once). */
    public static VolunteerSettings read(Path dataDirectory) {
        Path places = dataDirectory.resolve(PLACES_FILE);
        Path placesFile = Files.isRegularFile(places) ? places : null;
        Path file = dataDirectory.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return new VolunteerSettings(DEFAULT_IDLE, placesFile);
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
            String idle = p.getProperty("idle.seconds");
            return new VolunteerSettings(idle == null ? DEFAULT_IDLE : Duration.ofSeconds(Long.parseLong(idle.strip())),
                    placesFile);
        } catch (IOException | RuntimeException e) {
            LOG.warn("{} not used ({}); the volunteer mode keeps its defaults", file, e.toString());
            return new VolunteerSettings(DEFAULT_IDLE, placesFile);
        }
    }

    /** The advice with the built-in table and the municipality's places (the demo's when it has none or it is bad). */
    public CheckUpAdviceService advice() {
        if (placesFile != null) {
            try {
                return new CheckUpAdviceService(new AdviceService(AdviceTable.builtIn(), AdvicePlaces.load(placesFile)));
            } catch (RuntimeException e) {
                LOG.warn("{} not used ({}); the advice names the demo municipality's counters", placesFile,
                        e.toString());
            }
        }
        return CheckUpAdviceService.demo();
    }
}
