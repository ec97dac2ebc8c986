package dev.madoguchi.backend.cli;

import dev.madoguchi.backend.BackendConfig;
import dev.madoguchi.backend.BackendData;
import dev.madoguchi.backend.BackendStartException;
import dev.madoguchi.backend.ReferenceBackend;
import dev.madoguchi.backend.db.BackendDatabaseException;
import dev.madoguchi.backend.terminal.TerminalInfo;
import dev.madoguchi.backend.terminal.TerminalToken;
import dev.madoguchi.demo.DemoMunicipality;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code ./madoguchi backend …}: runs the reference backend, or manages its terminals. The server runs in the
 * foreground until Ctrl+C (SIGTERM); the JVM's shutdown hook stops it cleanly.
 */
@Command(name = "madoguchi backend", mixinStandardHelpOptions = true, versionProvider = BackendMain.Version.class,
        description = {"Runs the Madoguchi reference backend (docs/api/openapi.yaml) until stopped with Ctrl+C.",
                "Plain HTTP on a loopback address only; elsewhere give --tls-keystore and --tls-password-file."},
        subcommands = {BackendMain.AddTerminal.class, BackendMain.RotateTerminal.class,
                BackendMain.RevokeTerminal.class, BackendMain.ListTerminals.class})
public final class BackendMain implements Callable<Integer> {

    static final int USAGE = 2;
    static final int FAILURE = 1;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    DatabaseOptions database = new DatabaseOptions();

    @Option(names = "--port", defaultValue = "8080", paramLabel = "N", description = "TCP port (default 8080; 0: any free port)")
    int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1", paramLabel = "ADDR", description = "address to listen on (default 127.0.0.1)")
    String bind;

    @Option(names = "--tls-keystore", paramLabel = "FILE", description = "PKCS#12 key store with the server's key and certificate")
    Path tlsKeystore;

    @Option(names = "--tls-password-file", paramLabel = "FILE", description = "file whose first line is the key store's password")
    Path tlsPasswordFile;

    @Option(names = "--demo-residents", defaultValue = "" + DemoMunicipality.DEFAULT_RESIDENTS, paramLabel = "N",
            description = "demo residents seeded into an empty register on first start (default ${DEFAULT-VALUE}; 0: none)")
    int demoResidents;

    @Option(names = "--shelter-list", paramLabel = "FILE",
            description = "the municipality's shelter list (JSON array) served at /api/v1/shelters, read at every request")
    Path shelterList;

