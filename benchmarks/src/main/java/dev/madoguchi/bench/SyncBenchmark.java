package dev.madoguchi.bench;

import dev.madoguchi.backend.BackendConfig;
import dev.madoguchi.backend.ReferenceBackend;
import dev.madoguchi.backend.register.RegisterResident;
import dev.madoguchi.domain.Sex;
import dev.madoguchi.store.LocalStore;
import dev.madoguchi.store.StoreOptions;
import dev.madoguchi.domain.shelter.Arrival;
import dev.madoguchi.domain.shelter.Evacuee;
import dev.madoguchi.domain.shelter.IdentifiedBy;
import dev.madoguchi.domain.shelter.Shelter;
import dev.madoguchi.domain.shelter.Stay;
import dev.madoguchi.sync.SyncPolicy;
import dev.madoguchi.sync.SyncReport;
import dev.madoguchi.sync.SyncService;
import dev.madoguchi.sync.backend.HttpBackendClient;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The sync engine over loopback against the real reference backend (docs/performance.md, "Sync"):
 * <ul>
 *   <li>{@code drain10000Operations}: 10,000 queued operations (a third counter cases, the rest shelter events over
 *       400 shelters) drained in batches of 250, strict per-aggregate order; target under 10 s.</li>
 *   <li>{@code pull100000RegisterChanges}: a fresh terminal pulls 100,000 register changes in pages of 1,000 into
 *       its encrypted local copy, each page and its checkpoint in one transaction.</li>
 * </ul>
 * Single-shot: each invocation starts from a fresh copy of the queued store and a fresh backend database (set up
 * outside the measured time).
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 1)
@Measurement(iterations = 5)
public class SyncBenchmark {

    static final int OPERATIONS = 10_000;
    static final int REGISTER_CHANGES = 100_000;

    /** A store with 10,000 queued operations, written once per trial. */
    @State(Scope.Benchmark)
    public static class Queued {
        Path template;

        @Setup(Level.Trial)
        public void write() {
            template = StoreFixture.temporaryDirectory("bench-sync-template");
            try (LocalStore store = StoreFixture.create(template)) {
                for (int s = 0; s < 400; s++) {
                    store.shelter().saveShelter(new Shelter("shelter-" + s, "避難所 " + s, "", 0, 0, List.of(),
                            Set.of()));
                }
                for (int i = 0; i < OPERATIONS; i++) {
                    if (i % 3 == 0) {
                        store.cases().open("R" + i, "転入", "{\"form\":\"jumin-ido\",\"n\":" + i + "}", null);
                    } else {
                        Evacuee person = new Evacuee("ev-" + i, "避難 " + i, "", null, null, "", "", "",
                                IdentifiedBy.MANUAL, List.of(), "", null);
                        store.shelter().checkIn("shelter-" + (i % 400),
                                new Arrival("hh-" + i / 4, Stay.SHELTER, "", List.of(), "", List.of(person)));
                    }
                }
            }
        }

        @TearDown(Level.Trial)
        public void delete() {
            StoreFixture.delete(template);
        }
    }

    /** A fresh copy of the queued store and a fresh backend, per invocation. */
    @State(Scope.Thread)
    public static class Drain {
        Path dir;
        ReferenceBackend backend;
        LocalStore store;
        SyncService sync;

