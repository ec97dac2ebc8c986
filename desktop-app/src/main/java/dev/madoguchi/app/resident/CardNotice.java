package dev.madoguchi.app.resident;

/**
 * What the resident screen says about the card on the reader, over whatever the visit's step says: nothing, "please take
 * your card back" (the visit has ended and the card still lies on the reader), or "only one card at a time" (a second
 * card was put on while one is in use; it is not read). The counter raises these; the resident screen only shows them.
 */
public enum CardNotice {
    NONE,
    TAKE_BACK,
    SECOND_CARD
}
