package dev.madoguchi.sync;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.madoguchi.backend.moveout.DemoMoveOuts;
import dev.madoguchi.store.LocalStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Not a test: with {@code -Dmadoguchi.perf=true} it times pulls of N pending move-in records (three members each)
 * from the real reference backend into a fresh encrypted store, pages of 200, and a look-up by birth date afterwards
 * (docs/performance.md, "Move-out records"). Prints medians of five runs.
 */
class MoveOutPullPerformanceHarness {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T01:00:00Z"), ZoneId.of("Asia/Tokyo"));
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 20);

    @TempDir
    Path dir;

    @Test
    void pullAndLookUp() throws Exception {
        assumeTrue(Boolean.getBoolean("madoguchi.perf"), "performance harness only with -Dmadoguchi.perf=true");
        for (int n : new int[] {100, 1000, 5000}) {
            List<ObjectNode> records = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                ObjectNode r = DemoMoveOuts.record(String.format("MO-%06d", i), "別県別市", "別県別市中町一丁目" + i + "番",
                        "山田\u3000一郎", TODAY.minusDays(3), TODAY.plusDays(20));
                for (int m = 0; m < 3; m++) {
                    r.withArray("members").add(DemoMoveOuts.member(String.format("9%09d%d", i, m), "山田", "一郎" + m,
                            "ヤマダ", "イチロウ", LocalDate.of(1950, 1, 1).plusDays((i * 3L + m) % 20000).toString(),
                            "M", m == 0 ? "世帯主" : "子", null));
                }
                records.add(r);
            }
            List<Long> pulls = new ArrayList<>();
            List<Long> lookups = new ArrayList<>();
            for (int run = 0; run < 5; run++) {
                Path runDir = Files.createTempDirectory(dir, "run");
                try (BackendFixture backend = new BackendFixture(runDir.resolve("backend"));
                        LocalStore store = SyncTestStores.create(runDir.resolve("store"), CLOCK)) {
                    backend.backend().moveOuts().add(records, Instant.now());
                    MoveOutPull pull = new MoveOutPull(backend.client(), store.moveOuts(), CLOCK, 200, 1000);
                    long t0 = System.nanoTime();
                    MoveOutPull.Outcome outcome = pull.pull();
                    pulls.add(System.nanoTime() - t0);
                    if (outcome.stored() != n) {
                        throw new AssertionError("stored " + outcome.stored() + " of " + n);
                    }
                    for (int w = 0; w < 20; w++) {
                        store.moveOuts().withMemberBornOn(LocalDate.of(1950, 1, 1).plusDays(w * 7L), TODAY);
                    }
                    long t1 = System.nanoTime();
                    for (int q = 0; q < 50; q++) {
                        store.moveOuts().withMemberBornOn(LocalDate.of(1950, 1, 1).plusDays(q * 13L), TODAY);
                    }
                    lookups.add((System.nanoTime() - t1) / 50);
                }
            }
            System.out.printf("PERF move-out pull n=%d median %.1f ms (runs %s); look-up by birth date median %.2f ms%n",
                    n, median(pulls) / 1e6, pulls.stream().map(v -> String.format("%.0f", v / 1e6)).toList(),
                    median(lookups) / 1e6);
        }
    }

    private static double median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
