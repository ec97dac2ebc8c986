package dev.madoguchi.app.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.madoguchi.store.cases.HandlingTimeReport;
import dev.madoguchi.store.cases.HandlingTimeReport.LifeEventFigures;
import dev.madoguchi.store.cases.HandlingTimeReport.StepFigures;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Locale;

/**
 * A {@link HandlingTimeReport} as JSON, CSV or a plain text table (docs/howto/read-handling-times.md). The field names
 * are stable; no field can hold personal data: dates, the time zone, whether one clerk's or every clerk's visits,
 * life-event and step ids, counts, shares and milliseconds. The clerk's id is not written either.
 */
public final class HandlingTimeExport {

    /** The CSV header, one row per life event and step. */
    public static final String CSV_HEADER = "from,to,zone,scope,life_event,visits,without_manual_entry,"
            + "share_without_manual_entry,step,count,median_ms,p90_ms";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private HandlingTimeExport() {
    }

    /** {@code clerk} for one clerk's visits, {@code all} for every clerk's. */
    public static String scope(HandlingTimeReport report) {
        return report.clerkId() == null ? "all" : "clerk";
    }

    /** The share as a number with at most four decimals (0.75, 0.6667). */
    public static BigDecimal share(LifeEventFigures event) {
        return event.visits() == 0 ? BigDecimal.ZERO
                : BigDecimal.valueOf(event.withoutManualEntry()).divide(BigDecimal.valueOf(event.visits()), 4,
                        RoundingMode.HALF_UP).stripTrailingZeros();
    }

    public static String json(HandlingTimeReport report) {
        ObjectNode root = JSON.createObjectNode();
        root.put("report", "handling-times");
        root.put("from", report.from().toString());
        root.put("to", report.to().toString());
        root.put("zone", report.zone().getId());
        root.put("scope", scope(report));
        root.put("visits", report.visits());
        root.put("withoutManualEntry", report.visitsWithoutManualEntry());
        ArrayNode events = root.putArray("lifeEvents");
        for (LifeEventFigures event : report.lifeEvents()) {
            ObjectNode e = events.addObject();
            e.put("lifeEvent", event.lifeEvent());
            e.put("visits", event.visits());
            e.put("withoutManualEntry", event.withoutManualEntry());
            e.put("shareWithoutManualEntry", share(event));
            ArrayNode steps = e.putArray("steps");
            for (StepFigures step : event.steps()) {
                ObjectNode s = steps.addObject();
                s.put("step", step.step());
                s.put("count", step.count());
                s.put("medianMs", step.median().toMillis());
                s.put("p90Ms", step.p90().toMillis());
            }
        }
        try {
            return JSON.writeValueAsString(root) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** RFC 4180 lines (CRLF); ids only, so no field needs quoting. */
    public static String csv(HandlingTimeReport report) {
        StringBuilder out = new StringBuilder(CSV_HEADER).append("\r\n");
        for (LifeEventFigures event : report.lifeEvents()) {
            for (StepFigures step : event.steps()) {
                out.append(String.join(",", report.from().toString(), report.to().toString(), report.zone().getId(),
                        scope(report), event.lifeEvent(), Integer.toString(event.visits()),
                        Integer.toString(event.withoutManualEntry()), share(event).toPlainString(), step.step(),
                        Integer.toString(step.count()), Long.toString(step.median().toMillis()),
                        Long.toString(step.p90().toMillis()))).append("\r\n");
            }
        }
        return out.toString();
    }

    /** A table for a person at a terminal (English, like the other commands' output). */
    public static String table(HandlingTimeReport report) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Handling times of %s, %s to %s (%s): %d visits, %d without manual entry%n",
                report.clerkId() == null ? "every clerk" : "clerk " + report.clerkId(), report.from(), report.to(),
                report.zone().getId(), report.visits(), report.visitsWithoutManualEntry()));
        if (report.lifeEvents().isEmpty()) {
            out.append("No visits in this range.").append(System.lineSeparator());
            return out.toString();
        }
        int eventWidth = Math.max("life event".length(),
                report.lifeEvents().stream().mapToInt(e -> e.lifeEvent().length()).max().orElse(0));
        int stepWidth = Math.max("step".length(), report.lifeEvents().stream()
                .flatMap(e -> e.steps().stream()).mapToInt(s -> s.step().length()).max().orElse(0));
        String row = "%-" + eventWidth + "s  %-" + stepWidth + "s  %6s  %9s  %9s%n";
        out.append(System.lineSeparator());
        out.append(String.format(Locale.ROOT, row, "life event", "step", "count", "median", "p90"));
        for (LifeEventFigures event : report.lifeEvents()) {
            for (StepFigures step : event.steps()) {
                out.append(String.format(Locale.ROOT, row, event.lifeEvent(), step.step(), step.count(),
                        minutes(step.median()), minutes(step.p90())));
            }
        }
        out.append(System.lineSeparator());
        for (LifeEventFigures event : report.lifeEvents()) {
            out.append(String.format(Locale.ROOT, "%s: %d visits, %d without manual entry (%.1f %%)%n",
                    event.lifeEvent(), event.visits(), event.withoutManualEntry(),
                    event.shareWithoutManualEntry() * 100));
        }
        out.append("Median and p90: linear interpolation between the closest ranks (as PERCENTILE.INC).")
                .append(System.lineSeparator());
        return out.toString();
    }

    /** {@code m:ss.s}, tenths of a second rounded half up: 0:10.5, 1:10.5, 75:00.0. */
    public static String minutes(Duration duration) {
        long tenths = (duration.toMillis() + 50) / 100;
        return String.format(Locale.ROOT, "%d:%02d.%d", tenths / 600, tenths / 10 % 60, tenths % 10);
    }
}
