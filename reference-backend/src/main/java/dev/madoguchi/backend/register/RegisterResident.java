package dev.madoguchi.backend.register;

import dev.madoguchi.domain.Sex;
import java.time.LocalDate;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A resident as the backend's register holds and serves it (the {@code Resident} of docs/api/openapi.yaml). Names and
 * addresses are the register's exact strings. No My Number: the register pull never carries it. Foreign-resident
 * items are null for Japanese nationals.
 *
 * @param residentId the backend's stable id of the person
 * @param residentCode 住民票コード, 11 ASCII digits
 * @param householdId 世帯番号
 * @param relationship 続柄
 * @param householdHeadResidentId the residentId of the 世帯主
 * @param householdAddress the household's address
 */
public record RegisterResident(String residentId, String residentCode, String householdId, String relationship,
        String familyName, String givenName, String familyNameKana, String givenNameKana, LocalDate birthDate,
        Sex sex, String postalCode, String address, LocalDate movedInOn, String householdHeadResidentId,
        String householdAddress, String nationality, String statusOfResidence, LocalDate periodOfStayEnd,
        String residenceCardNumber, String foreignCategory) {

    public static final Pattern RESIDENT_CODE = Pattern.compile("[0-9]{11}");

    public RegisterResident {
        Objects.requireNonNull(residentId, "residentId");
        Objects.requireNonNull(residentCode, "residentCode");
        Objects.requireNonNull(householdId, "householdId");
        Objects.requireNonNull(relationship, "relationship");
        Objects.requireNonNull(familyName, "familyName");
        Objects.requireNonNull(givenName, "givenName");
        Objects.requireNonNull(familyNameKana, "familyNameKana");
        Objects.requireNonNull(givenNameKana, "givenNameKana");
        Objects.requireNonNull(birthDate, "birthDate");
        Objects.requireNonNull(sex, "sex");
        Objects.requireNonNull(postalCode, "postalCode");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(movedInOn, "movedInOn");
        Objects.requireNonNull(householdHeadResidentId, "householdHeadResidentId");
        Objects.requireNonNull(householdAddress, "householdAddress");
        if (!RESIDENT_CODE.matcher(residentCode).matches()) {
            throw new IllegalArgumentException("a resident code (住民票コード) is 11 ASCII digits");
        }
        if (residentId.isEmpty() || residentId.length() > 20) {
            throw new IllegalArgumentException("a resident id has 1 to 20 characters");
        }
    }

    /** Names are personal data: never in logs. */
    @Override
    public String toString() {
        return "RegisterResident[" + residentId + "]";
    }
}
