package dev.madoguchi.app.setup;

/** A typed failure of the first-run setup: its {@link SetupError} names the remedy; the message is for the log. */
public final class SetupException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient SetupError error;

    public SetupException(SetupError error, String message, Throwable cause) {
        super(message, cause);
        this.error = error;
    }

    public SetupError error() {
        return error;
    }
}
