package dev.madoguchi.card.checkup;

import dev.madoguchi.card.mynumber.PinKind;
import java.util.Objects;

/**
 * One PIN's tries, as the card reported them to a VERIFY without data (no try consumed).
 *
 * @param triesLeft 0 = locked; {@link #NOT_REPORTED} when the card did not say
 * @param maxTries the tries this kind of PIN has when it is new ({@link PinKind#maxTries()})
 */
public record PinTries(PinKind kind, int triesLeft, int maxTries) {

    public static final int NOT_REPORTED = -1;

    public PinTries {
        Objects.requireNonNull(kind, "kind");
        if (triesLeft < NOT_REPORTED || maxTries < 1 || triesLeft > maxTries) {
            throw new IllegalArgumentException(kind + ": " + triesLeft + " of " + maxTries);
        }
    }

    /** No try left: only the counter (or, for the JPKI PINs, the convenience-store reset) unlocks it. */
    public boolean locked() {
        return triesLeft == 0;
    }

    /** Every try left: the only state in which the resident's self-test is offered. */
    public boolean full() {
        return triesLeft == maxTries;
    }

    public boolean reported() {
        return triesLeft != NOT_REPORTED;
    }
}
