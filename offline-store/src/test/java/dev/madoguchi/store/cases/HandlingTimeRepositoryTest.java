package dev.madoguchi.store.cases;

import static dev.madoguchi.store.TestStores.ADMIN;
import static dev.madoguchi.store.TestStores.ADMIN_PASSPHRASE;
import static dev.madoguchi.store.TestStores.CLERK;
import static dev.madoguchi.store.TestStores.CLERK_PASSPHRASE;
import static dev.madoguchi.store.TestStores.SHELTER;
import static dev.madoguchi.store.TestStores.SHELTER_PASSPHRASE;
import static dev.madoguchi.store.TestStores.VOLUNTEER;
import static dev.madoguchi.store.TestStores.VOLUNTEER_PASSPHRASE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.madoguchi.domain.testing.MovableClock;
import dev.madoguchi.store.LocalStore;
import dev.madoguchi.store.error.StoreError;
import dev.madoguchi.store.error.StoreException;
import dev.madoguchi.store.TestStores;
import dev.madoguchi.store.cases.HandlingTimeReport.LifeEventFigures;
import dev.madoguchi.store.cases.HandlingTimeReport.StepFigures;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Handling times stored with their cases on a real encrypted H2 store, and the report's figures checked exactly:
 * 20 visits whose steps are timed on a movable clock, as the counter times them.
 */
class HandlingTimeRepositoryTest {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final LocalDate DAY1 = LocalDate.of(2026, 12, 1);
    private static final LocalDate DAY2 = LocalDate.of(2026, 12, 2);

    @TempDir
    Path dir;

    private final MovableClock clock = new MovableClock(DAY1.atTime(8, 30).atZone(TOKYO).toInstant(), TOKYO);

    /** Times one visit on the clock: each step advances it; the case is opened at the end. */
    private UUID visit(LocalStore store, String lifeEvent, boolean manual, long... stepSeconds) {
        Instant started = clock.instant();
        List<StepDuration> steps = new ArrayList<>();
        String[] ids = {"identify", "match", "plan", "forms", "print"};
        for (int i = 0; i < stepSeconds.length; i++) {
            if (stepSeconds[i] >= 0) {
                Instant before = clock.instant();
                clock.advance(Duration.ofSeconds(stepSeconds[i]));
                steps.add(new StepDuration(ids[i], Duration.between(before, clock.instant())));
            }
        }
        UUID id = store.cases().open("R1", lifeEvent, "{}", null, List.of("jumin-ido"), null,
                new HandlingTime(started, steps, manual));
        clock.advance(Duration.ofMinutes(3)); // the next resident comes up
        return id;
    }

    /**
     * The clerk's 20 転入 visits: visit i (1..20) spends i s identifying, 60 s planning; visits 1..5 also spend
     * (6 − i) s matching; every fourth visit was entered by hand. Half on each day, in an order that is not sorted.
     * Plus one 転出 visit, two visits of the administrator and two visits just outside the range.
     */
    private void twentyVisits() {
        TestStores.createWithClerks(dir, TestStores.options(clock)).close();
        try (LocalStore store = LocalStore.open(dir, CLERK, CLERK_PASSPHRASE, TestStores.options(clock))) {
            clock.set(DAY1.minusDays(1).atTime(23, 59).atZone(TOKYO).toInstant());
            visit(store, "tennyu", false, 500, -1, 500); // the evening before: outside the range
            clock.set(DAY1.atTime(9, 0).atZone(TOKYO).toInstant());
            int[] order = {7, 3, 20, 1, 12, 5, 18, 9, 2, 15, 11, 4, 19, 6, 14, 10, 17, 8, 13, 16};
            for (int n = 0; n < order.length; n++) {
                if (n == 10) {
                    clock.set(DAY2.atTime(9, 0).atZone(TOKYO).toInstant());
                }
                int i = order[n];
                visit(store, "tennyu", i % 4 == 0, i, i <= 5 ? 6 - i : -1, 60);
            }
            visit(store, "tenshutsu", true, 7, 2, 30, 40, 50);
            clock.set(DAY2.plusDays(1).atStartOfDay(TOKYO).toInstant());
            visit(store, "tennyu", false, 900, -1, 900); // the next morning: outside the range
        }
        try (LocalStore store = LocalStore.open(dir, ADMIN, ADMIN_PASSPHRASE, TestStores.options(clock))) {
            clock.set(DAY2.atTime(11, 0).atZone(TOKYO).toInstant());
            visit(store, "tennyu", false, 100, -1, 100);
            visit(store, "tennyu", false, 200, -1, 200);
        }
    }

