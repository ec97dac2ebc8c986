package dev.madoguchi.store.cases;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How long a counter visit took, stored with its case ({@link CaseRepository#open(String, String, String,
 * dev.madoguchi.domain.MyNumber, List, java.util.UUID, HandlingTime)}, docs/adr/0018). Durations come from a monotonic
 * clock; {@code startedAt} (wall clock) only places the visit in a day of the report.
 *
 * <p>A step that appears more than once (the clerk went back to it) is summed into one, at its first place.
 *
 * @param startedAt when the visit began (the report's date range filters on it)
 * @param steps at least one
 * @param manualEntry true when the identity was entered by hand instead of read from a card
 */
public record HandlingTime(Instant startedAt, List<StepDuration> steps, boolean manualEntry) {

    public HandlingTime {
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(steps, "steps");
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a visit's handling time has at least one step");
        }
        Map<String, Duration> merged = new LinkedHashMap<>();
        for (StepDuration s : steps) {
            Objects.requireNonNull(s, "step");
            merged.merge(s.step(), s.duration(), Duration::plus);
        }
        List<StepDuration> out = new ArrayList<>(merged.size());
        merged.forEach((step, duration) -> out.add(new StepDuration(step, duration)));
        steps = List.copyOf(out);
    }

    /** The whole visit: the sum of its steps. */
    public Duration total() {
        return steps.stream().map(StepDuration::duration).reduce(Duration.ZERO, Duration::plus);
    }
}
