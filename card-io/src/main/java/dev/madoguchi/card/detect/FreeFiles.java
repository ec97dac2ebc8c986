package dev.madoguchi.card.detect;

/**
 * The files any card answers without a key, which detection reads before anything else (docs/residence-card.md §2):
 * on a residence card the MF's EF01 (common data, tag {@code C0}) and EF02 (card type, tag {@code C1}), read by short
 * identifier in READ BINARY's P1. Kept here, not with the residence card's other files, so that detection does not
 * depend on the package that reads residence cards (which depends on detection).
 */
public final class FreeFiles {

    /** READ BINARY P1 of MF/EF01, common data ({@code C0} specification version). */
    public static final int MF_COMMON = 0x8B;
    /** READ BINARY P1 of MF/EF02, card type ({@code C1}). */
    public static final int MF_CARD_TYPE = 0x8A;

    private FreeFiles() {
    }
}
