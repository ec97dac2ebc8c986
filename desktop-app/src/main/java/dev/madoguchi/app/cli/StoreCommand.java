package dev.madoguchi.app.cli;

import dev.madoguchi.app.i18n.Language;
import dev.madoguchi.app.i18n.Messages;
import dev.madoguchi.store.LocalStore;
import dev.madoguchi.store.error.StoreException;
import dev.madoguchi.store.StoreOptions;
import dev.madoguchi.store.StoreVerification;
import dev.madoguchi.store.clerks.Clerk;
import dev.madoguchi.store.clerks.Role;
import dev.madoguchi.app.store.StoreControl;
import dev.madoguchi.store.RetentionPurge;
import dev.madoguchi.store.error.StoreError;
import dev.madoguchi.store.drafts.DraftCount;
import dev.madoguchi.store.drafts.VisitDraftRepository;
import dev.madoguchi.store.register.ImportProgress;
import dev.madoguchi.store.register.RegisterFormat;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code madoguchi store}: maintenance of the terminal's encrypted local store. Passphrases are asked for on the
 * console (or read from standard input, one per line), never taken from arguments. Output holds counts and ids only.
 */
@Command(name = "store",
        mixinStandardHelpOptions = true,
        description = {"Maintenance of the encrypted local store (docs/adr/0007-store-encryption-and-keys.md).",
            "Passphrases are read from the console, or one per line from standard input; never from arguments."},
        subcommands = {StoreCommand.Create.class, StoreCommand.AddClerk.class, StoreCommand.Verify.class,
            StoreCommand.Backup.class, StoreCommand.Restore.class, StoreCommand.Import.class, StoreCommand.Purge.class,
            StoreCommand.Drafts.class})
public final class StoreCommand implements Callable<Integer> {

    /** Settings key of the My Number retention period in days (used by {@code purge} without --retention-days). */
    public static final String RETENTION_SETTING = "retention.myNumberDays";
    /** Retention when the setting is absent. */
    public static final int DEFAULT_RETENTION_DAYS = 30;

    @ParentCommand
    MadoguchiCommand root;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    Path directory() {
        return root.paths().storeDirectory();
    }

    /** The clerk option and the typed-error handling every subcommand shares. */
    static final class Session {
        @Option(names = "--clerk", required = true, paramLabel = "ID", description = "Clerk id to sign in as.")
        String clerkId;

        @Spec(Spec.Target.MIXEE)
        CommandSpec spec;

        StoreCommand store() {
            return (StoreCommand) spec.parent().userObject();
        }

        LocalStore signIn() {
            char[] passphrase = prompt().read("Passphrase for " + clerkId);
            try {
                return LocalStore.open(store().directory(), clerkId, passphrase, StoreOptions.defaults());
            } finally {
                Arrays.fill(passphrase, ' ');
            }
        }

        private PassphrasePrompt prompt;

        PassphrasePrompt prompt() {
            if (prompt == null) {
                prompt = new PassphrasePrompt(spec.commandLine().getErr());
            }
            return prompt;
        }

        PrintWriter out() {
            return spec.commandLine().getOut();
        }

        /** Runs a step; a typed store failure becomes one line with its remedy and code, exit code 1. */
        int run(Callable<Integer> step) throws Exception {
            try {
                return step.call();
            } catch (StoreException e) {
                Messages messages = new Messages(Language.JAPANESE);
                String remedy = messages.get(Messages.keyFor("store.error.", e.error()));
                // a bad input file's message says where (line and field), never a value: show it
                String where = e.error() == StoreError.BAD_INPUT
                        ? ": " + e.getMessage().substring(e.error().code().length()).trim() : "";
                spec.commandLine().getErr().println(spec.qualifiedName() + ": " + remedy + " (" + e.error().code()
                        + ")" + where);
                return 1;
            }
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Creates a new encrypted store with its first clerk, an administrator.")
    static final class Create implements Callable<Integer> {
        @Mixin
        Session session;

        @Option(names = "--name", required = true, description = "The administrator's display name.")
        String name;

        @Override
        public Integer call() throws Exception {
            return session.run(() -> {
                char[] passphrase = newPassphrase(session, session.clerkId);
                try (LocalStore store = LocalStore.create(session.store().directory(),
                        new Clerk(session.clerkId, name, Role.ADMINISTRATOR), passphrase, StoreOptions.defaults())) {
                    session.out().printf("created store at %s (schema %s)%n", store.directory(), store.schemaVersion());
                }
                return 0;
            });
        }
    }

    @Command(name = "add-clerk", mixinStandardHelpOptions = true,
            description = "Adds a clerk (administrators only); asks for the new clerk's passphrase.")
    static final class AddClerk implements Callable<Integer> {
        @Mixin
        Session session;

        @Parameters(index = "0", paramLabel = "NEW-ID", description = "The new clerk's id.")
        String newId;

        @Option(names = "--role", required = true, description = "CLERK, SHELTER_STAFF, VOLUNTEER or ADMINISTRATOR.")
        Role role;

        @Option(names = "--name", required = true, description = "The new clerk's display name.")
        String name;

        @Override
        public Integer call() throws Exception {
            return session.run(() -> {
                try (LocalStore store = session.signIn()) {
                    char[] passphrase = newPassphrase(session, newId);
                    store.clerks().add(new Clerk(newId, name, role), passphrase);
                    session.out().printf("added clerk %s (%s)%n", newId, role);
                }
                return 0;
            });
        }
    }

    private static char[] newPassphrase(Session session, String clerkId) {
        char[] first = session.prompt().read("New passphrase for " + clerkId + " (at least 8 characters)");
        char[] again = session.prompt().read("The same passphrase again");
        if (!Arrays.equals(first, again)) {
            throw new picocli.CommandLine.ParameterException(session.spec.commandLine(),
                    "the two passphrases differ");
        }
        return first;
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Checks the database (every table read) and the audit journal's hash chain;",
                "reports the first broken row. Exit code 1 when anything is broken."})
    static final class Verify implements Callable<Integer> {
        @Mixin
        Session session;

