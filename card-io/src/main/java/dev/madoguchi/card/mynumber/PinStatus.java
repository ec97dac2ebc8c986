package dev.madoguchi.card.mynumber;

/**
 * What the card said when asked for a key's tries left without a try being consumed (VERIFY case 1).
 *
 * @param triesLeft tries left; 0 = blocked; {@link #NOT_REPORTED} when the card did not say (already verified, or
 *     a key without a limit)
 */
public record PinStatus(int triesLeft) {

    public static final int NOT_REPORTED = -1;

    public boolean blocked() {
        return triesLeft == 0;
    }

    public boolean reported() {
        return triesLeft >= 0;
    }
}
