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
import dev.madoguchi.sync.SyncSettings;
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
    /** A store setting, not a message key (the bundle test reads every "setup.…" literal as one). */
    public static final String COMPLETED_AT = String.join(".", "setup", "completedAt");

    private final Path storeDirectory;
    private final StoreOptions options;

    /** @param storeDirectory where the store is created (the data directory's {@code store}) */
    public SetupService(Path storeDirectory, StoreOptions options) {
        this.storeDirectory = storeDirectory;
        this.options = options;
    }

    /** Beside the demo's store: the file that marks it as the demo's (StoreService writes it). */
    static final String DEMO_STORE_MARKER = "demo-register.id";

    /**
     * Before the setup of a computer that ran the demo: moves the demo's store (fictional data only) aside to
     * {@code store-demo-<time>} beside it, so the municipality's store starts empty and no demo data is left in it.
     *
     * @return where it went, or null when there was no store
     * @throws SetupException STORE_IN_THE_WAY when the store there is neither the demo's nor a set-up one
     */
    public Path moveDemoStoreAside() throws IOException {
        if (!LocalStore.exists(storeDirectory) || SetupMarker.present(storeDirectory)) {
            return null;
        }
        if (!Files.isRegularFile(storeDirectory.resolve(DEMO_STORE_MARKER))) {
            throw new SetupException(SetupError.STORE_IN_THE_WAY, "a store that is not the demo's is in the way", null);
        }
        Path aside = storeDirectory.resolveSibling(storeDirectory.getFileName() + "-demo-"
                + Instant.now(options.clock()).getEpochSecond());
        return Files.move(storeDirectory, aside);
    }

    /** True when this directory holds a store set up for a municipality. */
    public boolean storeCreated() {
        return LocalStore.exists(storeDirectory) && SetupMarker.present(storeDirectory);
    }

    /** What happened, for the person. */
    public record Outcome(String schemaVersion, long residents, long households) {}

    /**
     * @throws IllegalArgumentException with every problem when the plan or the passphrase is not acceptable
     * @throws StoreException STORE_ERROR when this computer already has a store (setup runs once)
     */
    public Outcome run(SetupPlan plan, char[] passphrase, PrintWriter progress) throws IOException {
        long started = System.nanoTime();
        return run(plan, passphrase, count -> progress.printf("imported %d residents (%.0f s)%n", count,
                (System.nanoTime() - started) / 1e9));
    }

    /**
     * The same, telling {@code progress} how many residents were imported (on the calling thread).
     *
     * @throws SetupException TOKEN_FILE when the token file does not hold a terminal token
     */
    public Outcome run(SetupPlan plan, char[] passphrase, ImportProgress progress) throws IOException {
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
        String token = plan.backend() == null ? null : BackendCheck.token(plan.tokenFile());
        try (LocalStore store = LocalStore.create(storeDirectory,
                new Clerk(plan.administratorId(), plan.administratorName(), Role.ADMINISTRATOR), passphrase, options)) {
            // at once: from here on this directory is a municipality's, never opened as the demo's (docs/adr/0031)
            SetupMarker.write(storeDirectory, plan.municipalityCode(), plan.municipalityName());
            store.settings().put(MUNICIPALITY_CODE, plan.municipalityCode());
            store.settings().put(MUNICIPALITY_NAME, plan.municipalityName());
            if (plan.backend() != null) {
                store.settings().put(BACKEND_URL, plan.backend().toString());
                store.settings().put(BACKEND_TOKEN_FILE, plan.tokenFile().toAbsolutePath().toString());
                new SyncSettings(store.settings()).configure(plan.backend(), token, null, null); // what sync reads
            }
            long residents = 0;
            if (plan.register() != null) {
                RegisterFormat format = RegisterFormat.byExtension(plan.register()).orElseThrow();
                try (Reader in = Files.newBufferedReader(plan.register(), StandardCharsets.UTF_8)) {
                    residents = store.register().replaceAll(List.of(), format.reader(in), progress);
                }
            }
            store.settings().put(COMPLETED_AT, Instant.now(options.clock()).toString());
            return new Outcome(store.schemaVersion(), residents,
                    plan.register() == null ? 0 : store.register().householdCount());
        }
    }
}
