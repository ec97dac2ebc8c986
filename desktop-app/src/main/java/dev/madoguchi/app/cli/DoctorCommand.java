package dev.madoguchi.app.cli;

import dev.madoguchi.app.diagnostics.CheckStatus;
import dev.madoguchi.app.diagnostics.DiagnosticsReport;
import dev.madoguchi.app.diagnostics.DiagnosticsService;
import dev.madoguchi.app.i18n.Language;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code madoguchi doctor [--json] [--out FILE.zip] [--backend URL]}: the diagnostics report one-person IT sends to the
 * vendor. Exit code 0 when every check is ok or a warning, {@value #PROBLEMS_FOUND} when a check found a problem.
 */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = {"Diagnostics report: versions, PC/SC service and readers, fonts, printers, data-directory "
                + "permissions, store, backend, log tail. Holds no personal data.",
            "Exit code 0: no problem found; 3: a problem was found (its remedy is in the report)."})
public final class DoctorCommand implements Callable<Integer> {

    /** The exit code when a check found a problem. */
    public static final int PROBLEMS_FOUND = 3;

    @Option(names = "--json", description = "Write the report as JSON.")
    boolean json;

    @Option(names = "--out", paramLabel = "FILE.zip",
            description = "Also write the report (JSON and text) and the log's last 200 lines into this zip file.")
    Path out;

    @Option(names = "--backend", paramLabel = "URL", description = "Check that this backend answers, and the clock skew.")
    URI backend;

    @Option(names = "--lang", paramLabel = "ja|en", defaultValue = "ja", description = "Language of the remedies.")
    String language;

    @Spec
    CommandSpec spec;

    @ParentCommand
    MadoguchiCommand root;

    @Override
    public Integer call() throws IOException {
        DiagnosticsReport report = new DiagnosticsService(root.dataDirectory(), root.storeDirectory(),
                root.logDirectory(), Language.fromTag(language), System.getenv()).report(version(), backend);
        org.slf4j.LoggerFactory.getLogger(DoctorCommand.class).info("diagnostics report: {} checks, {}",
                report.checks().size(), report.worst().word());
        PrintWriter writer = spec.commandLine().getOut();
        writer.println(json ? report.toJson() : report.toText());
        writer.flush();
        if (out != null) {
            report.writeZip(out);
            spec.commandLine().getErr().println("doctor: wrote " + out.toAbsolutePath());
        }
        return report.worst() == CheckStatus.PROBLEM ? PROBLEMS_FOUND : 0;
    }

    private static String version() {
        String v = DoctorCommand.class.getPackage().getImplementationVersion();
        return v == null ? "development build" : v;
    }
}
