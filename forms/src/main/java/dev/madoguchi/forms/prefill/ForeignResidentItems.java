package dev.madoguchi.forms.prefill;

import java.time.LocalDate;

/**
 * The items 住基法30条の45 adds for foreign residents.
 *
 * @param category the 30条の45 category, e.g. 中長期在留者, 特別永住者
 */
public record ForeignResidentItems(String nationality, String residenceStatus, String periodOfStay,
        LocalDate stayExpiry, String residenceCardNumber, String category) {

    @Override
    public String toString() {
        return "ForeignResidentItems[…]";
    }
}