    private static void steps(LifeEventFigures event, String step, int count, long medianMs, long p90Ms) {
        StepFigures figures = event.step(step).orElseThrow(() -> new AssertionError("no " + step));
        assertThat(figures.count()).as(step + " count").isEqualTo(count);
        assertThat(figures.median()).as(step + " median").isEqualTo(Duration.ofMillis(medianMs));
        assertThat(figures.p90()).as(step + " p90").isEqualTo(Duration.ofMillis(p90Ms));
    }

    @Test
    void aClerksFiguresAreTheMediansAndNinetiethPercentilesOfTheirVisitsInTheRange() {
        twentyVisits();
        try (LocalStore store = LocalStore.open(dir, CLERK, CLERK_PASSPHRASE, TestStores.options(clock))) {
            HandlingTimeReport report = store.handlingTimes().mine(DAY1, DAY2, TOKYO);

            assertThat(report.clerkId()).isEqualTo(CLERK);
            assertThat(report.lifeEvents()).extracting(LifeEventFigures::lifeEvent).containsExactly("tennyu", "tenshutsu");
            assertThat(report.visits()).isEqualTo(21);
            LifeEventFigures tennyu = report.lifeEvent("tennyu").orElseThrow();
            assertThat(tennyu.visits()).isEqualTo(20);
            assertThat(tennyu.withoutManualEntry()).isEqualTo(15);
            assertThat(tennyu.shareWithoutManualEntry()).isEqualTo(0.75);
            assertThat(tennyu.steps()).extracting(StepFigures::step).containsExactly("identify", "match", "plan", "total");
            // 1 … 20 s: h = 19 · 0.5 = 9.5 → 10.5 s; h = 19 · 0.9 = 17.1 → 18 s + 0.1 s
            steps(tennyu, "identify", 20, 10_500, 18_100);
            // 1 … 5 s: the third value; h = 4 · 0.9 = 3.6 → 4 s + 0.6 s
            steps(tennyu, "match", 5, 3_000, 4_600);
            steps(tennyu, "plan", 20, 60_000, 60_000);
            // totals: 66 s six times (visits 1 … 6), then 67 … 80 s: x[9] = 70 s, x[10] = 71 s; x[17] = 78 s
            steps(tennyu, "total", 20, 70_500, 78_100);

            LifeEventFigures tenshutsu = report.lifeEvent("tenshutsu").orElseThrow();
            assertThat(tenshutsu.visits()).isEqualTo(1);
            assertThat(tenshutsu.withoutManualEntry()).isZero();
            assertThat(tenshutsu.steps()).extracting(StepFigures::step)
                    .containsExactly("identify", "match", "plan", "forms", "print", "total");
            steps(tenshutsu, "print", 1, 50_000, 50_000);
            steps(tenshutsu, "total", 1, 129_000, 129_000);

            // one day only: the ten visits of the first day (visits 7, 3, 20, 1, 12, 5, 18, 9, 2, 15)
            LifeEventFigures firstDay = store.handlingTimes().mine(DAY1, DAY1, TOKYO).lifeEvent("tennyu").orElseThrow();
            assertThat(firstDay.visits()).isEqualTo(10);
            // 1 2 3 5 7 9 12 15 18 20: median (7 + 9) / 2; h = 8.1 → 18 + 0.1 · 2
            steps(firstDay, "identify", 10, 8_000, 18_200);
        }
    }

