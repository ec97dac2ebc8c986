package dev.madoguchi.app.outbox;

import dev.madoguchi.app.store.StoreService;
import dev.madoguchi.store.LocalStore;
import dev.madoguchi.store.clerks.Capability;
import dev.madoguchi.store.outbox.OutboxCounts;
import dev.madoguchi.sync.SyncPolicy;
import dev.madoguchi.sync.SyncService;
import dev.madoguchi.sync.SyncServices;
import dev.madoguchi.sync.SyncSettings;
import dev.madoguchi.sync.SyncState;
import dev.madoguchi.sync.SyncStatus;
import java.time.Clock;
import java.util.Optional;

/**
 * The desktop's sync: one {@link #runOnce()} per tick of the {@code sync} lane (ADR 0012). Uses the store the clerk
 * signed in to; builds the engine from the store's settings and rebuilds it when the store or the configuration
 * changes. The engine's own backoff decides when the backend is really called. Call only from the {@code sync} lane.
 */
public final class SyncWorker {

    private final StoreService stores;
    private final SyncPolicy policy;
    private final Clock clock;
    private LocalStore engineStore;
    private String engineConfig;
    private SyncService engine;

    public SyncWorker(StoreService stores, SyncPolicy policy, Clock clock) {
        this.stores = stores;
        this.policy = policy;
        this.clock = clock;
    }

    /** One sync pass; the status after it. */
    public synchronized SyncStatus runOnce() {
        Optional<LocalStore> open = stores.store();
        if (open.isEmpty() || !open.get().clerk().role().allows(Capability.SYNC)) {
            engine = null;
            return new SyncStatus(SyncState.NOT_CONFIGURED, 0, 0, null, null, null, null);
        }
        LocalStore store = open.get();
        Optional<String> config = new SyncSettings(store.settings()).backend().map(c -> c.baseUri() + " "
                + Integer.toHexString(c.token().hashCode()) + " " + c.trustStore());
        if (config.isEmpty()) {
            engine = null;
            OutboxCounts counts = store.outbox().openCounts();
            return SyncStatus.notConfigured(counts.waiting() + counts.sending(), counts.blocked(), null);
        }
        if (engine == null || store != engineStore || !config.get().equals(engineConfig)) {
            engine = SyncServices.forStore(store, policy, clock).orElseThrow();
            engineStore = store;
            engineConfig = config.get();
        }
        return engine.runOnce().status();
    }

    /** The next {@link #runOnce()} calls the backend even if the engine is backing off after a failure. */
    public synchronized void tryNow() {
        if (engine != null) {
            engine.tryNow();
        }
    }
}
