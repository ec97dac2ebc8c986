package dev.madoguchi.app.keys;

/** A typed failure of the terminal's signing key; the message is technical (for the log), never a key. */
public final class TerminalKeyException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final TerminalKeyError error;

    public TerminalKeyException(TerminalKeyError error, String message, Throwable cause) {
        super(error.code() + " " + message, cause);
        this.error = error;
    }

    public TerminalKeyError error() {
        return error;
    }
}
