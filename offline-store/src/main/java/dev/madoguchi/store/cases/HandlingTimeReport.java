package dev.madoguchi.store.cases;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Handling-time figures of a date range (docs/adr/0018): per life event the visits, how many of them were finished
 * without manual entry, and per step — plus {@link #TOTAL}, the sum of a visit's steps — the count, the median and the
 * 90th percentile ({@link Percentiles}). Counts and durations only: no name, no resident, no case id.
 *
 * @param clerkId whose visits, or null for every clerk's
 * @param from first day, inclusive, in {@code zone}
 * @param to last day, inclusive, in {@code zone}
 * @param lifeEvents ordered by the life event's id; a life event without visits in the range is absent
 */
public record HandlingTimeReport(String clerkId, LocalDate from, LocalDate to, ZoneId zone,
        List<LifeEventFigures> lifeEvents) {

    /** The step id of a visit's whole time (the sum of its steps), listed after the steps. */
    public static final String TOTAL = "total";

    public HandlingTimeReport {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(zone, "zone");
        lifeEvents = List.copyOf(lifeEvents);
    }

    /** Visits of every life event in the range. */
    public int visits() {
        return lifeEvents.stream().mapToInt(LifeEventFigures::visits).sum();
    }

    /** Visits of every life event finished without manual entry. */
    public int visitsWithoutManualEntry() {
        return lifeEvents.stream().mapToInt(LifeEventFigures::withoutManualEntry).sum();
    }

    /** The figures of one life event, if it had visits. */
    public Optional<LifeEventFigures> lifeEvent(String id) {
        return lifeEvents.stream().filter(e -> e.lifeEvent().equals(id)).findFirst();
    }

    /**
     * One life event's figures.
     *
     * @param steps the counter's steps in {@link StepDuration#STEPS} order (then other ids alphabetically), each only
     *     when some visit went through it, and {@link #TOTAL} last
     */
    public record LifeEventFigures(String lifeEvent, int visits, int withoutManualEntry, List<StepFigures> steps) {

        public LifeEventFigures {
            Objects.requireNonNull(lifeEvent, "lifeEvent");
            steps = List.copyOf(steps);
        }

        /** The share of visits finished without manual entry, 0 to 1 (0 without visits). */
        public double shareWithoutManualEntry() {
            return visits == 0 ? 0 : (double) withoutManualEntry / visits;
        }

        /** One step's figures (or {@link #TOTAL}'s), if a visit went through it. */
        public Optional<StepFigures> step(String id) {
            return steps.stream().filter(s -> s.step().equals(id)).findFirst();
        }
    }

    /**
     * One step's figures over the visits that went through it.
     *
     * @param median the 50th percentile, {@link Percentiles#of}
     * @param p90 the 90th percentile, {@link Percentiles#of}
     */
    public record StepFigures(String step, int count, Duration median, Duration p90) {
    }
}
