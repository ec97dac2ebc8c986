package dev.madoguchi.card.reader;

/**
 * The failures a person at the counter can act on. Each has a stable code (shown to the user and written to the log
 * with the cause) and a remedy text in the application's message bundles under {@code card.error.<code>}.
 *
 * <p>Codes are stable: never renumber a constant, only add new ones.
 */
public enum CardIoError {
    /** The PC/SC service (pcscd, Windows Smart Card service) is not running or not installed. */
    READER_SERVICE_UNAVAILABLE("CARD-001"),
    /** No reader is attached (or the reader asked for by name is not attached). */
    NO_READER("CARD-002"),
    /** A reader is attached but no card lies on it. */
    NO_CARD("CARD-003"),
    /** The card left the reader (or was reset) while it was being read. */
    CARD_REMOVED("CARD-004"),
    /** Another program holds the card exclusively. */
    CARD_BUSY("CARD-005"),
    /** The card answered, but it has no 券面事項入力補助AP: not a My Number Card. */
    NOT_MY_NUMBER_CARD("CARD-010"),
    /** A My Number Card, but it answered in a way this program does not support (another generation, an unknown status). */
    UNSUPPORTED_CARD("CARD-011"),
    /** The card's data does not have the documented structure. */
    CORRUPT_DATA("CARD-012"),
    /** The PIN or 照合番号 was wrong; {@link CardIoException#triesLeft()} says how many tries remain. */
    WRONG_PIN("CARD-020"),
    /** The PIN or 照合番号 is blocked; only the municipal counter can unblock it. Nothing was sent to the card. */
    PIN_BLOCKED("CARD-021"),
    /** The card is not a residence card or 特別永住者証明書 this program reads (or is a specified card's other side). */
    NOT_RESIDENCE_CARD("CARD-013"),
    /**
     * The residence card number typed does not open this card (the card answered {@code 63 00}). The same number is
     * not sent again; the clerk checks the 12 characters printed on the card.
     */
    WRONG_CARD_NUMBER("CARD-022"),
    /**
     * The card's answer in the mutual authentication or secure messaging did not verify (a MAC, a challenge, or the
     * session lost): the card may not be genuine or the read was disturbed. Nothing it sent is shown.
     */
    CARD_AUTHENTICATION_FAILED("CARD-023"),
    /**
     * The resident's PIN self-test was not run because the PIN no longer has all of its tries (or the card did not
     * say): a volunteer's tool must never be the one that locks a card. Nothing was sent to the card.
     */
    SELF_TEST_REFUSED("CARD-024"),
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
