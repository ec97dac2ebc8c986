package dev.madoguchi.app.diagnostics;

import dev.madoguchi.app.task.BoundedParallelRun;

import dev.madoguchi.app.i18n.Language;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/** Builds the diagnostics report: every check, in a fixed order, then the log's tail. Reads; never writes. */
public final class DiagnosticsService {

    /** How long the report waits for one check (they run side by side): a stuck service cannot hold it up. */
    static final java.time.Duration CHECK_LIMIT = java.time.Duration.ofMillis(2_500);
    /** With a backend: its connect (3 s) and request (5 s) timeouts. */
    static final java.time.Duration BACKEND_LIMIT = java.time.Duration.ofSeconds(9);

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
        // independent probes run side by side, each bounded: fonts and printers (CUPS) and the PC/SC service are the
        // slow ones (docs/performance.md, "doctor")
        List<java.util.concurrent.Callable<Check>> probes = List.of(
                timed(() -> system.java(appVersion)),
                timed(() -> system.os(environment)),
                timed(system::pcsc),
                timed(system::fonts),
                timed(() -> system.printers(environment)),
                timed(() -> system.proxy(environment)),
                timed(data::dataDirectory),
                timed(data::store),
                timed(data::signingKey),
                timed(() -> data.backend(backend)));
        List<String> ids = List.of("java", "os", "pcsc", "fonts", "printers", "proxy", "data-directory", "store",
                "signing-key", "backend");
        java.time.Duration limit = backend == null ? CHECK_LIMIT : BACKEND_LIMIT;
        List<Check> checks = BoundedParallelRun.runAll("doctor-check", probes, limit,
                (i, cause) -> unfinished(ids.get(i), cause, limit));
        return new DiagnosticsReport(Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), checks, data.logTail());
    }

    /** A probe that failed or did not answer within the limit: a warning, the report goes on. */
    private static Check unfinished(String id, Throwable cause, java.time.Duration limit) {
        java.util.Map<String, Object> facts = new java.util.LinkedHashMap<>();
        facts.put("elapsedMs", limit.toMillis());
        if (cause == null) {
            return new Check(id, CheckStatus.WARNING, "no answer within " + limit.toMillis() + " ms", facts, "");
        }
        facts.put("error", cause.getClass().getSimpleName());
        return new Check(id, CheckStatus.WARNING, "check failed: " + cause.getClass().getSimpleName(), facts, "");
    }

    /** A check with how long it took ({@code elapsedMs}), so a slow service shows in the report. */
    private static java.util.concurrent.Callable<Check> timed(java.util.function.Supplier<Check> check) {
        return () -> measured(check);
    }

    private static Check measured(java.util.function.Supplier<Check> check) {
        long started = System.nanoTime();
        Check c = check.get();
        java.util.Map<String, Object> facts = new java.util.LinkedHashMap<>(c.facts());
        facts.put("elapsedMs", (System.nanoTime() - started) / 1_000_000);
        return new Check(c.id(), c.status(), c.summary(), facts, c.remedy());
    }
}
