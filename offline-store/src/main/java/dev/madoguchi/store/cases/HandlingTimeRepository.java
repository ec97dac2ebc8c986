package dev.madoguchi.store.cases;

import dev.madoguchi.store.base.StoreContext;
import dev.madoguchi.store.clerks.Capability;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Handling-time figures of counter visits (docs/adr/0018). The times are written with the case
 * ({@link CaseRepository#open(String, String, String, dev.madoguchi.domain.MyNumber, List, UUID, HandlingTime)});
 * this repository reports them as counts, medians and 90th percentiles ({@link HandlingTimeReport}).
 *
 * <p>Who sees what, checked here below the UI: a clerk who works at the counter ({@link Capability#WRITE_CASES}) sees
 * their own figures; another clerk's, or every clerk's, need {@link Capability#READ_ALL_HANDLING_TIMES}
 * (administrators).
 */
public final class HandlingTimeRepository {

    private final StoreContext context;

    public HandlingTimeRepository(StoreContext context) {
        this.context = context;
    }

    /**
     * The figures of one clerk's visits that started from {@code from} to {@code to}, both days inclusive, in
     * {@code zone}.
     *
     * @throws dev.madoguchi.store.error.StoreException {@code NOT_PERMITTED} for another clerk's figures without
     *     {@link Capability#READ_ALL_HANDLING_TIMES}
     */
    public HandlingTimeReport forClerk(String clerkId, LocalDate from, LocalDate to, ZoneId zone) {
        Objects.requireNonNull(clerkId, "clerkId");
        if (clerkId.equals(context.clerk().clerkId())) {
            context.require(Capability.WRITE_CASES);
        } else {
            context.require(Capability.READ_ALL_HANDLING_TIMES);
        }
        return report(clerkId, from, to, zone);
    }

    /** The figures of the signed-in clerk's own visits; see {@link #forClerk}. */
    public HandlingTimeReport mine(LocalDate from, LocalDate to, ZoneId zone) {
        return forClerk(context.clerk().clerkId(), from, to, zone);
    }

    /** The figures of every clerk's visits; {@link Capability#READ_ALL_HANDLING_TIMES} only. */
    public HandlingTimeReport forAllClerks(LocalDate from, LocalDate to, ZoneId zone) {
        context.require(Capability.READ_ALL_HANDLING_TIMES);
        return report(null, from, to, zone);
    }

    /** Writes a visit's handling time inside the transaction that opens its case. */
    static void insertIn(Connection c, UUID caseId, String clerkId, String lifeEvent, HandlingTime time)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO case_handling_time (case_id, clerk_id, life_event, "
                + "started_at, manual_entry) VALUES (?, ?, ?, ?, ?)")) {
            s.setObject(1, caseId);
            s.setString(2, clerkId);
            s.setString(3, lifeEvent);
            s.setObject(4, time.startedAt().atOffset(ZoneOffset.UTC));
            s.setBoolean(5, time.manualEntry());
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO case_step_time (case_id, step, duration_ms) VALUES (?, ?, ?)")) {
            for (StepDuration step : time.steps()) {
                s.setObject(1, caseId);
                s.setString(2, step.step());
                s.setLong(3, step.duration().toMillis());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /** One visit as read back: its life event, manual entry and step → milliseconds. */
    private record Visit(String lifeEvent, boolean manualEntry, Map<String, Long> steps) {}

    private HandlingTimeReport report(String clerkId, LocalDate from, LocalDate to, ZoneId zone) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(zone, "zone");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the range ends before it starts");
        }
        OffsetDateTime start = from.atStartOfDay(zone).toOffsetDateTime();
        OffsetDateTime end = to.plusDays(1).atStartOfDay(zone).toOffsetDateTime();
        Map<UUID, Visit> visits = context.inTransaction("report handling times", c -> {
            Map<UUID, Visit> read = new LinkedHashMap<>();
            try (PreparedStatement s = c.prepareStatement("SELECT h.case_id, h.life_event, h.manual_entry, s.step, "
                    + "s.duration_ms FROM case_handling_time h JOIN case_step_time s ON s.case_id = h.case_id "
                    + "WHERE h.started_at >= ? AND h.started_at < ?" + (clerkId == null ? "" : " AND h.clerk_id = ?"))) {
                s.setObject(1, start);
                s.setObject(2, end);
                if (clerkId != null) {
                    s.setString(3, clerkId);
                }
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        UUID id = rs.getObject(1, UUID.class);
                        Visit v = read.get(id);
                        if (v == null) {
                            v = new Visit(rs.getString(2), rs.getBoolean(3), new LinkedHashMap<>());
                            read.put(id, v);
                        }
                        v.steps().put(rs.getString(4), rs.getLong(5));
                    }
                }
            }
            return read;
        });
        Map<String, List<Visit>> byEvent = new TreeMap<>();
        visits.values().forEach(v -> byEvent.computeIfAbsent(v.lifeEvent(), e -> new ArrayList<>()).add(v));
        List<HandlingTimeReport.LifeEventFigures> figures = new ArrayList<>();
        byEvent.forEach((event, list) -> figures.add(figures(event, list)));
        return new HandlingTimeReport(clerkId, from, to, zone, figures);
    }

    private static HandlingTimeReport.LifeEventFigures figures(String event, List<Visit> visits) {
        Map<String, List<Long>> bySteps = new TreeMap<>(Comparator.comparingInt(HandlingTimeRepository::order)
                .thenComparing(Comparator.naturalOrder()));
        long[] totals = new long[visits.size()];
        int withoutManualEntry = 0;
        for (int i = 0; i < visits.size(); i++) {
            Visit v = visits.get(i);
            withoutManualEntry += v.manualEntry() ? 0 : 1;
            for (Map.Entry<String, Long> step : v.steps().entrySet()) {
                bySteps.computeIfAbsent(step.getKey(), k -> new ArrayList<>()).add(step.getValue());
                totals[i] += step.getValue();
            }
        }
        List<HandlingTimeReport.StepFigures> steps = new ArrayList<>();
        bySteps.forEach((step, millis) -> steps.add(step(step, millis.stream().mapToLong(Long::longValue).toArray())));
        steps.add(step(HandlingTimeReport.TOTAL, totals));
        return new HandlingTimeReport.LifeEventFigures(event, visits.size(), withoutManualEntry, steps);
    }

    private static HandlingTimeReport.StepFigures step(String step, long[] millis) {
        Arrays.sort(millis);
        return new HandlingTimeReport.StepFigures(step, millis.length, Percentiles.of(millis, 50),
                Percentiles.of(millis, 90));
    }

    /** The counter's steps first, in their order; any other id after them. */
    private static int order(String step) {
        int i = StepDuration.STEPS.indexOf(step);
        return i < 0 ? StepDuration.STEPS.size() : i;
    }
}
