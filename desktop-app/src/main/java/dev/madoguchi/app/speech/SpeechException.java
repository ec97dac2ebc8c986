package dev.madoguchi.app.speech;

/** A typed read-aloud failure; the message is technical (for the log), {@link #error()} is for people. */
public final class SpeechException extends Exception {

    private static final long serialVersionUID = 1L;

    private final SpeechError error;

    public SpeechException(SpeechError error, String message, Throwable cause) {
        super(error.code() + " " + message, cause);
        this.error = error;
    }

    public SpeechError error() {
        return error;
    }
}
