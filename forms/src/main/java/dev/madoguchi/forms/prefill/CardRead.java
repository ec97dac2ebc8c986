package dev.madoguchi.forms.prefill;

import dev.madoguchi.domain.Sex;
import java.time.LocalDate;

/**
 * 基本4情報 as the My Number Card's 券面事項入力補助AP returned them. The card's name may use a 代替文字 where the register
 * has a rare glyph. {@link #toString()} prints no personal data.
 */
public record CardRead(String name, String address, LocalDate birthDate, Sex sex) {

    @Override
    public String toString() {
        return "CardRead[…]";
    }
}
