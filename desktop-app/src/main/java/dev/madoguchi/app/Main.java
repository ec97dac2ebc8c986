package dev.madoguchi.app;

import dev.madoguchi.app.cli.MadoguchiCommand;
import java.io.PrintWriter;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The entry point of {@code ./madoguchi} and of the installed application. Not a JavaFX {@code Application}: the
 * class path has no JavaFX module layer, and the desktop starts through {@link DesktopLauncher}.
 */
public final class Main {

    /** Exit code for a wrong subcommand or option. */
    public static final int USAGE = 2;
    /** Exit code for a failure while running. */
    public static final int FAILURE = 1;

    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Parses and runs a command line; returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        // before any logger exists: building the command line loads subcommands whose static loggers start Logback,
        // which reads madoguchi.logDir once; --data-dir may also stand after a subcommand (it is inherited)
        AppPaths paths = AppPaths.resolve(Logging.dataDirectoryOption(args));
        dev.madoguchi.app.files.OwnerOnlyFiles.prepare(paths.dataDirectory()); // before any file: owner-only (ADR 0021)
        Logging.configure(paths.logDirectory());
        MadoguchiCommand top = new MadoguchiCommand();
        CommandLine cli = new CommandLine(top);
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler(Main::usageError);
        cli.setExecutionExceptionHandler(Main::failure);
        return cli.execute(args);
    }

    /** A wrong subcommand or option: one line, exit code 2, no stack trace. */
    private static int usageError(ParameterException e, String[] args) {
        String command = e.getCommandLine().getCommandSpec().qualifiedName();
        e.getCommandLine().getErr().println(command + ": " + oneLine(e.getMessage()) + " (see '" + command + " --help')");
        return USAGE;
    }

    /** A failure while running: one line for the person, the details in the log file. */
    private static int failure(Exception e, CommandLine commandLine, ParseResult parsed) {
        String command = commandLine.getCommandSpec().qualifiedName();
        LoggerFactory.getLogger(Main.class).error("'{}' failed: {}", command, oneLine(String.valueOf(e.getMessage())), e);
        String reason = e instanceof DesktopLauncher.DesktopUnavailableException
                ? oneLine(e.getMessage())
                : oneLine(e.getClass().getSimpleName() + ": " + e.getMessage());
        commandLine.getErr().println(command + ": " + reason + " (details: " + Logging.currentLogFile() + ")");
        return FAILURE;
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
    }
}
