package dev.madoguchi.sync;

import dev.madoguchi.store.LocalStore;
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
        return config.map(c -> {
            HttpBackendClient backend = new HttpBackendClient(c, clock);
            return new SyncService(store.outbox(), store.registerPull(), store.settings(), backend, policy,
                    c.terminalId(), clock, new SecureRandom())
                    .pullingMoveOuts(new MoveOutPull(backend, store.moveOuts(), clock, 100, policy.maxPagesPerRun()));
        });
    }
}
