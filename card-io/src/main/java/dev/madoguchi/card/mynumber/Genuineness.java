package dev.madoguchi.card.mynumber;

import java.util.List;

/**
 * What was and was not verified about the card's text, as a person should be told.
 *
 * @param basicFourHash EF 0003's DF32 against the 基本4情報 read
 * @param myNumberHash EF 0003's DF31 against the 個人番号 file read ({@link Check#NOT_CHECKED} when not read)
 * @param issuerSignature EF 0003's J-LIS signature: needs J-LIS's card-verifiable CA key, which has no official
 *     publication; always {@link Check#NOT_CHECKED} in this version
 * @param challenge the card signed a fresh random challenge with the AP key whose public half EF 0007 holds (proves a
 *     card holding that key answered, not that J-LIS issued it)
 */
public record Genuineness(Check basicFourHash, Check myNumberHash, Check issuerSignature, Check challenge) {

    public static final Genuineness NOTHING_CHECKED =
            new Genuineness(Check.NOT_CHECKED, Check.NOT_CHECKED, Check.NOT_CHECKED, Check.NOT_CHECKED);

    /** True when a check that ran failed: the text may have been tampered with or the card is not what it claims. */
    public boolean anyFailed() {
        return List.of(basicFourHash, myNumberHash, issuerSignature, challenge).contains(Check.FAILED);
    }

    /** Always said with the result: offline, revocation cannot be checked. */
    public static String limits() {
        return "no revocation check offline; the J-LIS issuer signature is not verified (no published key)";
    }
}