        @Override
        public Integer call() throws Exception {
            return session.run(() -> {
                try (LocalStore store = session.signIn()) {
                    StoreVerification v = store.verify();
                    PrintWriter out = session.out();
                    out.printf("database: %d tables, %d rows, schema version %s%n", v.tables(), v.rows(),
                            v.schemaVersion());
                    if (v.audit().intact()) {
                        out.printf("audit journal: intact (%d rows)%n", v.audit().rows());
                        return 0;
                    }
                    out.printf("audit journal: BROKEN at row %d: %s%n", v.audit().firstBrokenSeq().getAsLong(),
                            v.audit().problem());
                    return 1;
                }
            });
        }
    }

    @Command(name = "backup", mixinStandardHelpOptions = true,
            description = {"Writes an encrypted, consistent backup of the store to FILE (administrators only).",
                "Only a clerk of this store can open the backup. While the desktop app has the store open, the",
                "backup is written by the app through its local control socket (docs/adr/0009)."})
    static final class Backup implements Callable<Integer> {
        @Mixin
        Session session;

        @Parameters(index = "0", paramLabel = "FILE")
        Path file;

        @Override
        public Integer call() throws Exception {
            return session.run(() -> {
                char[] passphrase = session.prompt().read("Passphrase for " + session.clerkId);
                try {
                    try (LocalStore store = LocalStore.open(session.store().directory(), session.clerkId, passphrase,
                            StoreOptions.defaults())) {
                        store.backup(file);
                    } catch (StoreException e) {
                        if (e.error() != StoreError.LOCKED_BY_ANOTHER_INSTANCE) {
                            throw e;
                        }
                        long bytes = StoreControl.requestBackup(session.store().directory(), session.clerkId,
                                passphrase, file).orElseThrow(() -> e);
                        session.out().printf("backup written by the running Madoguchi to %s (%d bytes)%n",
                                file.toAbsolutePath(), bytes);
                        return 0;
                    }
                } finally {
                    Arrays.fill(passphrase, ' ');
                }
                session.out().printf("backup written to %s (%d bytes)%n", file.toAbsolutePath(), Files.size(file));
                return 0;
            });
        }
    }

    @Command(name = "restore", mixinStandardHelpOptions = true,
            description = {"Replaces this computer's store by a backup (e.g. to move a shelter's data to another",
                "laptop). The clerk must be an administrator of the backed-up store; the replaced files are kept",
                "with the suffix .before-restore."})
    static final class Restore implements Callable<Integer> {
        @Mixin
        Session session;

        @Parameters(index = "0", paramLabel = "FILE")
        Path file;

        @Override
        public Integer call() throws Exception {
            return session.run(() -> {
                char[] passphrase = session.prompt().read("Passphrase for " + session.clerkId + " (of the backup)");
                try {
                    LocalStore.restore(file, session.store().directory(), session.clerkId, passphrase,
                            StoreOptions.defaults());
                } finally {
                    Arrays.fill(passphrase, ' ');
                }
                session.out().printf("restored %s into %s%n", file.toAbsolutePath(), session.store().directory());
                return 0;
            });
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Replaces the register copy by a snapshot in the CSV or JSON-lines format of",
                "docs/howto/import-a-register.md (administrators only); all of it or nothing. The format follows",
                "the extension (.csv, .jsonl, .ndjson) unless --format says it. Progress goes to standard error."})
    static final class Import implements Callable<Integer> {
        @Mixin
        Session session;

        @Option(names = "--format", paramLabel = "FORMAT", description = "CSV or JSON_LINES (default: by extension).")
        RegisterFormat format;

        @Parameters(index = "0", paramLabel = "FILE")
        Path file;

