package dev.madoguchi.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.madoguchi.app.shelter.roster.RosterRows;
import dev.madoguchi.domain.Sex;
import dev.madoguchi.domain.shelter.Arrival;
import dev.madoguchi.domain.shelter.CareFlag;
import dev.madoguchi.domain.shelter.Consent;
import dev.madoguchi.domain.shelter.Evacuee;
import dev.madoguchi.domain.shelter.IdentifiedBy;
import dev.madoguchi.domain.shelter.Pet;
import dev.madoguchi.domain.shelter.Shelter;
import dev.madoguchi.domain.shelter.Stay;
import dev.madoguchi.forms.pdf.FontFiles;
import dev.madoguchi.forms.pdf.PdfFonts;
import dev.madoguchi.forms.pdf.RenderReport;
import dev.madoguchi.forms.pdf.TableReportRenderer;
import dev.madoguchi.forms.shelter.ShelterDocuments;
import dev.madoguchi.store.LocalStore;
import dev.madoguchi.store.StoreOptions;
import dev.madoguchi.store.clerks.Clerk;
import dev.madoguchi.store.clerks.Role;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Not a test: a harness (docs/performance.md, "Shelter PDFs"), run with {@code -Dmadoguchi.bench=true}. A real
 * encrypted store with one shelter of 500 people (households of four, every seventh person with two care flags, every
 * sixth household a dog); it times, as {@code shelter report --pdf} and {@code shelter roster --format pdf} do them
 * once the fonts are open: the daily report (replay, document, PDF) and the full roster (replay, rows with consent,
 * document, PDF). Two warm-up rounds, then seven; prints the medians and the machine's load.
 */
class ShelterPdfSpeedHarness {

    private static final int PEOPLE = 500;
    private static final int ROUNDS = 7;

    @TempDir
    Path dir;

    @Test
    void dailyReportAndA500PersonRoster() throws Exception {
        assumeTrue(Boolean.getBoolean("madoguchi.bench"), "a harness: -Dmadoguchi.bench=true");
        StoreOptions options = new StoreOptions("bench", 1_000, Clock.systemUTC(), new SecureRandom());
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Tokyo"));
        try (LocalStore store = LocalStore.create(dir.resolve("store"), new Clerk("admin", "bench",
                Role.ADMINISTRATOR), "bench passphrase 1".toCharArray(), options)) {
            store.shelter().saveShelter(new Shelter("S1", "第一小学校", "架空市本町1-1", 600, 500, List.of("体育館"),
                    Set.of()));
            for (int h = 0; h < PEOPLE / 4; h++) {
                store.shelter().checkIn("S1", household(h));
            }
            long coldStart = System.nanoTime();
            PdfFonts fonts = PdfFonts.load(FontFiles.debian());
            TableReportRenderer renderer = new TableReportRenderer(fonts);
            int firstPages = render(renderer, ShelterDocuments.dailyReport(store.shelter().report("S1", today),
                    store.shelter().shelter("S1").orElse(null), "bench"));
            double cold = (System.nanoTime() - coldStart) / 1e6;
            int[] pages = new int[2];
            double report = median(() -> pages[0] = render(renderer, ShelterDocuments.dailyReport(
                    store.shelter().report("S1", today), store.shelter().shelter("S1").orElse(null), "bench")));
            double roster = median(() -> {
                var present = store.shelter().present("S1");
                List<List<String>> rows = RosterRows.rows(store.shelter().shelter("S1").orElse(null),
                        present.people(), false);
                return pages[1] = render(renderer, ShelterDocuments.roster(null, "S1", RosterRows.HEADER, rows,
                        false, "bench"));
            });
            double replay = median(() -> store.shelter().report("S1", today).present());
            double rows = median(() -> RosterRows.rows(null, store.shelter().present("S1").people(), false)
                    .size());
            fonts.close();
            assertThat(firstPages).isEqualTo(1);
            assertThat(pages[1]).isGreaterThan(10);
            System.out.printf("SHELTER-PDF daily report: cold %.0f ms (fonts opened), median %.1f ms (%d page; "
                    + "replay alone %.1f ms); "
                    + "roster of %d: median %.1f ms (%d pages; replay and rows alone %.1f ms); load %s; %d cores; "
                    + "JDK %s%n", cold, report, pages[0], replay, PEOPLE, roster, pages[1], rows,
                    Files.readString(Path.of("/proc/loadavg")).trim(), Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.version"));
        }
    }

    private static int render(TableReportRenderer renderer, dev.madoguchi.forms.pdf.TableReport document) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RenderReport r = renderer.render(document, out);
        assertThat(r.isClean()).as(r.toString()).isTrue();
        return r.pages();
    }

    private static double median(IntSupplier work) {
        for (int i = 0; i < 2; i++) {
            work.getAsInt();
        }
        double[] ms = new double[ROUNDS];
        for (int i = 0; i < ROUNDS; i++) {
            long t = System.nanoTime();
            work.getAsInt();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        return ms[ROUNDS / 2];
    }

    private static Arrival household(int n) {
        List<Evacuee> people = new ArrayList<>();
        for (int m = 0; m < 4; m++) {
            int i = n * 4 + m;
            List<CareFlag> flags = i % 7 == 0 ? List.of(CareFlag.parse("elderly"), CareFlag.parse("allergy:卵"))
                    : List.of();
            people.add(new Evacuee(UUID.randomUUID().toString(), (i % 5 == 0 ? "髙﨑　𠮷子" : "避難　太郎") + i,
                    "ヒナン　タロウ" + i, LocalDate.of(1930 + i % 90, 1 + i % 12, 1 + i % 28),
                    i % 2 == 0 ? Sex.MALE : Sex.FEMALE, "架空市本町" + n % 9 + "丁目" + m + "番" + n + "号",
                    "090-0000-" + String.format("%04d", i), "", IdentifiedBy.MANUAL, flags, "",
                    new Consent(true, i % 3 == 0, false)));
        }
        return new Arrival("H" + n, n % 5 == 0 ? Stay.CAR : Stay.SHELTER, "体育館",
                n % 6 == 0 ? List.of(new Pet("犬", 1, "")) : List.of(), n % 5 == 0 ? "品川500あ" + n : "", people);
    }
}
