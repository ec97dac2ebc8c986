package dev.madoguchi.app.volunteer;

/** Where a volunteer's check-up stands: waiting for a card, reading it, showing the result, or a card not read. */
public enum CheckUpStep {
    /** The welcome: "put the card on the reader". Nothing of any session is held. */
    WELCOME,
    /** A card lies on the reader and is being checked (no PIN, no try consumed). */
    CHECKING,
    /** The check-up's result and the advice are shown, on both windows. */
    RESULT,
    /** The card could not be checked (taken away too early, damaged, not answering): said in words. */
    NOT_READ
}
