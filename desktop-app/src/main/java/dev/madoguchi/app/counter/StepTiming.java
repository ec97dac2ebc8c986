package dev.madoguchi.app.counter;

import java.time.Duration;
import java.util.Objects;

/**
 * When one step of a visit started and ended, on a monotonic clock (nanoseconds, like {@link System#nanoTime()}): a
 * duration and nothing personal. The step is one of the stable ids {@link #IDENTIFY}, {@link #MATCH}, {@link #PLAN},
 * {@link #FORMS}, {@link #PRINT}; a step gone through twice (the clerk went back) has two timings.
 *
 * @param endNanos {@link #RUNNING} while the step is the current one
 */
public record StepTiming(String step, long startNanos, long endNanos) {

    /** Card, PIN, 照合番号B or manual entry, and the register search. */
    public static final String IDENTIFY = "identify";
    /** The register's candidates until the clerk confirms one or none. */
    public static final String MATCH = "match";
    /** Life event, interview questions, proposed procedures and interview values. */
    public static final String PLAN = "plan";
    /** Filled forms, the clerk's corrections and the preview. */
    public static final String FORMS = "forms";
    /** Printing and storing the case. */
    public static final String PRINT = "print";

    /** The end of a step that has not ended yet. */
    public static final long RUNNING = Long.MIN_VALUE;

    public StepTiming {
        Objects.requireNonNull(step, "step");
    }

    /** Whether the step is still the current one. */
    public boolean running() {
        return endNanos == RUNNING;
    }

    /** How long the step took; zero while it runs. */
    public Duration duration() {
        return running() ? Duration.ZERO : Duration.ofNanos(Math.max(0, endNanos - startNanos));
    }

    /** The same timing, ended at {@code nanos}. */
    public StepTiming endedAt(long nanos) {
        return new StepTiming(step, startNanos, nanos);
    }

    /** The timing step a visit's state belongs to, or null for waiting and done. */
    public static String of(VisitStep at) {
        return switch (at) {
            case PIN_ENTRY, PIN_BLOCKED, COLLATION_NUMBER_ENTRY, MANUAL_ENTRY, READING, RESIDENCE_CARD_NUMBER_ENTRY,
                    CARD_SIDE_CHOICE -> IDENTIFY;
            case CANDIDATES -> MATCH;
            case LIFE_EVENT, PROCEDURES -> PLAN;
            case FORMS, PREVIEW -> FORMS;
            case PRINTING, PRINTED -> PRINT;
            case WAITING_FOR_CARD, DONE -> null;
        };
    }
}
