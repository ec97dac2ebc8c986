package dev.madoguchi.store.cases;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How long one step of a counter visit took (docs/adr/0018). The step is an id from a fixed vocabulary — lower-case
 * letters, digits and hyphens, at most 40 — so that nothing a person typed can end up in the figures.
 *
 * @param step one of {@link #STEPS} (other ids of the same form are kept and reported after them)
 * @param duration zero or more; stored to the millisecond
 */
public record StepDuration(String step, Duration duration) {

    /** Reading the card, the PIN, the 照合番号B or entering the identity by hand. */
    public static final String IDENTIFY = "identify";
    /** Matching the identity against the register copy. */
    public static final String MATCH = "match";
    /** Choosing the life event, the interview and the procedures. */
    public static final String PLAN = "plan";
    /** Filling and checking the forms, with their preview. */
    public static final String FORMS = "forms";
    /** Printing and storing the case. */
    public static final String PRINT = "print";
    /** The counter's steps in the order a visit goes through them; reports list steps in this order. */
    public static final List<String> STEPS = List.of(IDENTIFY, MATCH, PLAN, FORMS, PRINT);

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{0,39}");

    public StepDuration {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(duration, "duration");
        if (step.isBlank()) {
            throw new IllegalArgumentException("a step id is not blank");
        }
        if (!ID.matcher(step).matches()) {
            throw new IllegalArgumentException("a step id is lower-case letters, digits and hyphens, at most 40: "
                    + step.length() + " characters given");
        }
        if (HandlingTimeReport.TOTAL.equals(step)) {
            throw new IllegalArgumentException("'" + HandlingTimeReport.TOTAL + "' is the report's sum of the steps");
        }
        if (duration.isNegative()) {
            throw new IllegalArgumentException("a step's duration is zero or more");
        }
    }
}
