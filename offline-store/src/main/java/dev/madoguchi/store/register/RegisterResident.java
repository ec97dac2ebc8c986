package dev.madoguchi.store.register;

import dev.madoguchi.domain.Sex;
import java.time.LocalDate;

/**
 * A resident in the local register copy, with names and addresses exactly as the register writes them.
 * Foreign-resident fields are null for Japanese nationals.
 */
public record RegisterResident(
        String residentId,
        String householdId,
        String residentCode,
        String relationship,
        String familyName,
        String givenName,
        String familyNameKana,
        String givenNameKana,
        LocalDate birthDate,
        Sex sex,
        String postalCode,
        String address,
        LocalDate movedInOn,
        String nationality,
        String statusOfResidence,
        LocalDate periodOfStayEnd,
        String residenceCardNumber,
        String foreignCategory) {

    /** Names are personal data: never in logs. */
    @Override
    public String toString() {
        return "RegisterResident[" + residentId + "]";
    }
}
