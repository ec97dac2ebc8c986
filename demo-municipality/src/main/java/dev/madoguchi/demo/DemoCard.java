package dev.madoguchi.demo;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The My Number Card a demo resident holds, with the secrets a simulated card needs. Demo data only: real PINs never
 * leave the card or the citizen's head. {@link #toString()} shows no secret.
 *
 * @param nameOnCard the name the card prints: the register's full name, except that a rare glyph the card cannot print
 *     is replaced by its 代替文字 (𠮷→吉, 髙→高, 﨑→崎, 德→徳, 邉→辺); the register name stays unchanged
 * @param addressOnCard the address the card holds (the register's)
 * @param expiryDate 有効期限: the 10th birthday after issue, the 5th for holders under 18 at issue, and never after the end
 *     of a foreign holder's period of stay; some cards have already expired
 * @param securityCode the 4-digit セキュリティコード printed on the card
 * @param textPin the 4-digit 券面事項入力補助用暗証番号
 * @param authPin the 4-digit 利用者証明用電子証明書 PIN
 * @param signPassword the 署名用電子証明書 password, 6–16 of A–Z and 0–9; {@code null} when the card has no signature
 *     certificate (holders under 15 when the card was issued)
 * @param textPinTriesLeft 0–3; 0 means blocked
 * @param authPinTriesLeft 0–3; 0 means blocked
 * @param signPasswordTriesLeft 0–5; stays 5 when there is no signature certificate
 */
public record DemoCard(String nameOnCard, String addressOnCard, LocalDate expiryDate, String securityCode,
        String textPin, String authPin, String signPassword, int textPinTriesLeft, int authPinTriesLeft,
        int signPasswordTriesLeft) {

    public DemoCard {
        Objects.requireNonNull(nameOnCard, "nameOnCard");
        Objects.requireNonNull(addressOnCard, "addressOnCard");
        Objects.requireNonNull(expiryDate, "expiryDate");
        requireFourDigits(securityCode, "securityCode");
        requireFourDigits(textPin, "textPin");
        requireFourDigits(authPin, "authPin");
        if (signPassword != null && !isSignPassword(signPassword)) {
            throw new IllegalArgumentException("signPassword must be 6–16 characters of A–Z and 0–9");
        }
        requireTries(textPinTriesLeft, 3, "textPinTriesLeft");
        requireTries(authPinTriesLeft, 3, "authPinTriesLeft");
        requireTries(signPasswordTriesLeft, 5, "signPasswordTriesLeft");
    }

    /**
     * 照合番号B, the 14 digits that open the card's text without the PIN: the birth date as a 和暦 two-digit year (元年 =
     * {@code 01}) plus MMDD, the expiry year in four Western digits, and the security code. Born 1980-02-17 (昭和55), card
     * expiring in 2035, security code 2285: {@code 55021720352285}.
     *
     * @param birthDate the holder's birth date (not on this record: it comes from the card's text or the register)
     * @throws IllegalArgumentException for a birth date before 明治 (1868-09-08)
     */
    public String collationNumberB(LocalDate birthDate) {
        Objects.requireNonNull(birthDate, "birthDate");
        int eraYear = JapaneseEraYear.of(birthDate);
        if (eraYear > 99) {
            throw new IllegalArgumentException("the era year does not fit in two digits");
        }
        return Digits.pad(eraYear, 2) + Digits.pad(birthDate.getMonthValue(), 2)
                + Digits.pad(birthDate.getDayOfMonth(), 2) + Digits.pad(expiryDate.getYear(), 4) + securityCode;
    }

    @Override
    public String toString() {
        return "DemoCard[expiryDate=" + expiryDate + ", triesLeft=" + textPinTriesLeft + "/" + authPinTriesLeft + "/"
                + signPasswordTriesLeft + ", signatureCertificate=" + (signPassword != null) + "]";
    }

    private static void requireFourDigits(String value, String name) {
        if (!Digits.isAsciiDigits(value, 4)) {
            throw new IllegalArgumentException(name + " must be four ASCII digits");
        }
    }

    private static void requireTries(int value, int max, String name) {
        if (value < 0 || value > max) {
            throw new IllegalArgumentException(name + " must be between 0 and " + max);
        }
    }

    private static boolean isSignPassword(String value) {
        if (value.length() < 6 || value.length() > 16) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!(c >= 'A' && c <= 'Z') && !(c >= '0' && c <= '9')) {
                return false;
            }
        }
        return true;
    }
}
