package dev.madoguchi.app.cli;

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
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
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
            StoreCommand.Backup.class, StoreCommand.Restore.class, StoreImportCommand.class, StoreCommand.Purge.class,
            StoreCommand.Drafts.class})
public final class StoreCommand extends GroupCommand {

    /** Settings key of the My Number retention period in days (used by {@code purge} without --retention-days). */
    public static final String RETENTION_SETTING = "retention.myNumberDays";
    /** Retention when the setting is absent. */
    public static final int DEFAULT_RETENTION_DAYS = 30;

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Creates a new encrypted store with its first clerk, an administrator.")
    static final class Create implements Callable<Integer> {
        @Mixin
        ClerkSession clerk;

        @Spec
        CommandSpec spec;

        @Option(names = "--name", required = true, description = "The administrator's display name.")
        String name;

        @Override
        public Integer call() throws Exception {
            return clerk.withNewPassphrase(clerk.clerkId(), passphrase -> {
                try (LocalStore store = LocalStore.create(clerk.storeDirectory(),
                        new Clerk(clerk.clerkId(), name, Role.ADMINISTRATOR), passphrase, StoreOptions.defaults())) {
                    spec.commandLine().getOut().printf("created store at %s (schema %s)%n", store.directory(),
                            store.schemaVersion());
                }
                return 0;
            });
        }
    }

    @Command(name = "add-clerk", mixinStandardHelpOptions = true,
            description = "Adds a clerk (administrators only); asks for the new clerk's passphrase.")
    static final class AddClerk implements Callable<Integer> {
        @Mixin
        ClerkSession clerk;

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "NEW-ID", description = "The new clerk's id.")
        String newId;

        @Option(names = "--role", required = true, description = "CLERK, SHELTER_STAFF, VOLUNTEER or ADMINISTRATOR.")
        Role role;

        @Option(names = "--name", required = true, description = "The new clerk's display name.")
        String name;

        @Override
        public Integer call() throws Exception {
            return clerk.run(store -> clerk.withNewPassphrase(newId, passphrase -> {
                store.clerks().add(new Clerk(newId, name, role), passphrase);
                spec.commandLine().getOut().printf("added clerk %s (%s)%n", newId, role);
                return 0;
            }));
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Checks the database (every table read) and the audit journal's hash chain;",
                "reports the first broken row. Exit code 1 when anything is broken."})
    static final class Verify implements Callable<Integer> {
        @Mixin
        ClerkSession clerk;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            return clerk.run(store -> {
                StoreVerification v = store.verify();
                PrintWriter out = spec.commandLine().getOut();
                out.printf("database: %d tables, %d rows, schema version %s%n", v.tables(), v.rows(),
                        v.schemaVersion());
                if (v.audit().intact()) {
                    out.printf("audit journal: intact (%d rows)%n", v.audit().rows());
                    return 0;
                }
                out.printf("audit journal: BROKEN at row %d: %s%n", v.audit().firstBrokenSeq().getAsLong(),
                        v.audit().problem());
                return 1;
            });
        }
    }

    @Command(name = "backup", mixinStandardHelpOptions = true,
            description = {"Writes an encrypted, consistent backup of the store to FILE (administrators only).",
                "Only a clerk of this store can open the backup. While the desktop app has the store open, the",
                "backup is written by the app through its local control socket (docs/adr/0009)."})
    static final class Backup implements Callable<Integer> {
        @Mixin
        ClerkSession clerk;

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FILE")
        Path file;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            return clerk.withPassphrase("Passphrase for " + clerk.clerkId(), passphrase -> {
                try (LocalStore store = clerk.open(passphrase)) {
                    store.backup(file);
                } catch (StoreException e) {
                    if (e.error() != StoreError.LOCKED_BY_ANOTHER_INSTANCE) {
                        throw e;
                    }
                    long bytes = StoreControl.requestBackup(clerk.storeDirectory(), clerk.clerkId(), passphrase, file)
                            .orElseThrow(() -> e);
                    out.printf("backup written by the running Madoguchi to %s (%d bytes)%n", file.toAbsolutePath(),
                            bytes);
                    return 0;
                }
                out.printf("backup written to %s (%d bytes)%n", file.toAbsolutePath(), Files.size(file));
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
        ClerkSession clerk;

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FILE")
        Path file;

        @Override
        public Integer call() throws Exception {
            return clerk.withPassphrase("Passphrase for " + clerk.clerkId() + " (of the backup)", passphrase -> {
                LocalStore.restore(file, clerk.storeDirectory(), clerk.clerkId(), passphrase, StoreOptions.defaults());
                spec.commandLine().getOut().printf("restored %s into %s%n", file.toAbsolutePath(),
                        clerk.storeDirectory());
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
        ClerkSession clerk;

        @Spec
        CommandSpec spec;

        @Option(names = "--retention-days", paramLabel = "DAYS",
                description = "Retention period; default: the store setting " + RETENTION_SETTING + ", else "
                        + DEFAULT_RETENTION_DAYS + ".")
        Integer retentionDays;

        @Override
        public Integer call() throws Exception {
            return clerk.run(store -> {
                int days = retentionDays != null ? retentionDays
                        : store.settings().get(RETENTION_SETTING).map(Integer::parseInt).orElse(DEFAULT_RETENTION_DAYS);
                if (days < 0) {
                    throw new ParameterException(spec.commandLine(), "--retention-days must not be negative");
                }
                RetentionPurge purged = store.purge(Duration.ofDays(days));
                spec.commandLine().getOut().printf("purged the My Numbers of %d synced cases and %d of the register "
                        + "copy (retention %d days), and %d abandoned visit drafts (retention %d hours)%n",
                        purged.cases(), purged.registerValues(), days, purged.drafts(),
                        store.draftRetention().toHours());
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
        ClerkSession clerk;

        @Spec
        CommandSpec spec;

        @Option(names = "--discard-of", paramLabel = "CLERK", description = "Discard all drafts of this clerk.")
        String discardOf;

        @Option(names = "--retention-hours", paramLabel = "HOURS",
                description = "Keep an abandoned draft this many hours after its last save (1 to 8784).")
        Integer retentionHours;

        @Override
        public Integer call() throws Exception {
            return clerk.run(store -> {
                PrintWriter out = spec.commandLine().getOut();
                if (retentionHours != null) {
                    if (retentionHours < 1 || retentionHours > 24 * 366) {
                        throw new ParameterException(spec.commandLine(), "--retention-hours must be between 1 and 8784");
                    }
                    store.setDraftRetention(Duration.ofHours(retentionHours));
                    out.printf("abandoned visit drafts are kept %d hours%n", retentionHours);
                }
                if (discardOf != null) {
                    int n = store.drafts().discardAllOf(discardOf);
                    out.printf("discarded %d visit drafts of clerk %s%n", n, discardOf);
                }
                List<DraftCount> counts = store.drafts().countsByClerk();
                out.printf("visit drafts (kept %d hours after the last save):%n", store.draftRetention().toHours());
                if (counts.isEmpty()) {
                    out.println("  none");
                }
                for (DraftCount c : counts) {
                    out.printf("  %s: %d (with a My Number: %d), last saved %s … %s%n", c.clerkId(), c.drafts(),
                            c.withMyNumber(), c.oldestSavedAt(), c.newestSavedAt());
                }
                return 0;
            });
        }
    }
}