        @Override
        public Integer call() throws Exception {
            RegisterFormat chosen = format != null ? format : RegisterFormat.byExtension(file).orElseThrow(() ->
                    new picocli.CommandLine.ParameterException(session.spec.commandLine(),
                            "cannot tell the format from the file name; give --format CSV or --format JSON_LINES"));
            return session.run(() -> {
                try (LocalStore store = session.signIn();
                        Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    PrintWriter err = session.spec.commandLine().getErr();
                    long started = System.nanoTime();
                    long n = store.register().replaceAll(List.of(), chosen.reader(in), new ImportProgress() {
                        @Override
                        public void imported(long count) {
                            if (count % 100_000 == 0) {
                                err.printf("imported %d residents…%n", count);
                            }
                        }

                        @Override
                        public void stage(Stage stage) {
                            if (stage != Stage.LOADING_RESIDENTS) {
                                err.printf("%s…%n", stage == Stage.BUILDING_KEYS ? "building the lookup keys"
                                        : "removing the previous copy");
                            }
                        }
                    });
                    session.out().printf("imported %d residents, %d households in %.1f s%n", n,
                            store.register().householdCount(), (System.nanoTime() - started) / 1e9);
                }
                return 0;
            });
        }
    }

    @Command(name = "purge", mixinStandardHelpOptions = true,
            description = {"Removes My Numbers of cases synced longer ago than the retention period, and the sealed",
                "My Numbers of a register copy imported longer ago than it (the blind index for look-ups stays;",
                "docs/adr/0009), and counter visit drafts nobody saved for longer than the store setting",
                VisitDraftRepository.RETENTION_SETTING + " (hours, default 24; docs/adr/0014).",
                "Administrators only. The audit journal stays valid."})
    static final class Purge implements Callable<Integer> {
        @Mixin
        Session session;

        @Option(names = "--retention-days", paramLabel = "DAYS",
                description = "Retention period; default: the store setting " + RETENTION_SETTING + ", else "
                        + DEFAULT_RETENTION_DAYS + ".")
        Integer retentionDays;

        @Override
        public Integer call() throws Exception {
            return session.run(() -> {
                try (LocalStore store = session.signIn()) {
                    int days = retentionDays != null ? retentionDays
                            : store.settings().get(RETENTION_SETTING).map(Integer::parseInt)
                                    .orElse(DEFAULT_RETENTION_DAYS);
                    if (days < 0) {
                        throw new picocli.CommandLine.ParameterException(session.spec.commandLine(),
                                "--retention-days must not be negative");
                    }
                    RetentionPurge purged = store.purge(Duration.ofDays(days));
                    session.out().printf("purged the My Numbers of %d synced cases and %d of the register copy "
                            + "(retention %d days), and %d abandoned visit drafts (retention %d hours)%n",
                            purged.cases(), purged.registerValues(), days, purged.drafts(),
                            store.draftRetention().toHours());
                }
                return 0;
            });
        }
    }

    @Command(name = "drafts", mixinStandardHelpOptions = true,
            description = {"Counter visit drafts of every clerk as counts only: no step, no resident (docs/adr/0014).",
                "--discard-of discards all drafts of one clerk (audited with the count); --retention-hours sets",
                "how long an abandoned draft is kept (store setting " + VisitDraftRepository.RETENTION_SETTING + ").",
                "Administrators only."})
    static final class Drafts implements Callable<Integer> {
        @Mixin
        Session session;

        @Option(names = "--discard-of", paramLabel = "CLERK", description = "Discard all drafts of this clerk.")
        String discardOf;

        @Option(names = "--retention-hours", paramLabel = "HOURS",
                description = "Keep an abandoned draft this many hours after its last save (1 to 8784).")
        Integer retentionHours;

        @Override
        public Integer call() throws Exception {
            return session.run(() -> {
                try (LocalStore store = session.signIn()) {
                    if (retentionHours != null) {
                        if (retentionHours < 1 || retentionHours > 24 * 366) {
                            throw new picocli.CommandLine.ParameterException(session.spec.commandLine(),
                                    "--retention-hours must be between 1 and 8784");
                        }
                        store.setDraftRetention(Duration.ofHours(retentionHours));
                        session.out().printf("abandoned visit drafts are kept %d hours%n", retentionHours);
                    }
                    if (discardOf != null) {
                        int n = store.drafts().discardAllOf(discardOf);
                        session.out().printf("discarded %d visit drafts of clerk %s%n", n, discardOf);
                    }
                    List<DraftCount> counts = store.drafts().countsByClerk();
                    session.out().printf("visit drafts (kept %d hours after the last save):%n",
                            store.draftRetention().toHours());
                    if (counts.isEmpty()) {
                        session.out().println("  none");
                    }
                    for (DraftCount c : counts) {
                        session.out().printf("  %s: %d (with a My Number: %d), last saved %s … %s%n", c.clerkId(),
                                c.drafts(), c.withMyNumber(), c.oldestSavedAt(), c.newestSavedAt());
                    }
                }
                return 0;
            });
        }
    }
}
