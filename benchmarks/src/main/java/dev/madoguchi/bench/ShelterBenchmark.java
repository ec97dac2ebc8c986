package dev.madoguchi.bench;

import dev.madoguchi.domain.Sex;
import dev.madoguchi.domain.shelter.Arrival;
import dev.madoguchi.domain.shelter.CareFlag;
import dev.madoguchi.domain.shelter.Consent;
import dev.madoguchi.domain.shelter.Evacuee;
import dev.madoguchi.domain.shelter.IdentifiedBy;
import dev.madoguchi.domain.shelter.Pet;
import dev.madoguchi.domain.shelter.Present;
import dev.madoguchi.domain.shelter.Shelter;
import dev.madoguchi.domain.shelter.ShelterReport;
import dev.madoguchi.domain.shelter.Stay;
import dev.madoguchi.store.LocalStore;
import dev.madoguchi.store.StoreOptions;
import dev.madoguchi.store.clerks.Clerk;
import dev.madoguchi.store.clerks.Role;
import dev.madoguchi.store.shelter.ShelterExchange;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
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
 * The shelter mode (issue 13, docs/adr/0026) on real encrypted stores:
 * <ul>
 *   <li>{@code checkInOnePerson}: one person's check-in to durable (committed) in a shelter that already holds 500
 *       people (sample time: read the p0.50);</li>
 *   <li>{@code presentList} and {@code dailyReport}: one shelter of a store holding 10,000 evacuees in 20 shelters;</li>
 *   <li>{@code exchange10000Events}: write an exchange file of 10,000 events, import it into a second store, import it
 *       again (which must change nothing: the benchmark fails otherwise).</li>
 * </ul>
 */
@Fork(1)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
public class ShelterBenchmark {

    static final int EVACUEES = 10_000;
    static final int SHELTERS = 20;
    static final String TOWN = "132055";
    static final char[] PASSPHRASE = "bench shelter passphrase".toCharArray();

    /** A store with 10,000 evacuees (households of four) in 20 shelters, made once per trial. */
    @State(Scope.Benchmark)
    public static class Filled {
        Path dir;
        LocalStore store;
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Tokyo"));
        int next;

        @Setup(Level.Trial)
        public void fill() {
            dir = StoreFixture.temporaryDirectory("bench-shelter");
            store = create(dir.resolve("a"), "laptop-a");
            for (int s = 0; s < SHELTERS; s++) {
                store.shelter().saveShelter(new Shelter("S" + s, "避難所 " + s, "架空市本町" + s, 500, 400,
                        List.of("体育館", "教室1"), Set.of()));
            }
            for (int h = 0; h < EVACUEES / 4; h++) {
                store.shelter().checkIn("S" + (h % SHELTERS), household("H" + h, h, 4));
            }
        }

        @TearDown(Level.Trial)
        public void close() {
            store.close();
            StoreFixture.delete(dir);
        }
    }

    static LocalStore create(Path dir, String terminal) {
        StoreOptions options = new StoreOptions(terminal, StoreOptions.defaults().keyIterations(),
                java.time.Clock.systemUTC(), new java.security.SecureRandom());
        return LocalStore.create(dir, new Clerk(StoreFixture.ADMIN, "bench", Role.ADMINISTRATOR),
                StoreFixture.ADMIN_PASSPHRASE, options);
    }

    static Arrival household(String id, int n, int members) {
        List<Evacuee> people = new ArrayList<>();
        for (int m = 0; m < members; m++) {
            int i = n * members + m;
            List<CareFlag> flags = i % 7 == 0 ? List.of(CareFlag.parse("elderly"), CareFlag.parse("allergy:卵"))
                    : i % 11 == 0 ? List.of(CareFlag.parse("infant")) : List.of();
            people.add(new Evacuee(UUID.randomUUID().toString(), "避難 太郎" + i, "ヒナン タロウ" + i,
                    LocalDate.of(1930 + i % 90, 1 + i % 12, 1 + i % 28), i % 2 == 0 ? Sex.MALE : Sex.FEMALE,
                    "架空市本町" + n % 9 + "丁目" + m + "番", "", "", IdentifiedBy.MANUAL, flags, "",
                    new Consent(true, i % 3 == 0, false)));
        }
        return new Arrival(id, n % 5 == 0 ? Stay.CAR : Stay.SHELTER, "体育館",
                n % 6 == 0 ? List.of(new Pet("犬", 1, "")) : List.of(), n % 5 == 0 ? "品川500あ" + n : "", people);
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 2, time = 5)
    @Measurement(iterations = 5, time = 5)
    public Object checkInOnePerson(Filled f) {
        return f.store.shelter().checkIn("S3", household("new-" + f.next, 100_000 + f.next++, 1));
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public Present presentList(Filled f) {
        return f.store.shelter().present("S7");
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public ShelterReport dailyReport(Filled f) {
        return f.store.shelter().report("S7", f.today);
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 1)
    @Measurement(iterations = 3)
    public ShelterExchange.Import exchange10000Events(Filled f) {
        Path other = f.dir.resolve("b-" + UUID.randomUUID());
        Path file = f.dir.resolve("exchange-" + UUID.randomUUID() + ".mdgx");
        ShelterExchange.Export export = f.store.shelterExchange().export(file, PASSPHRASE, TOWN, 0);
        try (LocalStore b = create(other, "laptop-b")) {
            ShelterExchange.Import first = b.shelterExchange().importFile(file, PASSPHRASE, TOWN,
                    Set.of(export.fingerprint()));
            ShelterExchange.Import again = b.shelterExchange().importFile(file, PASSPHRASE, TOWN, Set.of());
            if (first.imported() < EVACUEES || again.imported() != 0 || again.alreadyHeld() != first.received()) {
                throw new IllegalStateException("importing twice changed something: " + first + " / " + again);
            }
            return again;
        } finally {
            StoreFixture.delete(other);
        }
    }
}