    @Test
    void aClerkSeesOnlyTheirOwnFiguresAndAnAdministratorEveryones() {
        twentyVisits();
        try (LocalStore store = LocalStore.open(dir, CLERK, CLERK_PASSPHRASE, TestStores.options(clock))) {
            refused(() -> store.handlingTimes().forClerk(ADMIN, DAY1, DAY2, TOKYO));
            refused(() -> store.handlingTimes().forAllClerks(DAY1, DAY2, TOKYO));
            assertThat(store.handlingTimes().forClerk(CLERK, DAY1, DAY2, TOKYO).visits()).isEqualTo(21);
        }
        try (LocalStore store = LocalStore.open(dir, ADMIN, ADMIN_PASSPHRASE, TestStores.options(clock))) {
            HandlingTimeReport clerks = store.handlingTimes().forClerk(CLERK, DAY1, DAY2, TOKYO);
            assertThat(clerks.visits()).isEqualTo(21);
            steps(clerks.lifeEvent("tennyu").orElseThrow(), "identify", 20, 10_500, 18_100);
            assertThat(store.handlingTimes().mine(DAY1, DAY2, TOKYO).visits()).isEqualTo(2);

            HandlingTimeReport all = store.handlingTimes().forAllClerks(DAY1, DAY2, TOKYO);
            assertThat(all.clerkId()).isNull();
            assertThat(all.visits()).isEqualTo(23);
            LifeEventFigures tennyu = all.lifeEvent("tennyu").orElseThrow();
            assertThat(tennyu.withoutManualEntry()).isEqualTo(17);
            // 1 … 20 s and 100 s, 200 s: h = 21 · 0.5 = 10.5 → 11.5 s; h = 18.9 → 19 s + 0.9 s
            steps(tennyu, "identify", 22, 11_500, 19_900);
        }
        try (LocalStore store = LocalStore.open(dir, SHELTER, SHELTER_PASSPHRASE, TestStores.options(clock))) {
            refused(() -> store.handlingTimes().mine(DAY1, DAY2, TOKYO));
        }
        try (LocalStore store = LocalStore.open(dir, VOLUNTEER, VOLUNTEER_PASSPHRASE, TestStores.options(clock))) {
            refused(() -> store.handlingTimes().mine(DAY1, DAY2, TOKYO));
            refused(() -> store.handlingTimes().forClerk(CLERK, DAY1, DAY2, TOKYO));
        }
    }

