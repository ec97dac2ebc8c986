package dev.madoguchi.bench;

import dev.madoguchi.demo.DemoMunicipality;
import dev.madoguchi.demo.Resident;
import dev.madoguchi.domain.MyNumber;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The demo municipality generator and the My Number check digit. Run through {@code benchmarks.jar}
 * (docs/performance.md); nothing here runs during the build.
 */
@State(Scope.Thread)
@Fork(3)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class DemoMunicipalityBenchmark {

    /** A power of two, so the cursor wraps with a mask. */
    private static final int NUMBERS = 4_096;

    private String[] myNumbers;
    private int cursor;

    @Setup
    public void prepareMyNumbers() {
        List<Resident> residents = DemoMunicipality.generate(DemoMunicipality.DEFAULT_SEED, NUMBERS).residents();
        myNumbers = new String[NUMBERS];
        for (int i = 0; i < NUMBERS; i++) {
            String valid = residents.get(i).myNumber();
            // every fourth number carries a wrong check digit, so both outcomes are measured
            myNumbers[i] = i % 4 == 3 ? valid.substring(0, 11) + (char) ('0' + (valid.charAt(11) - '0' + 1) % 10)
                    : valid;
        }
    }

    /**
     * The default demo municipality (5,000 residents), as the demo mode and the tests build it. One operation takes tens
     * of milliseconds and the JIT needs about ten seconds to settle, hence the longer warm-up.
     */
    @Benchmark
    @Warmup(iterations = 10, time = 1)
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public DemoMunicipality generateDefaultMunicipality() {
        return DemoMunicipality.generate(DemoMunicipality.DEFAULT_SEED, DemoMunicipality.DEFAULT_RESIDENTS);
    }

    /** One {@link MyNumber#isValid(String)} call per operation over precomputed numbers, a quarter of them wrong. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public boolean myNumberIsValid() {
        String number = myNumbers[cursor];
        cursor = (cursor + 1) & (NUMBERS - 1);
        return MyNumber.isValid(number);
    }
}
