package dev.madoguchi.forms.qr;

/** Why a QR payload was not accepted; the codes are stable and appear in {@code qr verify}'s output. */
public enum QrError {
    /** no QR code found in the file */
    NO_QR_CODE("QR-001", "no QR code was found"),
    /** a QR code that is not a Madoguchi form (no {@code MG1:} prefix) */
    FOREIGN("QR-002", "the QR code is not a Madoguchi form payload (no MG1: prefix)"),
    /** some of the parts of a split payload are missing */
    MISSING_PART("QR-003", "parts of the payload are missing"),
    /** the text, compression or CBOR structure is broken */
    DAMAGED("QR-004", "the payload is damaged (Base45, compression or CBOR structure)"),
    /** signed by a key the verifier does not know */
    UNKNOWN_KEY("QR-005", "signed by a key that is not trusted here"),
    /** signed by a trusted key after that key's end of validity */
    EXPIRED_KEY("QR-006", "signed after the signing key expired"),
    /** the signature does not match the content: changed after signing */
    BAD_SIGNATURE("QR-007", "the signature does not match: the content was changed after signing"),
    /** a scanned text that the keyboard's input method changed on its way in (a keyboard-wedge scanner, IME on) */
    INPUT_METHOD("QR-008", "the scanned text was changed by the keyboard input method (turn the IME off)"),
    /** a payload of a version or kind this program does not read */
    UNSUPPORTED("QR-009", "the payload is of a version this program does not read");

    private final String code;
    private final String description;

    QrError(String code, String description) {
        this.code = code;
        this.description = description;
    }

    public String code() {
        return code;
    }

    public String description() {
        return description;
    }
}
