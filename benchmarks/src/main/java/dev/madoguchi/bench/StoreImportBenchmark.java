package dev.madoguchi.bench;

import dev.madoguchi.demo.DemoMunicipality;
import dev.madoguchi.store.LocalStore;
import dev.madoguchi.store.register.ImportProgress;
import dev.madoguchi.store.register.RegisterEntry;
import java.nio.file.Path;
import java.util.List;
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
 * Importing a register snapshot of {@code residents} people, My Numbers sealed per value with a blind index, the way a
 * municipality re-imports: the warm-up iteration imports into a fresh encrypted store, every measured iteration
 * replaces the previous copy of the same size (load the other slot, sorted key tables, switch, truncate the old slot;
 * docs/adr/0009). Generation of the fictional residents happens in the setup, outside the measurement.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xmx3g"})
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
public class StoreImportBenchmark {

    @Param("1000000")
    int residents;

    private List<RegisterEntry> entries;
    private Path dir;
    private LocalStore store;

    @Setup(Level.Trial)
    public void generate() {
        entries = StoreFixture.entries(DemoMunicipality.generate(DemoMunicipality.DEFAULT_SEED, residents));
    }

    @Setup(Level.Trial)
    public void freshStore() {
        dir = StoreFixture.temporaryDirectory("madoguchi-import-bench");
        store = StoreFixture.create(dir.resolve("store"));
    }

    @TearDown(Level.Trial)
    public void removeStore() {
        store.close();
        StoreFixture.delete(dir);
    }

    @Benchmark
    public long importRegister() {
        return store.register().replaceAll(List.of(), entries.iterator(), ImportProgress.NONE);
    }
}
