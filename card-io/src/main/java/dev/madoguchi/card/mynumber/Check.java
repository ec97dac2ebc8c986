package dev.madoguchi.card.mynumber;

/** The outcome of one genuineness or integrity check; {@link #NOT_CHECKED} is said out loud, never hidden. */
public enum Check {
    PASSED,
    FAILED,
    NOT_CHECKED
}
