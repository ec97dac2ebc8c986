package dev.madoguchi.app.setup;

import dev.madoguchi.store.LocalStore;
import dev.madoguchi.store.StoreOptions;
import dev.madoguchi.store.clerks.Clerk;
import dev.madoguchi.store.clerks.Role;
import dev.madoguchi.store.error.StoreError;
import dev.madoguchi.store.error.StoreException;
import dev.madoguchi.store.register.ImportProgress;
import dev.madoguchi.store.register.RegisterFormat;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Carries out a {@link SetupPlan} on a computer with no store: creates the encrypted store with its first
 * administrator, records the municipality and the backend in the store's settings, imports the register snapshot if
 * one is given, and marks the store as set up (a set-up store is never a demo store).
 */
public final class SetupService {

    /** Store settings the setup writes. */
    public static final String MUNICIPALITY_CODE = "municipality.code";
    public static final String MUNICIPALITY_NAME = "municipality.name";
    public static final String BACKEND_URL = "backend.url";
    public static final String BACKEND_TOKEN_FILE = "backend.tokenFile";
    public static final String COMPLETED_AT = "setup.completedAt";

    private final Path storeDirectory;
    private final StoreOptions options;

    /** @param storeDirectory where the store is created (the data directory's {@code store}) */
    public SetupService(Path storeDirectory, StoreOptions options) {
        this.storeDirectory = storeDirectory;
        this.options = options;
    }

    /** What happened, for the person. */
    public record Outcome(String schemaVersion, long residents, long households) {}

    /**
     * @throws IllegalArgumentException with every problem when the plan or the passphrase is not acceptable
     * @throws StoreException STORE_ERROR when this computer already has a store (setup runs once)
     */
    public Outcome run(SetupPlan plan, char[] passphrase, PrintWriter progress) throws IOException {
        List<String> problems = new java.util.ArrayList<>(plan.problems());
        if (PassphraseStrength.of(passphrase) == PassphraseStrength.WEAK) {
            problems.add("the passphrase is weak: use at least 12 characters of two kinds (letters, digits, signs)");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        if (LocalStore.exists(storeDirectory)) {
            throw new StoreException(StoreError.STORE_ERROR, "this computer already has a store; setup runs once "
                    + "(use 'madoguchi store' to change it)", null);
        }
        try (LocalStore store = LocalStore.create(storeDirectory,
                new Clerk(plan.administratorId(), plan.administratorName(), Role.ADMINISTRATOR), passphrase, options)) {
            store.settings().put(MUNICIPALITY_CODE, plan.municipalityCode());
            store.settings().put(MUNICIPALITY_NAME, plan.municipalityName());
            if (plan.backend() != null) {
                store.settings().put(BACKEND_URL, plan.backend().toString());
                store.settings().put(BACKEND_TOKEN_FILE, plan.tokenFile().toAbsolutePath().toString());
            }
            long residents = 0;
            if (plan.register() != null) {
                RegisterFormat format = RegisterFormat.byExtension(plan.register()).orElseThrow();
                long started = System.nanoTime();
                try (Reader in = Files.newBufferedReader(plan.register(), StandardCharsets.UTF_8)) {
                    residents = store.register().replaceAll(List.of(), format.reader(in), new ImportProgress() {
                        @Override
                        public void imported(long count) {
                            progress.printf("imported %d residents (%.0f s)%n", count,
                                    (System.nanoTime() - started) / 1e9);
                        }
                    });
                }
            }
            store.settings().put(COMPLETED_AT, Instant.now(options.clock()).toString());
            return new Outcome(store.schemaVersion(), residents,
                    plan.register() == null ? 0 : store.register().householdCount());
        }
    }
}
