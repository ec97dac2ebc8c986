package dev.madoguchi.card.mynumber;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.chrono.JapaneseDate;
import java.time.temporal.ChronoField;
import java.util.Objects;

/**
 * What opens the 券面事項入力補助AP's 基本4情報: the 4-digit PIN or the 14-digit 照合番号B. {@code toString()} never shows
 * the secret.
 */
public sealed interface TextCredential permits TextCredential.Pin, TextCredential.CollationNumberB {

    /** The EF of the key this credential is verified against. */
    int keyFid();

    /** The ASCII bytes the card is sent. */
    byte[] ascii();

    /** Which credential (for messages), never its value. */
    String kind();

    /** The 券面事項入力補助用暗証番号: exactly four ASCII digits. */
    record Pin(String digits) implements TextCredential {
        public Pin {
            Objects.requireNonNull(digits, "digits");
            if (!allDigits(digits, 4)) {
                throw new IllegalArgumentException("the PIN must be four digits");
            }
        }

        @Override
        public int keyFid() {
            return 0x0011;
        }

        @Override
        public byte[] ascii() {
            return digits.getBytes(StandardCharsets.US_ASCII);
        }

        @Override
        public String kind() {
            return "PIN";
        }

        @Override
        public String toString() {
            return "Pin[****]";
        }
    }

    /**
     * 照合番号B (docs/card-protocol.md §0): birth date as 和暦 two-digit year + MMDD, the card's expiry year in four
     * Western digits, and the 4-digit security code: 14 digits.
     */
    record CollationNumberB(String digits) implements TextCredential {
        public CollationNumberB {
            Objects.requireNonNull(digits, "digits");
            if (!allDigits(digits, 14)) {
                throw new IllegalArgumentException("照合番号B must be 14 digits");
            }
        }

        /** Builds 照合番号B from what is printed on the card; born 1980-02-17, expiry 2035, code 2285 → 55021720352285. */
        public static CollationNumberB of(LocalDate birthDate, int expiryYear, String securityCode) {
            Objects.requireNonNull(birthDate, "birthDate");
            if (!allDigits(Objects.requireNonNull(securityCode, "securityCode"), 4)) {
                throw new IllegalArgumentException("the security code must be four digits");
            }
            if (expiryYear < 1000 || expiryYear > 9999) {
                throw new IllegalArgumentException("the expiry year must have four digits");
            }
            int eraYear = JapaneseDate.from(birthDate).get(ChronoField.YEAR_OF_ERA);
            if (eraYear > 99) {
                throw new IllegalArgumentException("the era year does not fit in two digits");
            }
            return new CollationNumberB(String.format("%02d%02d%02d%04d%s", eraYear, birthDate.getMonthValue(),
                    birthDate.getDayOfMonth(), expiryYear, securityCode));
        }

        @Override
        public int keyFid() {
            return 0x0015;
        }

        @Override
        public byte[] ascii() {
            return digits.getBytes(StandardCharsets.US_ASCII);
        }

        @Override
        public String kind() {
            return "照合番号B";
        }

        @Override
        public String toString() {
            return "CollationNumberB[**************]";
        }
    }

    private static boolean allDigits(String s, int length) {
        if (s.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
