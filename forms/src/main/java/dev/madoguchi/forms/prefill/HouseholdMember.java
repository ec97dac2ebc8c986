package dev.madoguchi.forms.prefill;

import java.time.LocalDate;

/** One member of a household (世帯). {@link #toString()} prints no personal data. */
public record HouseholdMember(String name, String relationship, LocalDate birthDate) {

    @Override
    public String toString() {
        return "HouseholdMember[relationship=" + relationship + "]";
    }
}
