package dev.madoguchi.card.mynumber;

/**
 * What a read of the 券面事項入力補助AP fetches besides 基本4情報.
 *
 * @param withMyNumber also read the 個人番号 (only for procedures that legally need it, 番号法)
 * @param checkIntegrity read EF 0003 and compare its hashes with what was read (tampered text is detected)
 * @param challenge the PIN-less internal-authentication challenge against the AP key in EF 0007
 */
public record ReadOptions(boolean withMyNumber, boolean checkIntegrity, boolean challenge) {

    /** 基本4情報 only, with the integrity check: what a counter needs for most procedures. */
    public static ReadOptions basicFour() {
        return new ReadOptions(false, true, false);
    }

    /** Fewest APDUs: 基本4情報 only, nothing checked. */
    public static ReadOptions minimal() {
        return new ReadOptions(false, false, false);
    }
}
