package dev.madoguchi.card.mynumber;

/**
 * The four PINs a resident sets on a My Number Card (docs/card-protocol.md §1.2), named for what they protect. The
 * maximum tries are the published counts for physical cards: the card reports the tries left, never the maximum.
 * Where each key lives is a {@link CardProfile}'s business (§1.8).
 */
public enum PinKind {
    /** 券面事項入力補助用暗証番号: 4 digits, 3 tries; only the municipal counter unblocks it. */
    TEXT_PIN("text-pin", 3, 4, 4),
    /** 利用者証明用電子証明書の暗証番号: 4 digits, 3 tries; マイナポータル, マイナ保険証 with PIN, コンビニ交付. */
    AUTH_PIN("auth-pin", 3, 4, 4),
    /** 署名用電子証明書のパスワード: 6–16 of A–Z and 0–9, 5 tries; e-Tax and other electronic applications. */
    SIGN_PASSWORD("sign-password", 5, 6, 16),
    /**
     * 住民基本台帳用暗証番号 (住基 PIN): 4 digits, 3 tries; the key of the 住基AP, used by 住基ネット terminals at the
     * counter. Only the counter unblocks it.
     */
    RESIDENT_REGISTRY_PIN("resident-registry-pin", 3, 4, 4);

    private final String code;
    private final int maxTries;
    private final int minLength;
    private final int maxLength;

    PinKind(String code, int maxTries, int minLength, int maxLength) {
        this.code = code;
        this.maxTries = maxTries;
        this.minLength = minLength;
        this.maxLength = maxLength;
    }

    /** A stable name for JSON, data files and logs ({@code auth-pin}). */
    public String code() {
        return code;
    }

    /** The fewest characters of this kind's PIN (4; 6 for the sign password). */
    public int minLength() {
        return minLength;
    }

    /** The most characters of this kind's PIN (4; 16 for the sign password). */
    public int maxLength() {
        return maxLength;
    }

    /** The tries a key of this kind has when it is new or was just used correctly. */
    public int maxTries() {
        return maxTries;
    }

    /**
     * Whether {@code pin} has this kind's form: 4 digits, or for the sign password 6–16 of A–Z and 0–9 (lower-case
     * letters are accepted here and upper-cased when sent). Never keeps or prints the value.
     */
    public boolean accepts(char[] pin) {
        if (pin == null || pin.length < minLength || pin.length > maxLength) {
            return false;
        }
        for (char c : pin) {
            boolean digit = c >= '0' && c <= '9';
            boolean letter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
            if (!digit && !(this == SIGN_PASSWORD && letter)) {
                return false;
            }
        }
        return true;
    }

    /** The kind with this {@link #code()}. */
    public static PinKind ofCode(String code) {
        for (PinKind kind : values()) {
            if (kind.code.equals(code)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("no PIN kind " + code);
    }
}
