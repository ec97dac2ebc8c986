package dev.madoguchi.domain.shelter;

import java.util.Objects;

/**
 * A person leaving a shelter.
 *
 * @param targetShelterId the shelter they are transferred to when {@code destination} is
 *     {@link Destination#OTHER_SHELTER}; "" otherwise
 */
public record Departure(String personId, Destination destination, String targetShelterId) {

    public Departure {
        Objects.requireNonNull(personId, "personId");
        Objects.requireNonNull(destination, "destination");
        targetShelterId = targetShelterId == null ? "" : targetShelterId;
        if (destination == Destination.OTHER_SHELTER && targetShelterId.isBlank()) {
            throw new IllegalArgumentException("a transfer names the target shelter");
        }
        if (destination != Destination.OTHER_SHELTER && !targetShelterId.isBlank()) {
            throw new IllegalArgumentException("only a transfer has a target shelter");
        }
    }
}
