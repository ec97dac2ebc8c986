package dev.madoguchi.app.counter;

/** A typed counter failure; the message is technical (for the log), {@link #error()} is for the clerk. */
public final class CounterException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final CounterError error;

    public CounterException(CounterError error, String message, Throwable cause) {
        super(error.code() + " " + message, cause);
        this.error = error;
    }

    public CounterError error() {
        return error;
    }
}
