package dev.madoguchi.app.counter;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.madoguchi.domain.Sex;
import dev.madoguchi.store.moveout.MoveOutMember;
import dev.madoguchi.store.moveout.MoveOutRecord;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Not a test: with {@code -Dmadoguchi.perf=true} it times the counter's match of a 転入 (register candidates and
 * pending move-out records, each read audited) with N records of three members in the demo store, the birth dates
 * spread over 20,000 days so a look-up finds about N × 3 / 20,000 records, and the resident's own record among them
 * (docs/performance.md, "Move-out records"). Prints the median of 50 matches after 20.
 */
class MoveOutMatchPerformanceHarness {

    @TempDir
    Path dir;

    @Test
    void matchWithManyPendingRecords() {
        assumeTrue(Boolean.getBoolean("madoguchi.perf"), "performance harness only with -Dmadoguchi.perf=true");
        try (CounterFixture fixture = new CounterFixture(dir)) {
            var store = fixture.store.store().orElseThrow();
            LocalDate today = LocalDate.of(2026, 11, 20);
            int stored = 0;
            for (int n : new int[] {1000, 10000}) {
                List<MoveOutRecord> records = new ArrayList<>();
                for (int i = stored; i < n; i++) {
                    List<MoveOutMember> members = new ArrayList<>();
                    for (int m = 0; m < 3; m++) {
                        members.add(new MoveOutMember(String.format("9%09d%d", i, m), "山田", "一郎" + m, "ヤマダ",
                                "イチロウ", LocalDate.of(1950, 1, 1).plusDays((i * 3L + m) % 20000), Sex.MALE,
                                m == 0 ? "世帯主" : "子", null));
                    }
                    records.add(new MoveOutRecord(String.format("MO-%06d", i), "別県別市", "別県別市中町" + i,
                            "山田\u3000一郎0", today.minusDays(3), today.plusDays(20), members));
                }
                store.moveOuts().keep(records, "perf");
                stored = n;
                ResidentIdentity who = ResidentIdentity.manual("山田\u3000一郎0", null, null,
                        LocalDate.of(1950, 1, 1).plusDays(3000));
                for (int w = 0; w < 20; w++) {
                    fixture.visits.match(who);
                }
                List<Long> times = new ArrayList<>();
                int found = 0;
                for (int q = 0; q < 50; q++) {
                    long t0 = System.nanoTime();
                    found = fixture.visits.match(who).moveOuts().size();
                    times.add(System.nanoTime() - t0);
                }
                List<Long> sorted = times.stream().sorted().toList();
                System.out.printf("PERF counter match with %d pending records: median %.2f ms, max %.2f ms,"
                        + " records offered %d%n", n, sorted.get(25) / 1e6, sorted.get(49) / 1e6, found);
            }
        }
    }
}
