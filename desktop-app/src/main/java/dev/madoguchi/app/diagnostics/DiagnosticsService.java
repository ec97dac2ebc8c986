package dev.madoguchi.app.diagnostics;

import dev.madoguchi.app.i18n.Language;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds the diagnostics report: every check, in a fixed order, then the log's tail. Reads; never writes. */
public final class DiagnosticsService {

    private final Path dataDirectory;
    private final Path storeDirectory;
    private final Path logDirectory;
    private final Language language;
    private final Map<String, String> environment;

    public DiagnosticsService(Path dataDirectory, Path storeDirectory, Path logDirectory, Language language,
            Map<String, String> environment) {
        this.dataDirectory = dataDirectory;
        this.storeDirectory = storeDirectory;
        this.logDirectory = logDirectory;
        this.language = language;
        this.environment = Map.copyOf(environment);
    }

    /** The report; {@code backend} may be null (not configured). */
    public DiagnosticsReport report(String appVersion, URI backend) {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true"); // fonts and printers without opening a display
        }
        Remedies remedies = new Remedies(language);
        SystemChecks system = new SystemChecks(remedies);
        DataChecks data = new DataChecks(remedies, dataDirectory, storeDirectory, logDirectory);
        List<Check> checks = new ArrayList<>();
        checks.add(timed(() -> system.java(appVersion)));
        checks.add(timed(() -> system.os(environment)));
        checks.add(timed(system::pcsc));
        checks.add(timed(system::fonts));
        checks.add(timed(system::printers));
        checks.add(timed(() -> system.proxy(environment)));
        checks.add(timed(data::dataDirectory));
        checks.add(timed(data::store));
        checks.add(timed(data::signingKey));
        checks.add(timed(() -> data.backend(backend)));
        return new DiagnosticsReport(Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), checks, data.logTail());
    }

    /** A check with how long it took ({@code elapsedMs}), so a slow service shows in the report. */
    private static Check timed(java.util.function.Supplier<Check> check) {
        long started = System.nanoTime();
        Check c = check.get();
        java.util.Map<String, Object> facts = new java.util.LinkedHashMap<>(c.facts());
        facts.put("elapsedMs", (System.nanoTime() - started) / 1_000_000);
        return new Check(c.id(), c.status(), c.summary(), facts, c.remedy());
    }
}
