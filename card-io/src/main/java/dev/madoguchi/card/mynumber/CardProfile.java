package dev.madoguchi.card.mynumber;

import dev.madoguchi.card.reader.ApduChannel;
import dev.madoguchi.card.reader.CardConnection;
import dev.madoguchi.card.reader.CardIoException;
import java.util.Optional;

/**
 * One generation of My Number Card: its AIDs, file layout and cryptography (docs/card-protocol.md §1.8: the
 * next-generation card from 2026 changes all three). {@link MyNumberCardService} asks each profile in turn whether
 * the card is its kind, by SELECT, never by ATR. See docs/howto/add-a-card-type.md.
 */
public interface CardProfile {

    /** A short name for logs and messages. */
    String name();

    /** Selects this profile's text AP; true when the card has it (and leaves it selected). */
    boolean detect(ApduChannel card) throws CardIoException;

    /** The text credential's tries left, without consuming one; the text AP is selected. */
    PinStatus textKeyStatus(ApduChannel card, TextCredentialKind kind) throws CardIoException;

    /**
     * Verifies the credential and reads; the text AP is selected and exclusive access held by the caller. Never
     * retries a credential; never sends one to a blocked key.
     */
    TextRead readText(CardConnection card, TextCredential credential, ReadOptions options) throws CardIoException;

    /** The health check; the text AP is selected. */
    CardHealth health(ApduChannel card) throws CardIoException;

    /**
     * Tries left on one of the resident's PINs, without consuming one: selects the key's application and EF, then
     * VERIFY without data. Empty when the card has no such application or key. Leaves the key's EF current.
     */
    Optional<PinStatus> pinStatus(ApduChannel card, PinKind kind) throws CardIoException;

    /**
     * Sends exactly one VERIFY with data to the key that {@link #pinStatus} has just made current. Returns when the
     * PIN is correct; otherwise {@link dev.madoguchi.card.reader.CardIoError#WRONG_PIN} with the tries left, or
     * {@link dev.madoguchi.card.reader.CardIoError#PIN_BLOCKED}. The caller checks the tries before and resets the
     * card after (docs/card-protocol.md §1.1, §9.2).
     */
    void verifyPin(ApduChannel card, PinKind kind, byte[] ascii) throws CardIoException;

    /** Which credential, without its value (to ask for tries left before the person types it). */
    enum TextCredentialKind {
        PIN,
        COLLATION_NUMBER_B
    }
}
