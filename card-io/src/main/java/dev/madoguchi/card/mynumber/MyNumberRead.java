package dev.madoguchi.card.mynumber;

/**
 * The 個人番号 as read from the card, with whether its check digit is right. {@code toString()} never shows it.
 */
public record MyNumberRead(String digits, boolean checkDigitValid) {

    /** Eight {@code *} and the last four digits. */
    public String masked() {
        return "********" + digits.substring(digits.length() - 4);
    }

    @Override
    public String toString() {
        return "MyNumberRead[checkDigitValid=" + checkDigitValid + "]";
    }
}