    public static void main(String[] args) {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "logback-backend.xml");
        }
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Parses and runs a command line; returns the exit code (0, 1 failure, 2 usage). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new BackendMain());
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((ParameterException e, String[] a) -> {
            e.getCommandLine().getErr().println(e.getCommandLine().getCommandSpec().qualifiedName() + ": "
                    + e.getMessage() + " (see --help)");
            return USAGE;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parsed) -> {
            String reason = e instanceof IllegalArgumentException || e instanceof BackendStartException
                    || e instanceof BackendDatabaseException || e instanceof IOException
                    ? e.getMessage() : e.getClass().getSimpleName() + ": " + e.getMessage();
            commandLine.getErr().println(commandLine.getCommandSpec().qualifiedName() + ": " + reason);
            return FAILURE;
        });
        return cli.execute(args);
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        BackendConfig.Builder builder = database.builder().port(port).bindAddress(bind).demoResidents(demoResidents)
                .shelterList(shelterList);
        if ((tlsKeystore == null) != (tlsPasswordFile == null)) {
            throw new ParameterException(spec.commandLine(), "--tls-keystore and --tls-password-file go together");
        }
        if (tlsKeystore != null) {
            builder.tls(tlsKeystore, firstLine(tlsPasswordFile));
        }
        ReferenceBackend backend = ReferenceBackend.start(builder.build());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            backend.close();
            stopped.countDown();
        }, "backend-shutdown"));
        PrintWriter out = spec.commandLine().getOut();
        out.println("Madoguchi reference backend " + ReferenceBackend.version() + " listening on " + backend.baseUri()
                + " (" + backend.databaseKind().displayName() + ", " + backend.register().countCurrent()
                + " residents). Ctrl+C stops it.");
        out.flush();
        stopped.await();
        return 0;
    }

    static String firstLine(Path file) throws IOException {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            int newline = text.indexOf('\n');
            return (newline < 0 ? text : text.substring(0, newline)).strip();
        } catch (IOException e) {
            throw new IOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Where the database is: --db, else an H2 file under --data-dir (or the default data directory). */
    static final class DatabaseOptions {
        @Option(names = "--db", paramLabel = "JDBC-URL", description = "database URL: jdbc:h2:file:… or jdbc:postgresql://… "
                + "(default: an H2 file under the data directory)")
        String jdbcUrl;

        @Option(names = "--db-user", paramLabel = "USER", description = "database user (if not in the URL)")
        String dbUser;

        @Option(names = "--db-password-file", paramLabel = "FILE", description = "file whose first line is the database password")
        Path dbPasswordFile;

        @Option(names = "--data-dir", paramLabel = "DIR", description = "the backend's data directory (default: $MADOGUCHI_HOME/backend "
                + "or the user data directory's madoguchi/backend)")
        Path dataDir;

        BackendConfig.Builder builder() throws IOException {
            String url = jdbcUrl;
            if (url == null) {
                Path dir = dataDir != null ? dataDir : defaultDataDir();
                Files.createDirectories(dir);
                url = BackendConfig.h2FileUrl(dir);
            }
            String password = dbPasswordFile == null ? null : firstLine(dbPasswordFile);
            return BackendConfig.builder(url).dbCredentials(dbUser, password);
        }

        BackendData open() throws IOException {
            return BackendData.open(builder().demoResidents(0).build());
        }

        static Path defaultDataDir() {
            String home = System.getenv("MADOGUCHI_HOME");
            if (home != null && !home.isBlank()) {
                return Path.of(home, "backend");
            }
            String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
            Path user = Path.of(System.getProperty("user.home"));
            if (os.contains("win")) {
                String local = System.getenv("LOCALAPPDATA");
                return (local != null ? Path.of(local) : user.resolve("AppData").resolve("Local"))
                        .resolve("Madoguchi").resolve("backend");
            }
            if (os.contains("mac")) {
                return user.resolve("Library").resolve("Application Support").resolve("Madoguchi").resolve("backend");
            }
            String xdg = System.getenv("XDG_DATA_HOME");
            return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : user.resolve(".local").resolve("share"))
                    .resolve("madoguchi").resolve("backend");
        }
    }

    @Command(name = "add-terminal", mixinStandardHelpOptions = true,
            description = "Registers a terminal and prints its token once (only a hash is kept). The backend must not be running on an H2 file.")
    static final class AddTerminal implements Callable<Integer> {
        @Mixin
        DatabaseOptions database = new DatabaseOptions();
        @Parameters(paramLabel = "ID", description = "terminal id: a letter or digit, then up to 63 of A-Z a-z 0-9 _ -")
        String terminalId;
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            TerminalToken.requireValidId(terminalId);
            try (BackendData data = database.open()) {
                printToken(spec, data.terminals().register(terminalId), "registered");
            }
            return 0;
        }
    }

    @Command(name = "rotate-terminal", mixinStandardHelpOptions = true,
            description = "Gives a terminal a new token (the old one stops working; a revoked terminal is active again).")
    static final class RotateTerminal implements Callable<Integer> {
        @Mixin
        DatabaseOptions database = new DatabaseOptions();
        @Parameters(paramLabel = "ID")
        String terminalId;
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            try (BackendData data = database.open()) {
                printToken(spec, data.terminals().rotate(terminalId), "has a new token");
            }
            return 0;
        }
    }

    @Command(name = "revoke-terminal", mixinStandardHelpOptions = true,
            description = "Revokes a terminal: its token is then refused with 403.")
    static final class RevokeTerminal implements Callable<Integer> {
        @Mixin
        DatabaseOptions database = new DatabaseOptions();
        @Parameters(paramLabel = "ID")
        String terminalId;
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            try (BackendData data = database.open()) {
                data.terminals().revoke(terminalId);
            }
            spec.commandLine().getOut().println("terminal " + terminalId + " revoked");
            return 0;
        }
    }

    @Command(name = "list-terminals", mixinStandardHelpOptions = true, description = "Lists the registered terminals (never their tokens).")
    static final class ListTerminals implements Callable<Integer> {
        @Mixin
        DatabaseOptions database = new DatabaseOptions();
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            try (BackendData data = database.open()) {
                for (TerminalInfo t : data.terminals().list()) {
                    spec.commandLine().getOut().println(t.terminalId() + "\t" + (t.revoked() ? "revoked " + t.revokedAt()
                            : "active since " + t.createdAt()));
                }
            }
            return 0;
        }
    }

    private static void printToken(CommandLine.Model.CommandSpec spec, TerminalToken token, String what) {
        PrintWriter out = spec.commandLine().getOut();
        out.println("terminal " + token.terminalId() + " " + what + ". Its token, shown only now:");
        out.println(token.value());
        out.flush();
    }

    /** The version from the build. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"Madoguchi reference backend " + ReferenceBackend.version()};
        }
    }
}
