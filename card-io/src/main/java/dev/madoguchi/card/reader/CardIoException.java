package dev.madoguchi.card.reader;

/** A typed card or reader failure; the message is technical (for the log), the {@link #error()} is for people. */
public class CardIoException extends Exception {

    private static final long serialVersionUID = 1L;

    private final CardIoError error;

    public CardIoException(CardIoError error, String message, Throwable cause) {
        super(error.code() + " " + message, cause);
        this.error = error;
    }

    public CardIoError error() {
        return error;
    }
}
