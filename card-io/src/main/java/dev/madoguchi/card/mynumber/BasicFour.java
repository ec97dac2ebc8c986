package dev.madoguchi.card.mynumber;

import java.time.LocalDate;
import java.util.Objects;

/**
 * 基本4情報 as the card holds them, exact strings (U+3000 between family and given name, full-width digits in the
 * address; never normalised here). {@code toString()} shows no personal data.
 *
 * @param name 氏名
 * @param address 住所
 * @param birthDate 生年月日 (Gregorian)
 * @param sexCode 性別 as ISO 5218: {@code "1"} male, {@code "2"} female, {@code "9"} not applicable, {@code "0"} unknown
 */
public record BasicFour(String name, String address, LocalDate birthDate, String sexCode) {

    public BasicFour {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(birthDate, "birthDate");
        Objects.requireNonNull(sexCode, "sexCode");
    }

    @Override
    public String toString() {
        return "BasicFour[name=…, address=…, birthDate=…, sexCode=…]";
    }
}
