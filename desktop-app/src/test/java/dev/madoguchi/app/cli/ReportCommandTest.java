package dev.madoguchi.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.madoguchi.app.AppPaths;
import dev.madoguchi.app.Main;
import dev.madoguchi.app.report.HandlingTimeExport;
import dev.madoguchi.domain.testing.MovableClock;
import dev.madoguchi.store.LocalStore;
import dev.madoguchi.store.StoreOptions;
import dev.madoguchi.store.cases.HandlingTime;
import dev.madoguchi.store.cases.StepDuration;
import dev.madoguchi.store.clerks.Clerk;
import dev.madoguchi.store.clerks.Role;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code madoguchi report handling-times} on a real encrypted store: empty, and with timed visits. */
class ReportCommandTest {

    private static final String ADMIN_PASSPHRASE = "admin passphrase 1";
    private static final String CLERK_PASSPHRASE = "clerk passphrase 1";
    private static final String RESIDENT_NAME = "𠮷田太郎";
    /** Every key the JSON may have: none can hold a name, a resident, a case or a clerk id. */
    private static final Set<String> ALLOWED_KEYS = Set.of("report", "from", "to", "zone", "scope", "visits",
            "withoutManualEntry", "lifeEvents", "lifeEvent", "shareWithoutManualEntry", "steps", "step", "count",
            "medianMs", "p90Ms");

    private final InputStream originalIn = System.in;

    @TempDir
    Path dataDir;

    private record Run(int code, String out, String err) {}

    @AfterEach
    void restoreStdin() {
        System.setIn(originalIn);
    }

