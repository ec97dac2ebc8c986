package dev.madoguchi.store.volunteer;

import java.time.LocalDate;
import java.util.Objects;

/** How many of one day's check-ups had one outcome ({@code checks} for all of them). Nothing personal. */
public record CheckUpTally(LocalDate day, String outcome, int checks) {

    public CheckUpTally {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(outcome, "outcome");
    }
}
