package dev.madoguchi.store.register;

import dev.madoguchi.domain.MyNumber;
import dev.madoguchi.domain.Sex;
import dev.madoguchi.store.error.StoreError;
import dev.madoguchi.store.error.StoreException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Function;

/**
 * The fields of one register record, whatever file it came from (CSV or JSON lines): the names of
 * docs/howto/import-a-register.md, checked and turned into a {@link RegisterEntry}. Errors name the line and the
 * field, never the value.
 */
final class RegisterFields {

    /** Fields every record has. */
    static final List<String> REQUIRED = List.of("resident_id", "household_id", "resident_code",
            "relationship", "family_name", "given_name", "family_name_kana", "given_name_kana", "birth_date", "sex",
            "postal_code", "address");
    /** Fields a record may have. */
    static final List<String> OPTIONAL = List.of("moved_in_on", "nationality", "status_of_residence",
            "period_of_stay_end", "residence_card_number", "foreign_category", "my_number");

    private final Function<String, String> values;
    private final long line;

    /** @param values the field's text, or null (absent or empty) */
    RegisterFields(Function<String, String> values, long line) {
        this.values = values;
        this.line = line;
    }

    static boolean known(String name) {
        return REQUIRED.contains(name) || OPTIONAL.contains(name);
    }

    RegisterEntry entry() {
        RegisterResident resident = new RegisterResident(
                required("resident_id"), required("household_id"), residentCode(),
                required("relationship"), required("family_name"), required("given_name"),
                required("family_name_kana"), required("given_name_kana"),
                date("birth_date", true), sex(required("sex")), required("postal_code"),
                required("address"), date("moved_in_on", false), optional("nationality"),
                optional("status_of_residence"), date("period_of_stay_end", false),
                optional("residence_card_number"), optional("foreign_category"));
        String myNumber = optional("my_number");
        if (myNumber != null && !MyNumber.isValid(myNumber)) {
            throw bad("line " + line + ": my_number is not a valid My Number");
        }
        return new RegisterEntry(resident, myNumber == null ? null : MyNumber.parse(myNumber), line);
    }

    private String residentCode() {
        String code = required("resident_code");
        if (code.length() != 11 || !code.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw bad("line " + line + ": resident_code is not 11 digits");
        }
        return code;
    }

    private String required(String field) {
        String value = optional(field);
        if (value == null) {
            throw bad("line " + line + ": " + field + " is missing or empty");
        }
        return value;
    }

    private String optional(String field) {
        String value = values.apply(field);
        return value == null || value.isEmpty() ? null : value;
    }

    private LocalDate date(String field, boolean required) {
        String value = required ? required(field) : optional(field);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw bad("line " + line + ": " + field + " is not a date (YYYY-MM-DD)");
        }
    }

    private Sex sex(String code) {
        return switch (code) {
            case "M" -> Sex.MALE;
            case "F" -> Sex.FEMALE;
            case "N" -> Sex.NOT_APPLICABLE;
            default -> throw bad("line " + line + ": sex is not M, F or N");
        };
    }

    static StoreException bad(String message) {
        return new StoreException(StoreError.BAD_INPUT, message, null);
    }
}
