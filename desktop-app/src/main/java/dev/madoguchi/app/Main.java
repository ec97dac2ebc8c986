package dev.madoguchi.app;

import dev.madoguchi.app.files.OwnerOnlyFiles;
import dev.madoguchi.app.cli.CliErrors;
import dev.madoguchi.app.cli.CliHost;
import dev.madoguchi.app.cli.MadoguchiCommand;
import dev.madoguchi.app.i18n.Language;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.OptionalInt;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

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
        OwnerOnlyFiles.prepare(paths.dataDirectory()); // before any file: owner-only (docs/adr/0021)
        Logging.configure(paths.logDirectory());
        return commandLineFor(args, out, err).execute(args);
    }

    /**
     * The command line for {@code args}: the desktop's alone (no subcommand models) when {@code args} parse without
     * one and ask for no help, else {@link #commandLine the whole}. Both give the same result for such arguments; the
     * first spares a desktop start building the subcommands (docs/performance.md, "Start of the installed app").
     */
    static CommandLine commandLineFor(String[] args, PrintWriter out, PrintWriter err) {
        MadoguchiCommand top = new MadoguchiCommand(new Application());
        CommandLine desktop = configure(new CommandLine(top), top, out, err);
        try {
            CommandLine.ParseResult parsed = desktop.parseArgs(args);
            if (!parsed.isUsageHelpRequested() && parsed.unmatched().isEmpty()) {
                return desktop;
            }
        } catch (ParameterException e) {
            // a subcommand's name, or a wrong option: the whole command line parses it and says what is wrong
        }
        return commandLine(out, err);
    }

    /**
     * The whole command line, writing to {@code out} and {@code err}: a wrong subcommand or option is one line and exit
     * code 2; a typed failure one line "remedy (CODE)" in the user's language ({@link CliErrors}) and its exit code;
     * anything else one line naming the log file and exit code 1.
     */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        MadoguchiCommand top = new MadoguchiCommand(new Application());
        return configure(MadoguchiCommand.withSubcommands(new CommandLine(top)), top, out, err);
    }

    private static CommandLine configure(CommandLine cli, MadoguchiCommand top, PrintWriter out, PrintWriter err) {
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler(Main::usageError);
        cli.setExecutionExceptionHandler((e, commandLine, parsed) -> failure(e, commandLine, top));
        return cli;
    }

    /** A wrong subcommand or option: one line, exit code 2, no stack trace. */
    private static int usageError(ParameterException e, String[] args) {
        String command = e.getCommandLine().getCommandSpec().qualifiedName();
        e.getCommandLine().getErr().println(command + ": " + oneLine(e.getMessage()) + " (see '" + command + " --help')");
        return USAGE;
    }

    /** A failure while running: one line for the person, the details in the log file. */
    private static int failure(Exception e, CommandLine commandLine, MadoguchiCommand top) {
        OptionalInt typed = new CliErrors(top.messageLanguage()).report(e, commandLine);
        if (typed.isPresent()) {
            return typed.getAsInt();
        }
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

    /** This installation's files ({@link AppPaths}) and its desktop ({@link DesktopLauncher}). */
    private static final class Application implements CliHost {

        @Override
        public Path dataDirectory(Path explicit) {
            return AppPaths.resolve(explicit).dataDirectory();
        }

        @Override
        public Path storeDirectory(Path explicit) {
            return AppPaths.resolve(explicit).storeDirectory();
        }

        @Override
        public Path logDirectory(Path explicit) {
            return AppPaths.resolve(explicit).logDirectory();
        }

        @Override
        public void startDesktop(Path explicit, Language language, int textSizePercent, boolean simulatedReader,
                dev.madoguchi.app.setup.StartRequest start) throws InterruptedException {
            DesktopLauncher.run(new AppConfig(AppPaths.resolve(explicit), language, textSizePercent, simulatedReader,
                    start));
        }
    }
}
