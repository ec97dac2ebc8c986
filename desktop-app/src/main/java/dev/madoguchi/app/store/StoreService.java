package dev.madoguchi.app.store;

import dev.madoguchi.app.demo.DemoEnvironment;
import dev.madoguchi.store.LocalStore;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the terminal's local store for the life of the application: opens it (migrating it) on first use and, in
 * demo mode, loads the demo municipality's register into it when it is not there yet. Call only from the
 * {@code store-writer} lane.
 */
public final class StoreService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StoreService.class);
    static final String SNAPSHOT_SETTING = "register.snapshot";

    private final Path directory;
    private final DemoEnvironment demo;
    private LocalStore store;
    private StoreSummary summary;

    /**
     * @param directory where the database file lives
     * @param demo the demo data to load, or null for a production terminal (register comes from sync)
     */
    public StoreService(Path directory, DemoEnvironment demo) {
        this.directory = directory;
        this.demo = demo;
    }

    /** Opens the store if needed and describes it; the typed {@code StoreException} says what went wrong. */
    public synchronized StoreSummary open() {
        if (store == null) {
            LocalStore opened = LocalStore.open(directory);
            try {
                if (demo != null && !demo.snapshotId().equals(opened.settings().get(SNAPSHOT_SETTING).orElse(""))) {
                    long started = System.nanoTime();
                    opened.register().replaceAll(demo.registerHouseholds(), demo.registerResidents());
                    opened.settings().put(SNAPSHOT_SETTING, demo.snapshotId());
                    LOG.info("loaded demo register {} in {} ms", demo.snapshotId(), (System.nanoTime() - started) / 1_000_000);
                }
                summary = new StoreSummary(opened.register().householdCount(), opened.register().residentCount(),
                        opened.schemaVersion(), demo != null);
            } catch (RuntimeException e) {
                opened.close();
                throw e;
            }
            store = opened;
            LOG.info("local store open at schema version {}", summary.schemaVersion());
        }
        return summary;
    }

    @Override
    public synchronized void close() {
        if (store != null) {
            store.close();
            store = null;
        }
    }
}
