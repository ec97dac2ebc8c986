package dev.madoguchi.forms.definition;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What a field holds; decides validation and which fonts print it. */
public enum FieldType {
    /** free text */
    TEXT,
    /** a person's name as registered: printed with the MJ font first (𠮷, 髙, 﨑 …) */
    NAME,
    /** an address: printed with the MJ font first, full-width digits and U+3000 kept */
    ADDRESS,
    /** フリガナ: full-width katakana, the long-vowel mark and spaces only */
    KANA,
    /** an ISO date {@code yyyy-MM-dd} */
    DATE,
    /** a Japanese postal code {@code 123-4567} */
    POSTAL_CODE,
    /** one of the field's options */
    CHOICE,
    /** a 住民票コード: 11 ASCII digits, the last a modulus-11 check digit */
    RESIDENT_CODE;

    /** Whether the MJ font is tried before IPAex. */
    public boolean printsRegisterGlyphs() {
        return this == NAME || this == ADDRESS;
    }

    @JsonValue
    public String json() {
        return switch (this) {
            case POSTAL_CODE -> "postalCode";
            case RESIDENT_CODE -> "residentCode";
            default -> name().toLowerCase(Locale.ROOT);
        };
    }

    @JsonCreator
    public static FieldType fromJson(String value) {
        for (FieldType type : values()) {
            if (type.json().equals(value)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown field type '" + value
                + "' (text, name, address, kana, date, postalCode, choice, residentCode)");
    }
}
