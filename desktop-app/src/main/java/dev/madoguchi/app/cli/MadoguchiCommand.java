package dev.madoguchi.app.cli;

import dev.madoguchi.app.i18n.Language;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** {@code madoguchi}: with no subcommand, the desktop application; with one, a command-line tool. */
@Command(name = "madoguchi",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Madoguchi (窓口): the no-writing one-stop counter desktop client.",
            "Without a subcommand, starts the desktop application: the demo municipality (simulated reader when no "
                + "PC/SC reader is attached) on a computer never set up, the sign-in on a set-up one; --setup starts "
                + "the setup assistant of a real municipality instead of the demo."
        })
public final class MadoguchiCommand implements Callable<Integer> {

    /**
     * The subcommands, in the order of the help. Added by {@link #withSubcommands} rather than through the annotation:
     * a desktop start needs none of them, and building their models (each subcommand's options, by reflection) took
     * about a tenth of a second of the start (docs/performance.md, "Start of the installed app").
     */
    static final List<Class<?>> SUBCOMMANDS = List.of(DemoCommand.class, CardCommand.class, FormCommand.class,
            QrCommand.class, LifeEventCommand.class, StoreCommand.class, SyncCommand.class, ReportCommand.class,
            ShelterCommand.class, DoctorCommand.class, SetupCommand.class, KeysCommand.class,
            picocli.CommandLine.HelpCommand.class);

    private final CliHost host;

    @Option(names = "--data-dir", scope = ScopeType.INHERIT, paramLabel = "DIR",
            description = "Where data and logs live (default: the user's data directory, or $MADOGUCHI_HOME).")
    Path dataDirectory;

    @Option(names = "--lang", paramLabel = "ja|en", defaultValue = "ja", converter = LanguageConverter.class,
            description = "Clerk UI language (default: ${DEFAULT-VALUE}).")
    Language language;

    @Option(names = "--text-size", paramLabel = "PERCENT", defaultValue = "100",
            description = "Text size in percent, 100-200 (default: ${DEFAULT-VALUE}).")
    int textSizePercent;

    @Option(names = "--simulated-reader",
            description = "Use the simulated reader with demo cards even when PC/SC readers are attached.")
    boolean simulatedReader;

    @Option(names = "--demo", description = "Start the demo municipality (refused on a computer set up for a municipality).")
    boolean demo;

    @Option(names = "--setup", description = "Start the first-run setup assistant of a real municipality (the sign-in"
            + " when this computer is set up already).")
    boolean setup;

    @Spec
    CommandSpec spec;

    /** Converts {@code ja} / {@code en} to a {@link Language}. */
    static final class LanguageConverter implements ITypeConverter<Language> {
        @Override
        public Language convert(String value) {
            return Language.fromTag(value);
        }
    }

    public MadoguchiCommand(CliHost host) {
        this.host = host;
    }

    /** Adds every subcommand to {@code cli}, a command line of this command; returns it. */
    public static CommandLine withSubcommands(CommandLine cli) {
        for (Class<?> subcommand : SUBCOMMANDS) {
            // a CommandLine of its own, not addSubcommand(Class): only picocli's public constructor applies the
            // subcommand's model transformer (ClerkSession.OptionalOnGroup makes a group's --clerk optional)
            cli.addSubcommand(new CommandLine(subcommand));
        }
        return cli;
    }

    /** The data directory chosen by {@code --data-dir} and the environment. */
    public Path dataDirectory() {
        return host.dataDirectory(dataDirectory);
    }

    /** The log directory chosen by {@code --data-dir} and the environment. */
    public Path logDirectory() {
        return host.logDirectory(dataDirectory);
    }

    /** The local store's directory chosen by {@code --data-dir} and the environment. */
    public Path storeDirectory() {
        return host.storeDirectory(dataDirectory);
    }

    /**
     * The language of the command line's messages: {@code --lang} when it was given, else the locale's (Japanese for
     * a Japanese locale, English for any other).
     */
    public Language messageLanguage() {
        ParseResult parsed = spec == null ? null : spec.commandLine().getParseResult();
        return parsed != null && parsed.hasMatchedOption("--lang") ? language : forLocale(Locale.getDefault());
    }

    /** Japanese for a Japanese locale, English for any other. */
    static Language forLocale(Locale locale) {
        return "ja".equals(locale.getLanguage()) ? Language.JAPANESE : Language.ENGLISH;
    }

    @Override
    public Integer call() throws Exception {
        if (textSizePercent < 100 || textSizePercent > 200) {
            throw new ParameterException(spec.commandLine(),
                    "--text-size must be between 100 and 200, not " + textSizePercent);
        }
        if (demo && setup) {
            throw new ParameterException(spec.commandLine(), "--demo and --setup exclude each other");
        }
        host.startDesktop(dataDirectory, language, textSizePercent, simulatedReader,
                demo ? dev.madoguchi.app.setup.StartRequest.DEMO
                        : setup ? dev.madoguchi.app.setup.StartRequest.SETUP : dev.madoguchi.app.setup.StartRequest.AUTO);
        return 0;
    }
}
