package dev.madoguchi.app.demo;

/**
 * One demo card as the デモ menu and the README document it: the card's resident id (what {@code --demo-card} takes),
 * the name printed on it, its 券面事項入力補助用暗証番号 and its 照合番号B. Demo data: published on purpose.
 *
 * @param pinTriesLeft 0 when the PIN is locked (then 照合番号B or manual entry is the way in)
 */
public record DemoCardLine(String residentId, String nameOnCard, String pin, int pinTriesLeft,
        String collationNumberB, String note) {
}