    private Run report(String passphrase, String... args) {
        List<String> all = new ArrayList<>(List.of("--data-dir", dataDir.toString(), "report", "handling-times"));
        all.addAll(List.of(args));
        System.setIn(new ByteArrayInputStream((passphrase + "\n").getBytes(StandardCharsets.UTF_8)));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(all.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    private StoreOptions options(java.time.Clock clock) {
        return StoreOptions.defaults().withKeyIterations(1_000).withClock(clock);
    }

    /** A store with an administrator and a clerk; the clerk times {@code visits} 転入 visits today. */
    private void storeWithVisits(int visits) {
        MovableClock clock = new MovableClock(LocalDate.now().atTime(0, 5).atZone(ZoneId.systemDefault()).toInstant());
        Path store = new AppPaths(dataDir).storeDirectory();
        try (LocalStore admin = LocalStore.create(store, new Clerk("admin", "管理者", Role.ADMINISTRATOR),
                ADMIN_PASSPHRASE.toCharArray(), options(clock))) {
            admin.clerks().add(new Clerk("clerk1", "窓口 一郎", Role.CLERK), CLERK_PASSPHRASE.toCharArray());
        }
        try (LocalStore clerk = LocalStore.open(store, "clerk1", CLERK_PASSPHRASE.toCharArray(), options(clock))) {
            for (int i = 1; i <= visits; i++) {
                var started = clock.instant();
                clock.advance(Duration.ofMinutes(1));
                clerk.cases().open("R" + i, "tennyu", "{\"name\":\"" + RESIDENT_NAME + "\"}", null, List.of(), null,
                        new HandlingTime(started, List.of(new StepDuration("identify", Duration.ofSeconds(i)),
                                new StepDuration("plan", Duration.ofSeconds(60))), i % 2 == 0));
            }
        }
    }

    @Test
    void anEmptyStoreGivesZeroCountsAndExitCodeZero() throws Exception {
        storeWithVisits(0);
        Run json = report(CLERK_PASSPHRASE, "--clerk", "clerk1", "--json");
        assertThat(json.code()).as(json.err()).isZero();
        JsonNode root = new ObjectMapper().readTree(json.out());
        assertThat(root.get("visits").asInt()).isZero();
        assertThat(root.get("lifeEvents")).isEmpty();
        LocalDate today = LocalDate.now();
        assertThat(root.get("to").asText()).isEqualTo(today.toString());
        assertThat(root.get("from").asText()).as("the last 30 days").isEqualTo(today.minusDays(29).toString());
        assertThat(root.get("scope").asText()).isEqualTo("clerk");

        Run csv = report(CLERK_PASSPHRASE, "--clerk", "clerk1", "--csv");
        assertThat(csv.code()).isZero();
        assertThat(csv.out()).isEqualTo(HandlingTimeExport.CSV_HEADER + "\r\n");

        Run table = report(CLERK_PASSPHRASE, "--clerk", "clerk1");
        assertThat(table.code()).isZero();
        assertThat(table.out()).contains("0 visits").contains("No visits in this range.");
        assertThat(json.err() + csv.err() + table.err()).doesNotContain(CLERK_PASSPHRASE);
    }

    @Test
    void aStoreWithVisitsGivesTheFiguresAsJsonCsvAndATableWithoutPersonalData() throws Exception {
        storeWithVisits(20);
        Run json = report(CLERK_PASSPHRASE, "--clerk", "clerk1", "--json");
        assertThat(json.code()).as(json.err()).isZero();
        JsonNode root = new ObjectMapper().readTree(json.out());
        assertThat(keys(root)).isSubsetOf(ALLOWED_KEYS);
        assertThat(root.get("visits").asInt()).isEqualTo(20);
        JsonNode tennyu = root.get("lifeEvents").get(0);
        assertThat(tennyu.get("lifeEvent").asText()).isEqualTo("tennyu");
        assertThat(tennyu.get("withoutManualEntry").asInt()).isEqualTo(10);
        assertThat(tennyu.get("shareWithoutManualEntry").asDouble()).isEqualTo(0.5);
        JsonNode identify = tennyu.get("steps").get(0);
        assertThat(identify.get("step").asText()).isEqualTo("identify");
        assertThat(identify.get("count").asInt()).isEqualTo(20);
        assertThat(identify.get("medianMs").asLong()).isEqualTo(10_500);
        assertThat(identify.get("p90Ms").asLong()).isEqualTo(18_100);
        JsonNode total = tennyu.get("steps").get(2);
        assertThat(total.get("step").asText()).isEqualTo("total");
        assertThat(total.get("medianMs").asLong()).isEqualTo(70_500);

        Run csv = report(CLERK_PASSPHRASE, "--clerk", "clerk1", "--csv");
        assertThat(csv.code()).as(csv.err()).isZero();
        String[] lines = csv.out().split("\r\n");
        assertThat(lines).hasSize(4);
        assertThat(lines[0]).isEqualTo(HandlingTimeExport.CSV_HEADER);
        assertThat(lines[1]).endsWith(",clerk,tennyu,20,10,0.5,identify,20,10500,18100");
        assertThat(lines[3]).endsWith(",total,20,70500,78100");

        Run table = report(CLERK_PASSPHRASE, "--clerk", "clerk1", "--from", LocalDate.now().toString());
        assertThat(table.code()).as(table.err()).isZero();
        assertThat(table.out()).contains("20 visits, 10 without manual entry").contains("0:10.5").contains("0:18.1")
                .contains("1:10.5").contains("tennyu: 20 visits, 10 without manual entry (50.0 %)");

        for (Run r : List.of(json, csv, table)) {
            assertThat(r.out() + r.err()).doesNotContain(RESIDENT_NAME).doesNotContain("R1,")
                    .doesNotContain("\"R1\"").doesNotContain("窓口 一郎").doesNotContain(CLERK_PASSPHRASE);
        }
    }

    @Test
    void aClerkCannotSeeAnothersFiguresAndAnAdministratorCan() throws Exception {
        storeWithVisits(3);
        Run refused = report(CLERK_PASSPHRASE, "--clerk", "clerk1", "--all-clerks", "--json");
        assertThat(refused.code()).isEqualTo(1);
        assertThat(refused.err()).contains("(STORE-006)");
        assertThat(refused.out()).isEmpty();
        Run other = report(CLERK_PASSPHRASE, "--clerk", "clerk1", "--of", "admin");
        assertThat(other.code()).isEqualTo(1);

        Run all = report(ADMIN_PASSPHRASE, "--clerk", "admin", "--all-clerks", "--json");
        assertThat(all.code()).as(all.err()).isZero();
        JsonNode root = new ObjectMapper().readTree(all.out());
        assertThat(root.get("scope").asText()).isEqualTo("all");
        assertThat(root.get("visits").asInt()).isEqualTo(3);
        Run ofClerk = report(ADMIN_PASSPHRASE, "--clerk", "admin", "--of", "clerk1", "--csv");
        assertThat(ofClerk.code()).as(ofClerk.err()).isZero();
        assertThat(ofClerk.out()).contains(",clerk,tennyu,3,2,0.6667,identify,3,2000,2800");
        Run own = report(ADMIN_PASSPHRASE, "--clerk", "admin", "--json");
        assertThat(new ObjectMapper().readTree(own.out()).get("visits").asInt()).isZero();
    }

    @Test
    void wrongOptionsAreUsageErrors() {
        storeWithVisits(0);
        assertThat(report(CLERK_PASSPHRASE, "--clerk", "clerk1", "--json", "--csv").code()).isEqualTo(Main.USAGE);
        assertThat(report(CLERK_PASSPHRASE, "--clerk", "clerk1", "--from", "2026-12-02", "--to", "2026-12-01").code())
                .isEqualTo(Main.USAGE);
        assertThat(report(CLERK_PASSPHRASE, "--clerk", "clerk1", "--from", "1.12.2026").code()).isEqualTo(Main.USAGE);
        assertThat(report(CLERK_PASSPHRASE, "--clerk", "clerk1", "--of", "admin", "--all-clerks").code())
                .isEqualTo(Main.USAGE);
        Run wrong = report("not the passphrase", "--clerk", "clerk1");
        assertThat(wrong.code()).isEqualTo(1);
        assertThat(wrong.err()).contains("(STORE-005)");
    }

    private static Set<String> keys(JsonNode node) {
        Set<String> out = new TreeSet<>();
        if (node.isObject()) {
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                out.add(name);
                out.addAll(keys(node.get(name)));
            }
        } else if (node.isArray()) {
            node.forEach(child -> out.addAll(keys(child)));
        }
        return out;
    }
}
