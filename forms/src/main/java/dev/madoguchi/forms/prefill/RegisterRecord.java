package dev.madoguchi.forms.prefill;

import dev.madoguchi.domain.Sex;
import java.time.LocalDate;

/**
 * A resident's entry in the register copy (住民記録), as pre-fill needs it. Names and addresses are the register's
 * exact strings (MJ glyphs, full-width digits, U+3000). {@link #toString()} prints no personal data.
 *
 * @param householdHead the 世帯主's name as registered
 * @param foreign {@code null} for Japanese nationals
 */
public record RegisterRecord(String residentCode, String name, String nameKana, LocalDate birthDate, Sex sex,
        String address, String postalCode, String relationship, String householdHead, ForeignResidentItems foreign) {

    @Override
    public String toString() {
        return "RegisterRecord[…]";
    }
}