        @Setup(Level.Invocation)
        public void prepare(Queued queued) throws IOException {
            dir = StoreFixture.temporaryDirectory("bench-sync");
            Path storeDir = Files.createDirectories(dir.resolve("store"));
            try (Stream<Path> files = Files.list(queued.template)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    Files.copy(f, storeDir.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            backend = ReferenceBackend.start(BackendConfig.forTests(BackendConfig.h2FileUrl(dir.resolve("backend"))));
            String token = backend.terminals().register("T-BENCH").value();
            store = LocalStore.open(storeDir, StoreFixture.ADMIN, StoreFixture.ADMIN_PASSPHRASE,
                    StoreOptions.defaults());
            sync = engine(store, backend, token, SyncPolicy.defaults().withBatchSize(250).withMaxBatchesPerRun(1_000));
        }

        @TearDown(Level.Invocation)
        public void close() {
            store.close();
            backend.close();
            StoreFixture.delete(dir);
        }
    }

    /** A backend whose register holds 100,000 changes, per trial; a fresh terminal store per invocation. */
    @State(Scope.Benchmark)
    public static class Register {
        Path backendDir;
        ReferenceBackend backend;
        String token;
        /** The backend's residents, also imported as a snapshot by {@link PullAfterImport}. */
        final List<RegisterResident> residents = new ArrayList<>(REGISTER_CHANGES);

        @Setup(Level.Trial)
        public void seed() {
            backendDir = StoreFixture.temporaryDirectory("bench-sync-register");
            backend = ReferenceBackend.start(BackendConfig.forTests(BackendConfig.h2FileUrl(backendDir)));
            token = backend.terminals().register("T-BENCH").value();
            List<RegisterResident> batch = new ArrayList<>(10_000);
            for (int i = 0; i < REGISTER_CHANGES; i++) {
                String id = String.format("B%07d", i);
                String head = String.format("B%07d", i - i % 3);
                batch.add(new RegisterResident(id, String.format("2%010d", i), "H" + head, i % 3 == 0 ? "世帯主" : "子",
                        "𠮷田", "太郎" + i, "ヨシダ", "タロウ", LocalDate.of(1950 + i % 70, 1 + i % 12, 1 + i % 28),
                        i % 2 == 0 ? Sex.MALE : Sex.FEMALE, "000-0001", "架空県窓口市本町" + (i % 9 + 1) + "丁目",
                        LocalDate.of(2020, 4, 1), head, "架空県窓口市本町" + (i % 9 + 1) + "丁目", null, null, null, null,
                        null));
                residents.add(batch.get(batch.size() - 1));
                if (batch.size() == 10_000) {
                    backend.register().upsert(batch);
                    batch.clear();
                }
            }
        }

        @TearDown(Level.Trial)
        public void stop() {
            backend.close();
            StoreFixture.delete(backendDir);
        }
    }

    /** A fresh terminal store for one pull. */
    @State(Scope.Thread)
    public static class Pull {
        Path dir;
        LocalStore store;
        SyncService sync;

        @Setup(Level.Invocation)
        public void prepare(Register register) {
            dir = StoreFixture.temporaryDirectory("bench-sync-pull");
            store = StoreFixture.create(dir);
            sync = engine(store, register.backend, register.token,
                    SyncPolicy.defaults().withPages(1_000, 1_000, Duration.ofMinutes(5)));
        }

        @TearDown(Level.Invocation)
        public void close() {
            store.close();
            StoreFixture.delete(dir);
        }
    }

    /**
     * A terminal store that imported the same 100,000 residents as a snapshot: the import reset the checkpoint, so the
     * pull starts from the beginning and writes every resident again over the rows it already holds (ADR 0009).
     */
    @State(Scope.Thread)
    public static class PullAfterImport {
        Path dir;
        LocalStore store;
        SyncService sync;

        @Setup(Level.Invocation)
        public void prepare(Register register) {
            dir = StoreFixture.temporaryDirectory("bench-sync-pull-import");
            store = StoreFixture.create(dir);
            List<dev.madoguchi.store.register.RegisterResident> snapshot = register.residents.stream()
                    .map(r -> new dev.madoguchi.store.register.RegisterResident(r.residentId(), r.householdId(),
                            r.residentCode(), r.relationship(), r.familyName(), r.givenName(), r.familyNameKana(),
                            r.givenNameKana(), r.birthDate(), r.sex(), r.postalCode(), r.address(), r.movedInOn(),
                            r.nationality(), r.statusOfResidence(), r.periodOfStayEnd(), r.residenceCardNumber(),
                            r.foreignCategory()))
                    .toList();
            store.register().replaceAll(List.of(), snapshot);
            sync = engine(store, register.backend, register.token,
                    SyncPolicy.defaults().withPages(1_000, 1_000, Duration.ofMinutes(5)));
        }

        @TearDown(Level.Invocation)
        public void close() {
            store.close();
            StoreFixture.delete(dir);
        }
    }

    static SyncService engine(LocalStore store, ReferenceBackend backend, String token, SyncPolicy policy) {
        URI base = backend.baseUri();
        return new SyncService(store.outbox(), store.registerPull(), store.settings(), new HttpBackendClient(
                dev.madoguchi.sync.backend.BackendConfig.of(base, token)), policy, "T-BENCH", Clock.systemUTC(),
                new Random(1));
    }

    @Benchmark
    public long drain10000Operations(Drain d) {
        SyncReport r;
        long delivered = 0;
        do {
            r = d.sync.runOnce();
            delivered += r.delivered();
        } while (r.moreDue() || r.status().waiting() > 0 && r.status().state() == dev.madoguchi.sync.SyncState.CONNECTED);
        if (delivered != OPERATIONS) {
            throw new IllegalStateException("drained " + delivered + " of " + OPERATIONS);
        }
        return delivered;
    }

    @Benchmark
    public long pull100000RegisterChanges(Pull p) {
        SyncReport r = p.sync.runOnce();
        if (r.registerChanges() != REGISTER_CHANGES || r.moreDue()) {
            throw new IllegalStateException("pulled " + r.registerChanges() + " of " + REGISTER_CHANGES);
        }
        return r.registerChanges();
    }

    @Benchmark
    public long pull100000RegisterChangesAfterImport(PullAfterImport p) {
        SyncReport r = p.sync.runOnce();
        if (r.registerChanges() != REGISTER_CHANGES || r.moreDue()
                || p.store.register().residentCount() != REGISTER_CHANGES) {
            throw new IllegalStateException("pulled " + r.registerChanges() + " of " + REGISTER_CHANGES);
        }
        return r.registerChanges();
    }
}