    @Test
    void anEmptyRangeHasNoLifeEventsAndZeroVisits() {
        TestStores.createWithClerks(dir, TestStores.options(clock)).close();
        try (LocalStore store = LocalStore.open(dir, CLERK, CLERK_PASSPHRASE, TestStores.options(clock))) {
            store.cases().open("R1", "tennyu", "{}", null); // a case without a handling time is not counted
            HandlingTimeReport report = store.handlingTimes().mine(DAY1, DAY2, TOKYO);
            assertThat(report.lifeEvents()).isEmpty();
            assertThat(report.visits()).isZero();
            assertThatThrownBy(() -> store.handlingTimes().mine(DAY2, DAY1, TOKYO))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void theTimesAreStoredWithTheCaseInColumnsThatHoldNothingPersonal() throws Exception {
        TestStores.createWithClerks(dir, TestStores.options(clock)).close();
        UUID withTimes;
        UUID without;
        try (LocalStore store = LocalStore.open(dir, CLERK, CLERK_PASSPHRASE, TestStores.options(clock))) {
            withTimes = visit(store, "tennyu", true, 12, 3, 45, 67, 8);
            without = store.cases().open("R000002", "tennyu", "{\"name\":\"𠮷田太郎\"}", null, List.of(), null);
            try (Connection c = TestStores.raw(store); Statement s = c.createStatement()) {
                Set<String> columns = new TreeSet<>();
                try (ResultSet rs = s.executeQuery("SELECT table_name, column_name FROM information_schema.columns "
                        + "WHERE table_name IN ('CASE_HANDLING_TIME', 'CASE_STEP_TIME')")) {
                    while (rs.next()) {
                        columns.add(rs.getString(1) + "." + rs.getString(2));
                    }
                }
                assertThat(columns).containsExactlyInAnyOrder("CASE_HANDLING_TIME.CASE_ID",
                        "CASE_HANDLING_TIME.CLERK_ID", "CASE_HANDLING_TIME.LIFE_EVENT",
                        "CASE_HANDLING_TIME.STARTED_AT", "CASE_HANDLING_TIME.MANUAL_ENTRY", "CASE_STEP_TIME.CASE_ID",
                        "CASE_STEP_TIME.STEP", "CASE_STEP_TIME.DURATION_MS");
                try (ResultSet rs = s.executeQuery("SELECT case_id, clerk_id, life_event, manual_entry "
                        + "FROM case_handling_time")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getObject(1, UUID.class)).isEqualTo(withTimes);
                    assertThat(rs.getString(2)).isEqualTo(CLERK);
                    assertThat(rs.getString(3)).isEqualTo("tennyu");
                    assertThat(rs.getBoolean(4)).isTrue();
                    assertThat(rs.next()).as("the case opened without times has none").isFalse();
                }
                try (ResultSet rs = s.executeQuery("SELECT step, duration_ms FROM case_step_time ORDER BY step")) {
                    List<String> rows = new ArrayList<>();
                    while (rs.next()) {
                        rows.add(rs.getString(1) + "=" + rs.getLong(2));
                    }
                    assertThat(rows).containsExactly("forms=67000", "identify=12000", "match=3000", "plan=45000",
                            "print=8000");
                }
            }
            assertThat(store.cases().find(without)).isPresent();
        }
    }

    @Test
    void whenTheTimesCannotBeWrittenNeitherIsTheCaseNorItsOutboxMessage() throws Exception {
        TestStores.createWithClerks(dir, TestStores.options(clock)).close();
        try (LocalStore store = LocalStore.open(dir, CLERK, CLERK_PASSPHRASE, TestStores.options(clock))) {
            try (Connection c = TestStores.raw(store); Statement s = c.createStatement()) {
                // a rule the store does not have, so that the step rows fail after the case row was written
                s.executeUpdate("ALTER TABLE case_step_time ADD CONSTRAINT test_short CHECK (duration_ms < 1000)");
            }
            assertThatThrownBy(() -> visit(store, "tennyu", false, 5)).isInstanceOf(StoreException.class);
            try (Connection c = TestStores.raw(store); Statement s = c.createStatement()) {
                for (String table : List.of("counter_case", "case_handling_time", "case_step_time", "outbox")) {
                    try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
                        assertThat(rs.next()).isTrue();
                        assertThat(rs.getLong(1)).as(table).isZero();
                    }
                }
            }
        }
    }

    @Test
    void stepsAreIdsFromAFixedVocabularyAndAStepTakenTwiceIsSummed() {
        Instant t = Instant.parse("2026-12-01T00:00:00Z");
        assertThatThrownBy(() -> new StepDuration(" ", Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StepDuration("山田太郎", Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("山田");
        assertThatThrownBy(() -> new StepDuration("total", Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StepDuration("plan", Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HandlingTime(t, List.of(), false)).isInstanceOf(IllegalArgumentException.class);

        HandlingTime back = new HandlingTime(t, List.of(new StepDuration("identify", Duration.ofSeconds(5)),
                new StepDuration("plan", Duration.ofSeconds(20)), new StepDuration("identify", Duration.ofSeconds(7))),
                false);
        assertThat(back.steps()).containsExactly(new StepDuration("identify", Duration.ofSeconds(12)),
                new StepDuration("plan", Duration.ofSeconds(20)));
        assertThat(back.total()).isEqualTo(Duration.ofSeconds(32));
        assertThat(StepDuration.STEPS).containsExactly("identify", "match", "plan", "forms", "print");
    }

    private static void refused(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(StoreException.class,
                e -> assertThat(e.error()).isEqualTo(StoreError.NOT_PERMITTED));
    }
}
