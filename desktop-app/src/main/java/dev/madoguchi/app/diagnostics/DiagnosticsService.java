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
        checks.add(system.java(appVersion));
        checks.add(system.os(environment));
        checks.add(system.pcsc());
        checks.add(system.fonts());
        checks.add(system.printers());
        checks.add(system.proxy(environment));
        checks.add(data.dataDirectory());
        checks.add(data.store());
        checks.add(data.backend(backend));
        return new DiagnosticsReport(Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), checks, data.logTail());
    }
}
