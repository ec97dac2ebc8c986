package dev.madoguchi.card.reader;

import java.util.OptionalInt;

/** A typed card or reader failure; the message is technical (for the log), the {@link #error()} is for people. */
public class CardIoException extends Exception {

    private static final long serialVersionUID = 1L;

    private final CardIoError error;
    private final int triesLeft;

    public CardIoException(CardIoError error, String message, Throwable cause) {
        this(error, -1, message, cause);
    }

    public CardIoException(CardIoError error, String message) {
        this(error, -1, message, null);
    }

    /**
     * @param triesLeft the tries left on the PIN concerned, or -1 when not known or not applicable
     */
    public CardIoException(CardIoError error, int triesLeft, String message, Throwable cause) {
        super(error.code() + " " + message, cause);
        this.error = error;
        this.triesLeft = triesLeft;
    }

    public CardIoError error() {
        return error;
    }

    /** The tries left on the PIN concerned ({@link CardIoError#WRONG_PIN}: ≥ 1; {@link CardIoError#PIN_BLOCKED}: 0). */
    public OptionalInt triesLeft() {
        return triesLeft < 0 ? OptionalInt.empty() : OptionalInt.of(triesLeft);
    }
}
