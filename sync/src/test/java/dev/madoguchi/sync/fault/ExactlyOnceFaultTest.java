package dev.madoguchi.sync.fault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.madoguchi.store.LocalStore;
import dev.madoguchi.sync.BackendFixture;
import dev.madoguchi.sync.SyncPolicy;
import dev.madoguchi.sync.SyncReport;
import dev.madoguchi.sync.SyncService;
import dev.madoguchi.sync.SyncTotals;
import dev.madoguchi.sync.SyncState;
import dev.madoguchi.sync.SyncTestStores;
import dev.madoguchi.sync.backend.BackendClient;
import dev.madoguchi.sync.backend.BackendResult;
import dev.madoguchi.sync.backend.BatchItemResult;
import dev.madoguchi.sync.backend.Health;
import dev.madoguchi.sync.backend.OutgoingMessage;
import dev.madoguchi.sync.backend.Receipt;
import dev.madoguchi.sync.backend.RegisterPage;
import dev.madoguchi.sync.backend.ResidentRecord;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fault tests that prove "exactly once" (issue 6), each with {@link OperationsTemplate#OPERATIONS} operations
 * (cases and shelter events mixed) on a real encrypted store, against the real reference backend on loopback. After
 * each: every operation on the backend exactly once (by id and by content), none lost locally, the outbox empty (all
 * DONE), the local audit chain valid. The numbers are printed ({@code [fault] …}).
 */
class ExactlyOnceFaultTest {

    private static final Duration DEADLINE = Duration.ofMinutes(3);
    private static final int OPS = OperationsTemplate.OPERATIONS;

    @TempDir
    Path dir;

    private static SyncPolicy policy() {
        return SyncPolicy.defaults().withBatchSize(250).withMaxBatchesPerRun(1_000)
                .withBackoff(Duration.ofMillis(20), Duration.ofMillis(250));
    }

    private static SyncService service(LocalStore store, BackendClient client) {
        return new SyncService(store.outbox(), store.registerPull(), store.settings(), client, policy(), BackendFixture.TERMINAL,
                Clock.systemUTC(), new Random(6));
    }

    /** Runs the engine until the outbox is empty; fails after the deadline. */
    private static void drain(SyncService sync) throws InterruptedException {
        long until = System.nanoTime() + DEADLINE.toNanos();
        while (System.nanoTime() < until) {
            SyncReport r = sync.runOnce();
            if (r.status().waiting() == 0 && r.status().blocked() == 0) {
                return;
            }
            assertThat(r.status().blocked()).as("blocked: " + r.status().lastProblem()).isZero();
            if (!r.moreDue()) {
                Thread.sleep(Math.max(1, Math.min(50, r.suggestedWait().toMillis())));
            }
        }
        throw new AssertionError("the outbox did not drain within " + DEADLINE);
    }

    private static void report(String test, long started, SyncService sync, long extraRetries, long duplicates,
            String more) {
        SyncTotals t = sync.totals();
        System.out.printf("[fault] %s: %,d ops exactly once in %,d ms; batches %,d, failed calls %,d, retried "
                + "messages %,d, duplicates suppressed (200 repeats) %,d; time in store claim %,d ms, backend %,d ms, "
                + "store record %,d ms%s%s%n", test, OPS,
                (System.nanoTime() - started) / 1_000_000, t.batches(), t.failedCalls() + extraRetries, t.retried(),
                t.repeats() + duplicates, t.claimTime().toMillis(), t.sendTime().toMillis(), t.recordTime().toMillis(),
                more.isEmpty() ? "" : "; ", more);
    }

    @Test
    void backendDownForTheFirstHalfThenStartedOnTheSamePortAndDatabase() throws Exception {
        Path storeDir = OperationsTemplate.copyTo(dir.resolve("store"));
        try (BackendFixture backend = new BackendFixture(dir.resolve("backend"));
                LocalStore store = SyncTestStores.openAdmin(storeDir, Clock.systemUTC())) {
            backend.stop();
            SyncService sync = service(store, backend.client());
            long started = System.nanoTime();
            long downUntil = started + Duration.ofSeconds(2).toNanos();
            SyncReport r = null;
            // down for at least 2 s and 5 failed attempts (the first half of the run on a quiet machine)
            while (System.nanoTime() < downUntil || sync.totals().failedCalls() < 5) {
                r = sync.runOnce();
                Thread.sleep(Math.max(1, Math.min(50, r.suggestedWait().toMillis())));
            }
            assertThat(r.status().state()).isEqualTo(SyncState.UNREACHABLE);
            assertThat(r.status().unreachableSince()).isNotNull();
            assertThat(r.status().waiting()).isEqualTo(OPS);
            long failedWhileDown = sync.totals().failedCalls();
            assertThat(failedWhileDown).isGreaterThanOrEqualTo(5);

            backend.start();
            drain(sync);
            assertThat(sync.status().state()).isEqualTo(SyncState.CONNECTED);
            int stored = ExactlyOnceCheck.verify(store, backend, OPS);
            report("backend down first half", started, sync, 0, 0, "failed calls while down " + failedWhileDown
                    + ", on the backend " + stored);
        }
    }

    @Test
    void connectionsCutAfterTheBackendCommittedButBeforeTheClientSawTheAnswer() throws Exception {
        Path storeDir = OperationsTemplate.copyTo(dir.resolve("store"));
        try (BackendFixture backend = new BackendFixture(dir.resolve("backend"));
                LocalStore store = SyncTestStores.openAdmin(storeDir, Clock.systemUTC())) {
            backend.backend().faults().cutAfterCommit(0.35, 42);
            SyncService sync = service(store, backend.client());
            long started = System.nanoTime();
            drain(sync);
            long cuts = backend.backend().faults().cutsMade();
            assertThat(cuts).isGreaterThan(5);
            assertThat(sync.totals().repeats()).as("resent after a cut: the backend answered 200").isPositive();
            int stored = ExactlyOnceCheck.verify(store, backend, OPS);
            report("answers cut after commit", started, sync, 0, 0, "answers cut by the backend " + cuts
                    + ", on the backend " + stored);
        }
    }

    @Test
    void everyRequestDeliveredTwice() throws Exception {
        Path storeDir = OperationsTemplate.copyTo(dir.resolve("store"));
        try (BackendFixture backend = new BackendFixture(dir.resolve("backend"));
                LocalStore store = SyncTestStores.openAdmin(storeDir, Clock.systemUTC())) {
            DuplicatingClient twice = new DuplicatingClient(backend.client());
            SyncService sync = service(store, twice);
            long started = System.nanoTime();
            drain(sync);
            assertThat(twice.sentTwice.get()).isEqualTo(OPS);
            assertThat(twice.secondWasRepeat.get()).as("every second delivery answered as a repeat").isEqualTo(OPS);
            int stored = ExactlyOnceCheck.verify(store, backend, OPS);
            report("every batch sent twice", started, sync, 0, 0, "second deliveries answered as repeats "
                    + twice.secondWasRepeat.get() + ", on the backend "
                    + stored);
        }
    }

    @Test
    void clientKilledWithSigkillAtRandomMomentsDuringSyncAndRestarted() throws Exception {
        Path storeDir = OperationsTemplate.copyTo(dir.resolve("store"));
        try (BackendFixture backend = new BackendFixture(dir.resolve("backend"))) {
            Random random = new Random(2026);
            long started = System.nanoTime();
            int kills = 0;
            int killedWithWorkLeft = 0;
            long recovered = 0;
            List<Long> progressAtKill = new ArrayList<>();
            while (kills < 22) {
                Worker w = Worker.start(storeDir, backend);
                w.awaitReady();
                Thread.sleep(30 + random.nextInt(1_200));
                boolean finished = w.finishedAlready();
                w.kill();
                recovered += w.recovered;
                if (finished) {
                    break;
                }
                kills++;
                killedWithWorkLeft++;
                progressAtKill.add(w.delivered);
            }
            Worker last = Worker.start(storeDir, backend);
            assertThat(last.awaitExit(Duration.ofMinutes(2))).as("the last worker's exit code").isZero();
            recovered += last.recovered;
            assertThat(killedWithWorkLeft).as("SIGKILLs while work was left").isGreaterThanOrEqualTo(20);
            try (LocalStore store = SyncTestStores.openAdmin(storeDir, Clock.systemUTC())) {
                int stored = ExactlyOnceCheck.verify(store, backend, OPS);
                System.out.printf("[fault] SIGKILL: %,d ops exactly once in %,d ms; %d child JVMs killed with SIGKILL "
                        + "during sync (delivered-so-far per child at the kill: %s), SENDING messages recovered after "
                        + "kills %,d, on the backend %,d%n", OPS, (System.nanoTime() - started) / 1_000_000,
                        killedWithWorkLeft, progressAtKill, recovered, stored);
            }
        }
    }

    /** A child JVM running {@link SyncWorkerMain} on the store file. */
    private static final class Worker {
        private final Process process;
        private final BufferedReader out;
        volatile long delivered;
        volatile long recovered;
        private volatile boolean ready;
        private volatile boolean done;

        private Worker(Process process) {
            this.process = process;
            this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            Thread reader = new Thread(this::read, "fault-worker-output");
            reader.setDaemon(true);
            reader.start();
        }

        static Worker start(Path store, BackendFixture backend) throws Exception {
            String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
            ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-cp", classPath,
                    SyncWorkerMain.class.getName(), store.toString(), backend.baseUri().toString(), backend.token(),
                    "50");
            pb.redirectErrorStream(true);
            return new Worker(pb.start());
        }

        private void read() {
            try {
                String line;
                while ((line = out.readLine()) != null) {
                    if (line.equals("READY")) {
                        synchronized (this) {
                            ready = true;
                            notifyAll();
                        }
                    } else if (line.startsWith("PROGRESS ")) {
                        String[] p = line.split(" ");
                        delivered = Long.parseLong(p[1]);
                        recovered = Math.max(recovered, Long.parseLong(p[3]));
                    } else if (line.equals("DONE")) {
                        done = true;
                    } else if (line.contains("ERROR") || line.contains("Exception") || line.startsWith("BLOCKED")) {
                        System.out.println("[worker] " + line);
                    }
                }
            } catch (java.io.IOException e) {
                // the process was killed
            }
        }

        synchronized void awaitReady() throws InterruptedException {
            long until = System.currentTimeMillis() + 60_000;
            while (!ready && process.isAlive() && System.currentTimeMillis() < until) {
                wait(100);
            }
            assertThat(ready).as("the worker opened the store").isTrue();
        }

        boolean finishedAlready() {
            return done || !process.isAlive();
        }

        void kill() throws InterruptedException {
            process.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no H2 close
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }

        int awaitExit(Duration timeout) throws InterruptedException {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("the worker did not finish within " + timeout);
            }
            return process.exitValue();
        }
    }

    /** Duplicate delivery of every request: each batch (and PUT) is sent twice; the engine sees the second answer. */
    private static final class DuplicatingClient implements BackendClient {
        private final BackendClient delegate;
        final AtomicLong sentTwice = new AtomicLong();
        final AtomicLong secondWasRepeat = new AtomicLong();

        DuplicatingClient(BackendClient delegate) {
            this.delegate = delegate;
        }

        @Override
        public BackendResult<List<BatchItemResult>> submitBatch(List<OutgoingMessage> messages) {
            BackendResult<List<BatchItemResult>> first = delegate.submitBatch(messages);
            BackendResult<List<BatchItemResult>> second = delegate.submitBatch(messages);
            if (first instanceof BackendResult.Success<List<BatchItemResult>> f
                    && second instanceof BackendResult.Success<List<BatchItemResult>> s) {
                sentTwice.addAndGet(messages.size());
                for (int i = 0; i < s.body().size(); i++) {
                    BatchItemResult a = f.body().get(i);
                    BatchItemResult b = s.body().get(i);
                    if (b.status() == 200 && b.receipt() != null && b.receipt().equals(a.receipt())) {
                        secondWasRepeat.incrementAndGet();
                    }
                }
            }
            return second;
        }

        @Override
        public BackendResult<Receipt> put(OutgoingMessage message) {
            delegate.put(message);
            return delegate.put(message);
        }

        @Override
        public BackendResult<RegisterPage> registerChanges(String since, int limit) {
            return delegate.registerChanges(since, limit);
        }

        @Override
        public BackendResult<ResidentRecord> resident(String residentCode) {
            return delegate.resident(residentCode);
        }

        @Override
        public BackendResult<Health> health() {
            return delegate.health();
        }
    }
}
