package dev.madoguchi.demo;

import dev.madoguchi.domain.Sex;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A resident of the demo register (住民票 items plus, for the demo, the person's My Number Card).
 *
 * <p>{@link #toString()} shows only the ids: the My Number is 特定個人情報 even when fictional, so that habits stay right.
 *
 * @param id resident id, {@code R} and at least six digits, e.g. {@code R000001}
 * @param residentCode 住民票コード, 11 ASCII digits, unique
 * @param myNumber 個人番号, 12 ASCII digits with a valid check digit, unique
 * @param householdId the id of the resident's household
 * @param relationship 続柄 as the register writes it: 世帯主, 妻, 夫, 子, 父, 母, 孫, 兄, 姉, 弟, 妹, 同居人, 妻の母, 子の妻 …
 * @param familyName 氏 as registered; may hold rare glyphs such as 𠮷 (U+20BB7, a surrogate pair) or 髙; upper-case
 *     Latin for foreign residents
 * @param givenName 名 as registered; for foreign residents upper-case Latin, possibly several words
 * @param familyNameKana フリガナ of the family name in full-width katakana
 * @param givenNameKana フリガナ of the given name in full-width katakana (words separated by U+3000)
 * @param birthDate 生年月日
 * @param sex 性別
 * @param address 住所, the same string as the household's
 * @param postalCode the household's postal code
 * @param movedInOn the day the person became a resident (the birth date when born here)
 * @param foreignResidency {@code null} for Japanese nationals
 * @param card {@code null} when the resident holds no My Number Card
 */
public record Resident(String id, String residentCode, String myNumber, String householdId, String relationship,
        String familyName, String givenName, String familyNameKana, String givenNameKana, LocalDate birthDate,
        Sex sex, String address, String postalCode, LocalDate movedInOn, ForeignResidency foreignResidency,
        DemoCard card) {

    public Resident {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(residentCode, "residentCode");
        Objects.requireNonNull(myNumber, "myNumber");
        Objects.requireNonNull(householdId, "householdId");
        Objects.requireNonNull(relationship, "relationship");
        Objects.requireNonNull(familyName, "familyName");
        Objects.requireNonNull(givenName, "givenName");
        Objects.requireNonNull(familyNameKana, "familyNameKana");
        Objects.requireNonNull(givenNameKana, "givenNameKana");
        Objects.requireNonNull(birthDate, "birthDate");
        Objects.requireNonNull(sex, "sex");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(postalCode, "postalCode");
        Objects.requireNonNull(movedInOn, "movedInOn");
    }

    /**
     * The name as the register writes it: family name, U+3000, given name; for foreign residents family name, an ASCII
     * space, given name (upper-case Latin as registered).
     */
    public String fullName() {
        return familyName + (isForeign() ? " " : "\u3000") + givenName;
    }

    /** The フリガナ: family-name kana, U+3000, given-name kana. */
    public String fullNameKana() {
        return familyNameKana + "\u3000" + givenNameKana;
    }

    public boolean isForeign() {
        return foreignResidency != null;
    }

    @Override
    public String toString() {
        return "Resident[id=" + id + ", householdId=" + householdId + "]";
    }
}
