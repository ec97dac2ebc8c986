package dev.madoguchi.store.shelter;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.madoguchi.domain.Sex;
import dev.madoguchi.domain.shelter.Arrival;
import dev.madoguchi.domain.shelter.CareFlag;
import dev.madoguchi.domain.shelter.Consent;
import dev.madoguchi.domain.shelter.Evacuee;
import dev.madoguchi.domain.shelter.IdentifiedBy;
import dev.madoguchi.domain.shelter.Pet;
import dev.madoguchi.domain.shelter.Shelter;
import dev.madoguchi.domain.shelter.Stay;
import dev.madoguchi.store.keys.Keyring;
import dev.madoguchi.store.LocalStore;
import dev.madoguchi.store.StoreOptions;
import dev.madoguchi.store.TestStores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Not a test: the exchange file's measuring harness (issue 13: 10,000 events written and imported, then imported
 * again, < 5 s). Runs only with {@code -Dmadoguchi.bench=true}; prints the parts' medians, asserts only that the second
 * import changes nothing. The shelter passphrase is derived at the production iteration count
 * ({@link Keyring#DEFAULT_ITERATIONS}), as in the application; the second store is made before the clock starts (its
 * sign-in is not part of the exchange).
 */
class ShelterExchangeSpeedHarness {

    private static final char[] PASSPHRASE = "bench shelter passphrase".toCharArray();
    private static final String TOWN = "132055";

    @TempDir
    Path dir;

    @Test
    void tenThousandEventsWrittenImportedAndImportedAgain() throws Exception {
        assumeTrue(Boolean.getBoolean("madoguchi.bench"), "harness only with -Dmadoguchi.bench=true");
        int rounds = Integer.getInteger("madoguchi.bench.rounds", 4);
        Path a = dir.resolve("a");
        TestStores.createWithClerks(a, options("laptop-a")).close();
        try (LocalStore store = LocalStore.open(a, TestStores.SHELTER, TestStores.SHELTER_PASSPHRASE,
                options("laptop-a"))) {
            for (int s = 0; s < 20; s++) {
                store.shelter().saveShelter(new Shelter("S" + s, "避難所 " + s, "架空市本町" + s, 500, 400,
                        List.of("体育館", "教室1"), Set.of()));
            }
            for (int h = 0; h < 2_500; h++) {
                store.shelter().checkIn("S" + (h % 20), household("H" + h, h));
            }
            List<Long> export = new ArrayList<>();
            List<Long> first = new ArrayList<>();
            List<Long> again = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                Path file = dir.resolve("x" + round + ".mdgx");
                Path b = dir.resolve("b" + round);
                TestStores.createWithClerks(b, options("laptop-b")).close();
                try (LocalStore other = LocalStore.open(b, TestStores.SHELTER, TestStores.SHELTER_PASSPHRASE,
                        options("laptop-b"))) {
                    var cpu = java.lang.management.ManagementFactory.getThreadMXBean();
                    long c0 = cpu.getCurrentThreadCpuTime();
                    long t0 = System.nanoTime();
                    var written = store.shelterExchange().export(file, PASSPHRASE, TOWN, 0);
                    long t1 = System.nanoTime();
                    var one = other.shelterExchange().importFile(file, PASSPHRASE, TOWN,
                            Set.of(written.fingerprint()));
                    long t2 = System.nanoTime();
                    var two = other.shelterExchange().importFile(file, PASSPHRASE, TOWN, Set.of());
                    long t3 = System.nanoTime();
                    long c3 = cpu.getCurrentThreadCpuTime();
                    if (one.imported() != 10_000 || two.imported() != 0 || two.alreadyHeld() != 10_000) {
                        throw new AssertionError("importing twice changed something: " + one + " / " + two);
                    }
                    System.out.printf("SHELTER-EXCHANGE round %d: export %.0f ms (%d bytes), import %.0f ms, "
                            + "again %.0f ms, total %.0f ms (cpu of this thread %.0f ms)%n", round, (t1 - t0) / 1e6, Files.size(file),
                            (t2 - t1) / 1e6, (t3 - t2) / 1e6, (t3 - t0) / 1e6, (c3 - c0) / 1e6);
                    if (round > 0) {
                        export.add(t1 - t0);
                        first.add(t2 - t1);
                        again.add(t3 - t2);
                    }
                }
            }
            List<Long> total = new ArrayList<>();
            for (int i = 0; i < export.size(); i++) {
                total.add(export.get(i) + first.get(i) + again.get(i));
            }
            System.out.printf("SHELTER-EXCHANGE medians of %d rounds: export %.0f ms, import %.0f ms, again %.0f ms,"
                    + " total %.0f ms (load %s)%n", total.size(), median(export), median(first), median(again),
                    median(total), Files.readString(Path.of("/proc/loadavg")).trim());
        }
    }

    private static StoreOptions options(String terminal) {
        return new StoreOptions(terminal, Keyring.DEFAULT_ITERATIONS, Clock.systemUTC(), new SecureRandom());
    }

    static Arrival household(String id, int n) {
        List<Evacuee> people = new ArrayList<>();
        for (int m = 0; m < 4; m++) {
            int i = n * 4 + m;
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

    private static double median(List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2) / 1e6;
    }
}
