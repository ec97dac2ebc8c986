package dev.madoguchi.app.shelter;

import dev.madoguchi.store.shelter.ShelterEventKind;
import java.time.Instant;
import java.util.Objects;

/**
 * One entry of a person's history at a shelter, as staff see it: what happened, when, on which laptop, and the few
 * facts of the kind (never rewritten; a correction is an entry of its own). No personal data beyond the household id.
 *
 * @param at when it was recorded (the recording laptop's clock)
 * @param terminal the laptop that recorded it
 * @param household the household joined (check-in, leaving a household); "" otherwise
 * @param destination where a check-out went ({@code home}, {@code other-shelter} …); "" otherwise
 * @param day present by day (presence entries)
 * @param night present by night (presence entries)
 */
public record PersonEvent(ShelterEventKind kind, Instant at, String terminal, String household, String destination,
        boolean day, boolean night) {

    public PersonEvent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(at, "at");
        terminal = terminal == null ? "" : terminal;
        household = household == null ? "" : household;
        destination = destination == null ? "" : destination;
    }
}
