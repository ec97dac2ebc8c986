package dev.madoguchi.sync;

import dev.madoguchi.store.LocalStore;
import dev.madoguchi.sync.backend.BackendClient;
import dev.madoguchi.sync.backend.BackendConfig;
import dev.madoguchi.sync.backend.HttpBackendClient;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;

/** Builds the sync engine for an open store from its settings (the command line and the desktop app alike). */
public final class SyncServices {

    private SyncServices() {
    }

    /** The engine over HTTP, or empty when the terminal has no backend configured. */
    public static Optional<SyncService> forStore(LocalStore store, SyncPolicy policy, Clock clock) {
        Optional<BackendConfig> config = new SyncSettings(store.settings()).backend();
        return config.map(c -> forStoreWith(store, new HttpBackendClient(c, clock), policy, c.terminalId(), clock));
    }

    /** The engine over a given backend client, with its follow-up pulls (move-in records, the shelter list). */
    public static SyncService forStoreWith(LocalStore store, BackendClient backend, SyncPolicy policy,
            String terminalId, Clock clock) {
        return new SyncService(store.outbox(), store.registerPull(), store.settings(), backend, policy, terminalId,
                clock, new SecureRandom())
                .pullingAlso(new MoveOutPull(backend, store.moveOuts(), clock, 100, policy.maxPagesPerRun()))
                .pullingAlso(new ShelterListPull(backend, store.shelter()));
    }
}
