package dev.madoguchi.app.store;

import dev.madoguchi.app.demo.DemoAccount;
import dev.madoguchi.app.demo.DemoEnvironment;
import dev.madoguchi.app.demo.VolunteerOnlyDemoStore;
import dev.madoguchi.store.LocalStore;
import dev.madoguchi.store.error.StoreError;
import dev.madoguchi.store.error.StoreException;
import dev.madoguchi.store.StoreOptions;
import dev.madoguchi.store.clerks.Clerk;
import dev.madoguchi.store.clerks.Role;
import dev.madoguchi.store.register.ImportProgress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the terminal's encrypted local store for the life of the application: a clerk signs in (which opens and
 * migrates it); in demo mode the demo store is created on first use with the demo municipality's register and a demo
 * clerk. Call only from the {@code store-writer} lane.
 */
public final class StoreService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StoreService.class);
    static final String SNAPSHOT_SETTING = "register.snapshot";

    private final Path directory;
    private volatile DemoEnvironment demo; // dropped for good when the demo's sign-in hands over to the setup
    private final StoreOptions options;
    private LocalStore store;
    private StoreSummary summary;

    /**
     * @param directory where the database file lives
     * @param demo the demo data to load, or null for a production terminal (register comes from sync)
     */
    /** Beside the store in demo mode: the id of the demo register it holds. */
    static final String DEMO_SNAPSHOT_FILE = "demo-register.id";

    public StoreService(Path directory, DemoEnvironment demo) {
        this(directory, demo, StoreOptions.defaults());
    }

    public StoreService(Path directory, DemoEnvironment demo, StoreOptions options) {
        this.directory = directory;
        this.demo = demo;
        this.options = options;
    }

    /** True in demo mode (the login screen then shows the demo clerk and passphrase). */
    public boolean demo() {
        return demo != null;
    }

    /**
     * The demo's sign-in hands over to the setup assistant (docs/adr/0031): from now on this service is a real
     * municipality's — a later sign-in never creates, refreshes or fills the demo store, so no demo data can reach the
     * store the assistant creates. Only before any sign-in.
     *
     * @throws IllegalStateException when a store is open
     */
    public synchronized void leaveDemo() {
        if (store != null) {
            throw new IllegalStateException("a store is open: the demo is left only from the sign-in screen");
        }
        demo = null;
    }

    /** The signed-in store's summary, if a clerk is signed in. */
    public synchronized Optional<StoreSummary> current() {
        return Optional.ofNullable(summary);
    }

    /**
     * Demo mode only: prepares the demo store and signs in as the demo clerk. Kept for start-up paths without a login
     * screen (tests, tools); the desktop signs in through the login screen.
     */
    public synchronized StoreSummary open() {
        if (summary != null) {
            return summary;
        }
        if (demo == null) {
            throw new StoreException(StoreError.WRONG_PASSPHRASE, "a clerk must sign in first", null);
        }
        return signIn(DemoEnvironment.DEMO_CLERK, DemoEnvironment.DEMO_CLERK_PASSPHRASE.toCharArray());
    }

    /**
     * Signs a clerk in: opens and migrates the store (creating the demo store first in demo mode) and describes it.
     * A clerk already signed in is signed out first.
     *
     * @throws StoreException typed: wrong passphrase, locked, corrupt, …
     */
    public synchronized StoreSummary signIn(String clerkId, char[] passphrase) {
        close();
        Path storeDirectory = directory;
        if (demo != null && VolunteerOnlyDemoStore.isItsAccount(clerkId)) {
            // the demo's volunteer-only store: accounts and the tally only, no register (docs/volunteer-mode.md)
            storeDirectory = VolunteerOnlyDemoStore.directoryBeside(directory);
            VolunteerOnlyDemoStore.prepare(storeDirectory, options);
        } else if (demo != null) {
            prepareDemoStore();
        }
        LocalStore opened = LocalStore.open(storeDirectory, clerkId, passphrase, options);
        try {
            summary = new StoreSummary(opened.register().householdCount(), opened.register().residentCount(),
                    opened.schemaVersion(), demo != null, opened.clerk());
        } catch (RuntimeException e) {
            opened.close();
            throw e;
        }
        store = opened;
        if (demo != null && opened.clerk().role().allows(dev.madoguchi.store.clerks.Capability.SYNC)) {
            // the demo's pending move-in records, valid around today (a demo has no backend to pull them from)
            opened.moveOuts().keep(dev.madoguchi.app.demo.DemoMoveOuts.records(java.time.LocalDate.now(options.clock())), "demo");
        }
        LOG.info("local store open at schema version {}, clerk {} ({}); key derived in {} ms", summary.schemaVersion(),
                opened.clerk().clerkId(), opened.clerk().role(), opened.keyDerivationMillis());
        return summary;
    }

    /** The open store, for services that work on it (on the store-writer lane). */
    public synchronized Optional<LocalStore> store() {
        return Optional.ofNullable(store);
    }

    private void prepareDemoStore() {
        if (LocalStore.holdsUnencryptedLegacyFile(directory)) {
            // the foundation's store was unencrypted and held only the fictional demo register: recreate it (ADR 0007)
            try {
                Files.delete(directory.resolve(LocalStore.DATABASE_FILE));
                LOG.info("removed the unencrypted demo store of an earlier version; it is recreated encrypted");
            } catch (IOException e) {
                throw new StoreException(StoreError.STORE_ERROR, "cannot remove the old demo store: " + e, e);
            }
        }
        char[] adminPassphrase = DemoEnvironment.DEMO_ADMINISTRATOR_PASSPHRASE.toCharArray();
        if (LocalStore.exists(directory) && demoMarker().equals(recordedDemoSnapshot())) {
            return; // the demo register is current: no administrator's sign-in (a key derivation and a store open)
        }
        if (!LocalStore.exists(directory)) {
            try (LocalStore created = LocalStore.create(directory,
                    new Clerk(DemoEnvironment.DEMO_ADMINISTRATOR, "デモ管理者", Role.ADMINISTRATOR), adminPassphrase,
                    options)) {
                addMissingDemoAccounts(created);
                putDemoMunicipalityCode(created);
                loadDemoRegister(created);
                loadDemoShelters(created);
            }
            recordDemoSnapshot();
            return;
        }
        try (LocalStore admin = LocalStore.open(directory, DemoEnvironment.DEMO_ADMINISTRATOR, adminPassphrase,
                options)) {
            if (!demo.snapshotId().equals(admin.settings().get(SNAPSHOT_SETTING).orElse(""))) {
                loadDemoRegister(admin);
            }
            addMissingDemoAccounts(admin); // a demo store of an earlier version had the counter clerk only
            putDemoMunicipalityCode(admin); // nor the municipality code (the shelter exchange files name it)
            if (admin.shelter().shelters().isEmpty()) {
                loadDemoShelters(admin); // nor any shelter
            }
        }
        recordDemoSnapshot();
    }

    /** What the marker beside the demo store says when register and accounts are current. */
    private String demoMarker() {
        return demo.snapshotId() + " accounts:" + DemoAccount.all().size() + " municipality-code";
    }

    /** The setting {@code madoguchi setup} writes (SetupService.MUNICIPALITY_CODE). */
    private static final String MUNICIPALITY_CODE = "municipality.code";

    /** The demo municipality's (fictional) code, as {@code madoguchi setup} writes a real one. */
    private void putDemoMunicipalityCode(LocalStore admin) {
        if (admin.settings().get(MUNICIPALITY_CODE).isEmpty()) {
            admin.settings().put(MUNICIPALITY_CODE,
                    demo.municipality().localGovernmentCode());
        }
    }

    private static void addMissingDemoAccounts(LocalStore admin) {
        java.util.Set<String> present = new java.util.HashSet<>();
        admin.clerks().list().forEach(c -> present.add(c.clerkId()));
        for (DemoAccount account : DemoAccount.all()) {
            if (!present.contains(account.clerkId())) {
                admin.clerks().add(new Clerk(account.clerkId(), account.displayName(), account.role()),
                        account.passphrase().toCharArray());
            }
        }
    }

    /**
     * Which demo register the store holds, also outside the encrypted file ({@value #DEMO_SNAPSHOT_FILE}: the demo's
     * seed and size, nothing personal), so that a sign-in needs no administrator's sign-in to find out (docs/performance.md,
     * "Start and sign-in"). The encrypted setting stays the authority: without this file, or with another id, the
     * administrator's sign-in checks and re-imports as before.
     */
    private String recordedDemoSnapshot() {
        try {
            Path file = directory.resolve(DEMO_SNAPSHOT_FILE);
            return Files.isRegularFile(file) ? Files.readString(file).strip() : "";
        } catch (IOException e) {
            return "";
        }
    }

    private void recordDemoSnapshot() {
        try {
            Files.writeString(directory.resolve(DEMO_SNAPSHOT_FILE), demoMarker() + "\n");
        } catch (IOException e) {
            LOG.warn("demo register id not recorded beside the store: {}", e.toString());
        }
    }

    /**
     * Demo shelters with households of the demo register checked in (docs/shelter.md), as seeded events: every demo
     * store made from the same demo holds the same check-ins (ids, times, order), so two demo laptops exchanging
     * files share them instead of listing them as conflicts (docs/adr/0026).
     */
    private void loadDemoShelters(LocalStore admin) {
        long started = System.nanoTime();
        var shelters = dev.madoguchi.demo.DemoShelters.generate(demo.municipality(), 2, 120);
        String seed = demo.snapshotId() + ":shelters-2x120";
        shelters.shelters().forEach(admin.shelter()::saveShelter);
        shelters.arrivals().forEach((id, arrivals) -> {
            for (int i = 0; i < arrivals.size(); i++) {
                admin.shelter().seedCheckIn(seed, id, arrivals.get(i), dev.madoguchi.demo.DemoShelters.arrivedAt(i));
            }
        });
        LOG.info("loaded demo shelters in {} ms", (System.nanoTime() - started) / 1_000_000);
    }

    private void loadDemoRegister(LocalStore admin) {
        long started = System.nanoTime();
        admin.register().replaceAll(demo.registerHouseholds(), demo.registerEntries().iterator(), ImportProgress.NONE);
        admin.settings().put(SNAPSHOT_SETTING, demo.snapshotId());
        LOG.info("loaded demo register {} in {} ms", demo.snapshotId(), (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * Writes a backup of the open store as the signed-in clerk (administrators only), audited.
     *
     * @return the backup's size in bytes
     * @throws StoreException typed: not signed in, not permitted, disk full, …
     */
    public synchronized long backup(Path file) {
        LocalStore open = requireOpen();
        open.backup(file);
        return size(file);
    }

    /**
     * Writes a backup for a request of the control endpoint: the store is opened a second time in this process as
     * {@code clerkId} (the keyring checks the passphrase; the login and the backup are audited as that clerk), and
     * the request is audited in the app's own session whatever its outcome.
     */
    public synchronized long backupFor(String clerkId, char[] passphrase, Path file) {
        LocalStore open = requireOpen();
        try (LocalStore asRequester = LocalStore.open(directory, clerkId, passphrase, options)) {
            asRequester.backup(file);
        } catch (StoreException e) {
            open.recordControlRequest(clerkId, "backup: refused " + e.error().code());
            throw e;
        }
        open.recordControlRequest(clerkId, "backup: written " + file.getFileName());
        return size(file);
    }

    private LocalStore requireOpen() {
        if (store == null) {
            throw new StoreException(StoreError.WRONG_PASSPHRASE, "a clerk must sign in first", null);
        }
        return store;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new StoreException(StoreError.STORE_ERROR, "cannot read the backup's size: " + e, e);
        }
    }

    /** Signs the clerk out and closes the store. */
    @Override
    public synchronized void close() {
        if (store != null) {
            store.close();
            store = null;
            summary = null;
        }
    }

}
