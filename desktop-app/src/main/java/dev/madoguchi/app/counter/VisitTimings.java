package dev.madoguchi.app.counter;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a stored case carries about how long its visit took (handling-time figures): when the visit started (wall
 * clock), its life event, whether the identity was typed by hand, and each step's timings — counts and durations,
 * never a name or a number of the resident.
 *
 * @param startedAt when the visit started (the first step), wall clock
 * @param lifeEvent the life event's id (e.g. {@code tennyu}), or null when none was chosen
 * @param manualEntry whether the clerk typed the identity (no card, or it could not be read)
 * @param steps the ended steps in order ({@link StepTiming}); a step gone through twice appears twice
 */
public record VisitTimings(Instant startedAt, String lifeEvent, boolean manualEntry, List<StepTiming> steps) {

    public VisitTimings {
        steps = List.copyOf(steps);
    }

    /** The total time per step id, in the order the steps were first reached. */
    public Map<String, Duration> perStep() {
        Map<String, Duration> total = new LinkedHashMap<>();
        for (StepTiming t : steps) {
            total.merge(t.step(), t.duration(), Duration::plus);
        }
        return total;
    }
}
