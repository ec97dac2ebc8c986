package dev.madoguchi.demo;

import dev.madoguchi.domain.Sex;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Writes the resident register of a {@link DemoMunicipality} as CSV (RFC 4180): a header row, then one row per resident,
 * lines ended by CRLF, a field quoted only when it holds a comma, a double quote, CR or LF (quotes doubled).
 *
 * <p>The file leaves out the My Number and every card secret (security code, PINs, password): it is meant to be
 * opened, shared and diffed. Empty fields stand for "none" (Japanese nationals have no foreign-residency columns).
 * Give it a writer that encodes UTF-8; names may hold characters outside the BMP such as 𠮷.
 */
public final class DemoMunicipalityCsv {

    /** The header row, in column order. */
    public static final List<String> COLUMNS = List.of(
            "resident_id", "household_id", "resident_code", "relationship", "family_name", "given_name",
            "family_name_kana", "given_name_kana", "birth_date", "sex", "postal_code", "address", "moved_in_on",
            "nationality", "status_of_residence", "period_of_stay_end", "residence_card_number", "foreign_category");

    private DemoMunicipalityCsv() {
    }

    /**
     * Writes header and rows to {@code out}; flushes but does not close it.
     *
     * @throws UncheckedIOException if the writer fails
     */
    public static void write(DemoMunicipality municipality, Writer out) {
        Objects.requireNonNull(municipality, "municipality");
        Objects.requireNonNull(out, "out");
        try {
            StringBuilder line = new StringBuilder(256);
            appendRow(line, COLUMNS.toArray(new String[0]));
            out.write(line.toString());
            for (Resident resident : municipality.residents()) {
                line.setLength(0);
                ForeignResidency foreign = resident.foreignResidency();
                appendRow(line,
                        resident.id(),
                        resident.householdId(),
                        resident.residentCode(),
                        resident.relationship(),
                        resident.familyName(),
                        resident.givenName(),
                        resident.familyNameKana(),
                        resident.givenNameKana(),
                        date(resident.birthDate()),
                        sex(resident.sex()),
                        resident.postalCode(),
                        resident.address(),
                        date(resident.movedInOn()),
                        foreign == null ? null : foreign.nationality(),
                        foreign == null ? null : foreign.statusOfResidence(),
                        foreign == null ? null : date(foreign.periodOfStayEnd()),
                        foreign == null ? null : foreign.residenceCardNumber(),
                        foreign == null ? null : foreign.category());
                out.write(line.toString());
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the demo register as CSV", e);
        }
    }

    private static void appendRow(StringBuilder line, String... fields) {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                line.append(',');
            }
            appendField(line, fields[i]);
        }
        line.append("\r\n");
    }

    private static void appendField(StringBuilder line, String field) {
        if (field == null) {
            return;
        }
        boolean quote = false;
        for (int i = 0; i < field.length() && !quote; i++) {
            char c = field.charAt(i);
            quote = c == ',' || c == '"' || c == '\r' || c == '\n';
        }
        if (!quote) {
            line.append(field);
            return;
        }
        line.append('"');
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '"') {
                line.append('"');
            }
            line.append(c);
        }
        line.append('"');
    }

    private static String date(LocalDate date) {
        return date == null ? null : date.toString();
    }

    private static String sex(Sex sex) {
        return switch (sex) {
            case MALE -> "M";
            case FEMALE -> "F";
            case NOT_APPLICABLE -> "N";
        };
    }
}
