package dev.madoguchi.app.shelter;

/**
 * Where a household's check-in stands. The identify step shows the first six; a person confirmed goes on to
 * {@link #PERSON}, then {@link #HOUSEHOLD}, where the next person is added or the household is stored.
 */
public enum CheckInStep {
    /** No shelter chosen yet on this laptop. */
    CHOOSE_SHELTER,
    /** Waiting for a card, a scanned QR or the choice to type. */
    IDENTIFY,
    /** The card's PIN (tries left shown first). */
    PIN_ENTRY,
    /** The PIN is blocked: 照合番号B or manual entry. */
    PIN_BLOCKED,
    /** 照合番号B typed from the card face. */
    COLLATION_NUMBER_ENTRY,
    /** Name, kana, birth date, sex, address typed by staff. */
    MANUAL_ENTRY,
    /** Reading the card or searching the register. */
    READING,
    /** Register candidates offered; staff confirm one or none. */
    MATCH,
    /** Care flags, injury, consent ⑫⑬⑭ and contact of the person. */
    PERSON,
    /** The household: members so far, stay and space, pets, vehicle; add a person or store. */
    HOUSEHOLD,
    /** Stored; the next household starts from {@link #IDENTIFY}. */
    DONE
}
