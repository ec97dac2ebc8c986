package dev.madoguchi.store.moveout;

import dev.madoguchi.domain.Sex;
import java.time.LocalDate;

/**
 * One person in a move-out record, as the former municipality registered them. {@link #toString()} shows nothing
 * personal.
 *
 * @param nationality null for Japanese nationals
 */
public record MoveOutMember(String residentCode, String familyName, String givenName, String familyNameKana,
        String givenNameKana, LocalDate birthDate, Sex sex, String relationship, String nationality) {

    @Override
    public String toString() {
        return "MoveOutMember[…]";
    }
}
