package dev.madoguchi.sync.fault;

import dev.madoguchi.store.LocalStore;
import dev.madoguchi.sync.SyncPolicy;
import dev.madoguchi.sync.SyncReport;
import dev.madoguchi.sync.SyncService;
import dev.madoguchi.sync.SyncTestStores;
import dev.madoguchi.sync.backend.BackendConfig;
import dev.madoguchi.sync.backend.HttpBackendClient;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Random;

/**
 * The child JVM of the SIGKILL fault test: opens the real store file, runs the sync loop until the outbox is empty,
 * printing progress; the parent kills it at random moments. Exit code 0 = everything delivered.
 */
public final class SyncWorkerMain {

    private SyncWorkerMain() {
    }

    public static void main(String[] args) throws Exception {
        Path store = Path.of(args[0]);
        URI backend = URI.create(args[1]);
        String token = args[2];
        int batch = Integer.parseInt(args[3]);
        try (LocalStore local = SyncTestStores.openAdmin(store, Clock.systemUTC())) {
            SyncService sync = new SyncService(local.outbox(), local.registerPull(), local.settings(), new HttpBackendClient(
                    BackendConfig.of(backend, token).withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(20))),
                    SyncPolicy.defaults().withBatchSize(batch).withMaxBatchesPerRun(1)
                            .withBackoff(Duration.ofMillis(20), Duration.ofMillis(200)),
                    "T-001", Clock.systemUTC(), new Random());
            System.out.println("READY");
            System.out.flush();
            long delivered = 0;
            while (true) {
                SyncReport r = sync.runOnce();
                delivered += r.delivered() + r.repeats();
                System.out.println("PROGRESS " + delivered + " recovered " + r.recovered() + " repeats " + r.repeats());
                System.out.flush();
                if (!r.moreDue() && r.status().waiting() == 0 && r.status().blocked() == 0) {
                    System.out.println("DONE");
                    return;
                }
                if (r.status().blocked() > 0) {
                    System.out.println("BLOCKED " + r.status().blocked());
                    System.exit(3);
                }
                if (!r.moreDue()) {
                    Thread.sleep(Math.min(200, Math.max(5, r.suggestedWait().toMillis())));
                }
            }
        }
    }
}
