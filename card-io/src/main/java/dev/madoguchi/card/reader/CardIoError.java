package dev.madoguchi.card.reader;

/**
 * The failures a person at the counter can act on. Each has a stable code (shown to the user and written to the log
 * with the cause) and a remedy text in the application's message bundles under {@code card.error.<code>}.
 */
public enum CardIoError {
    /** The PC/SC service (pcscd, Windows Smart Card service) is not running or not installed. */
    READER_SERVICE_UNAVAILABLE("CARD-001"),
    /** No reader is attached. */
    NO_READER("CARD-002"),
    /** Any other failure of the reader stack. */
    READER_ERROR("CARD-099");

    private final String code;

    CardIoError(String code) {
        this.code = code;
    }

    /** The stable code, e.g. {@code CARD-001}. */
    public String code() {
        return code;
    }
}
