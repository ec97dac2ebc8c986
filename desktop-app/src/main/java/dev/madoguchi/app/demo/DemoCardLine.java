package dev.madoguchi.app.demo;

/**
 * One demo card as the デモ menu and the README document it: the card's resident id (what {@code --demo-card} takes),
 * the name printed on it, its 券面事項入力補助用暗証番号 and its 照合番号B; for a residence card or 特別永住者証明書 the
 * 12 characters printed on it instead (a 特定在留カード has both). Demo data: published on purpose.
 *
 * @param pinTriesLeft 0 when the PIN is locked (then 照合番号B or manual entry is the way in)
 * @param residenceCardNumber the 在留カード等番号 that opens a residence card's chip, or null for a My Number Card
 */
public record DemoCardLine(String residentId, String nameOnCard, String pin, int pinTriesLeft,
        String collationNumberB, String note, String residenceCardNumber) {

    /** A My Number Card's line. */
    public DemoCardLine(String residentId, String nameOnCard, String pin, int pinTriesLeft, String collationNumberB,
            String note) {
        this(residentId, nameOnCard, pin, pinTriesLeft, collationNumberB, note, null);
    }

    /** Whether the card is opened with the number printed on it (a residence card or 特別永住者証明書). */
    public boolean residenceCard() {
        return residenceCardNumber != null && pin == null;
    }
}
