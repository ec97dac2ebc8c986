package dev.madoguchi.forms.prefill;

import dev.madoguchi.domain.Sex;
import java.time.LocalDate;

/**
 * 基本4情報 as the My Number Card's 券面事項入力補助AP returned them, or what a residence card's chip gave. The card's name
 * may use a 代替文字 where the register has a rare glyph; a residence card holds no name as text (empty). {@link #toString()}
 * prints no personal data.
 *
 * @param foreign the 住基法30条の45 items a residence card or 特別永住者証明書 gave ({@code card.nationality} …), or null
 */
public record CardRead(String name, String address, LocalDate birthDate, Sex sex, ForeignResidentItems foreign) {

    /** A My Number Card's read (no foreign-resident items). */
    public CardRead(String name, String address, LocalDate birthDate, Sex sex) {
        this(name, address, birthDate, sex, null);
    }

    @Override
    public String toString() {
        return "CardRead[…]";
    }
}
