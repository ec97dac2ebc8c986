package dev.madoguchi.app.counter;

/**
 * The states of one visit at the counter, in order. {@link VisitCoordinator} moves between them for the step view
 * models; the counter screen shows the panels of the current step. Texts: {@code counter.step.<name>} in the bundles.
 */
public enum VisitStep {
    /** No visit: waiting for a card on the reader, or for the clerk to choose 照合番号B / manual entry. */
    WAITING_FOR_CARD,
    /** A card lies on the reader; the tries left are shown and the resident types the PIN. */
    PIN_ENTRY,
    /** A residence card or 特別永住者証明書 lies on the reader: the clerk types the 12 characters printed on it. */
    RESIDENCE_CARD_NUMBER_ENTRY,
    /**
     * A 特定在留カード (a residence card and a My Number Card in one chip) lies on the reader: the clerk chooses which
     * side to read.
     */
    CARD_SIDE_CHOICE,
    /** The PIN is blocked: the clerk chooses 照合番号B or manual entry. */
    PIN_BLOCKED,
    /** The clerk types 照合番号B from the card face. */
    COLLATION_NUMBER_ENTRY,
    /** No card: the clerk types name, furigana, birth date and address. */
    MANUAL_ENTRY,
    /** The card is being read or the register searched. */
    READING,
    /** The register's candidates side by side; the clerk confirms one (or none). */
    CANDIDATES,
    /** The clerk picks the life event and answers the interview questions. */
    LIFE_EVENT,
    /** The proposed procedures with reasons and documents; the interview values the forms need. */
    PROCEDURES,
    /** Every form pre-filled, with the source of each value and validation messages; the clerk corrects. */
    FORMS,
    /** The rendered forms (PDF with signed QR) before printing. */
    PREVIEW,
    /** Printing and storing the case. */
    PRINTING,
    /**
     * A resumed visit whose forms were printed before it was interrupted, but whose case was not stored: the clerk
     * stores it without printing again (記録する) or prints again (a reprint). Reached only from a draft
     * (docs/adr/0014).
     */
    PRINTED,
    /** Printed and stored: the case id and its outbox entry. */
    DONE
}
