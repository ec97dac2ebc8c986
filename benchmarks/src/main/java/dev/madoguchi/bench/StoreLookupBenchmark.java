package dev.madoguchi.bench;

import dev.madoguchi.demo.DemoMunicipality;
import dev.madoguchi.demo.Resident;
import dev.madoguchi.domain.MyNumber;
import dev.madoguchi.store.LocalStore;
import dev.madoguchi.store.register.ImportProgress;
import dev.madoguchi.store.register.RegisterResident;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Register lookups on a store holding 1,000,000 residents, signed in as a counter clerk: each lookup is one
 * transaction that reads the resident and appends (and durably commits) its audit row, as the application does.
 * Sample mode gives p50 / p99. Also the audit append alone (a print record) as throughput.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xmx3g"})
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
public class StoreLookupBenchmark {

    /** A power of two, so the cursor wraps with a mask. */
    private static final int PROBES = 4_096;

    @Param("1000000")
    int residents;

    private Path dir;
    private LocalStore store;
    private MyNumber[] myNumbers;
    private String[] residentCodes;
    private String[][] kanaAndBirth;
    private int cursor;

    @Setup(Level.Trial)
    public void storeWithRegister() {
        DemoMunicipality m = DemoMunicipality.generate(DemoMunicipality.DEFAULT_SEED, residents);
        dir = StoreFixture.temporaryDirectory("madoguchi-lookup-bench");
        try (LocalStore admin = StoreFixture.create(dir.resolve("store"))) {
            admin.register().replaceAll(List.of(), StoreFixture.entries(m).iterator(), ImportProgress.NONE);
        }
        store = LocalStore.open(dir.resolve("store"), StoreFixture.CLERK, StoreFixture.CLERK_PASSPHRASE,
                dev.madoguchi.store.StoreOptions.defaults());
        List<Resident> all = m.residents();
        myNumbers = new MyNumber[PROBES];
        residentCodes = new String[PROBES];
        kanaAndBirth = new String[PROBES][];
        java.util.Random random = new java.util.Random(42);
        for (int i = 0; i < PROBES; i++) {
            Resident r = all.get(random.nextInt(all.size()));
            myNumbers[i] = MyNumber.parse(r.myNumber());
            residentCodes[i] = r.residentCode();
            kanaAndBirth[i] = new String[] {r.familyNameKana(), r.givenNameKana(), r.birthDate().toString()};
        }
    }

    @TearDown(Level.Trial)
    public void removeStore() {
        store.close();
        StoreFixture.delete(dir);
    }

    private int next() {
        cursor = (cursor + 1) & (PROBES - 1);
        return cursor;
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Optional<RegisterResident> byMyNumber() {
        return store.register().findByMyNumber(myNumbers[next()]);
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Optional<RegisterResident> byResidentCode() {
        return store.register().findByResidentCode(residentCodes[next()]);
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public List<RegisterResident> byKanaAndBirthDate() {
        String[] k = kanaAndBirth[next()];
        return store.register().findByKanaAndBirthDate(k[0], k[1], java.time.LocalDate.parse(k[2]));
    }

    /** One audit row appended and committed in its own transaction (a print record). */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public void auditAppend() {
        store.recordPrint("R000001", "転入届");
    }
}
