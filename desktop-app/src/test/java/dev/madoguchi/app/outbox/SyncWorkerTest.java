package dev.madoguchi.app.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.madoguchi.app.store.StoreService;
import dev.madoguchi.store.LocalStore;
import dev.madoguchi.store.StoreOptions;
import dev.madoguchi.store.clerks.Clerk;
import dev.madoguchi.store.clerks.Role;
import dev.madoguchi.sync.SyncPolicy;
import dev.madoguchi.sync.SyncSettings;
import dev.madoguchi.sync.SyncState;
import dev.madoguchi.sync.SyncStatus;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The desktop's sync worker over a real encrypted store against a loopback socket that hangs up on every request (a
 * backend that is there but broken): a failed pass backs off, and a person's "send again" ends the backoff so the next
 * pass calls the backend at once.
 */
class SyncWorkerTest {

    private static final String PASSPHRASE = "admin passphrase 1";

    @TempDir
    Path dir;

    private ServerSocket hangsUp;
    private final AtomicInteger connections = new AtomicInteger();
    private Thread acceptor;
    private StoreService stores;

    @BeforeEach
    void setUp() throws Exception {
        hangsUp = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(() -> {
            while (!hangsUp.isClosed()) {
                try (Socket s = hangsUp.accept()) {
                    connections.incrementAndGet();
                } catch (java.io.IOException closed) {
                    return;
                }
            }
        }, "hangs-up");
        acceptor.setDaemon(true);
        acceptor.start();
        Path storeDir = dir.resolve("store");
        LocalStore.create(storeDir, new Clerk("admin", "管理者", Role.ADMINISTRATOR), PASSPHRASE.toCharArray(),
                StoreOptions.defaults()).close();
        stores = new StoreService(storeDir, null);
        stores.signIn("admin", PASSPHRASE.toCharArray());
        LocalStore store = stores.store().orElseThrow();
        new SyncSettings(store.settings()).configure(URI.create("http://127.0.0.1:" + hangsUp.getLocalPort() + "/"),
                "T-1.secret", null, null);
        store.cases().open("R1", "転入", "{}", null);
    }

    @AfterEach
    void tearDown() throws Exception {
        stores.close();
        hangsUp.close();
        acceptor.join(5_000);
    }

    @Test
    void aFailedPassBacksOffAndTryNowEndsTheBackoff() {
        SyncWorker worker = new SyncWorker(stores,
                SyncPolicy.defaults().withBackoff(Duration.ofMinutes(5), Duration.ofMinutes(5)), Clock.systemUTC());

        SyncStatus first = worker.runOnce();
        assertThat(first.state()).isEqualTo(SyncState.UNREACHABLE);
        int afterFirst = connections.get();
        assertThat(afterFirst).isPositive();

        worker.runOnce(); // within the backoff: the backend is not called
        assertThat(connections.get()).isEqualTo(afterFirst);

        worker.tryNow();
        worker.runOnce();
        assertThat(connections.get()).isGreaterThan(afterFirst);
        assertThat(first.waiting()).isEqualTo(1);
    }

    @Test
    void tryNowBeforeAnyPassOrWithoutAStoreIsHarmless() {
        SyncWorker worker = new SyncWorker(stores, SyncPolicy.defaults(), Clock.systemUTC());
        worker.tryNow();
        stores.close();
        worker.tryNow();
        assertThat(worker.runOnce().state()).isEqualTo(SyncState.NOT_CONFIGURED);
    }
}
