package dev.madoguchi.forms.validation;

/**
 * The 住民票コード's check digit: 11 digits, the last computed from the first ten by modulus 11. Counting the ten digits
 * from the lowest (n = 1 is the tenth digit), weight Qn is n + 1 for n = 1…6 and n − 5 for n = 7…10; the check digit is
 * 11 − (Σ Pn·Qn mod 11), or 0 when the remainder is 0 or 1 (the same rule as the 個人番号's, over ten digits).
 */
public final class ResidentCode {

    private ResidentCode() {
    }

    /** Eleven ASCII digits. */
    public static boolean isWellFormed(String code) {
        return code != null && code.length() == 11 && code.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** The check digit of the first ten ASCII digits of {@code code}. */
    public static int checkDigit(String code) {
        int sum = 0;
        for (int n = 1; n <= 10; n++) {
            int digit = code.charAt(10 - n) - '0';
            int weight = n <= 6 ? n + 1 : n - 5;
            sum += digit * weight;
        }
        int remainder = sum % 11;
        return remainder <= 1 ? 0 : 11 - remainder;
    }

    public static boolean checkDigitValid(String code) {
        return isWellFormed(code) && checkDigit(code) == code.charAt(10) - '0';
    }
}
