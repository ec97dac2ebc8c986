package dev.madoguchi.store.register;

import dev.madoguchi.domain.Sex;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The row shape of the two-slot register copy (docs/adr/0009), shared by the look-ups ({@link RegisterRepository}),
 * the import ({@link RegisterImport}, {@link RegisterGenerations}) and the pulled changes ({@link RegisterChanges}):
 * the resident columns, binding a resident to them and reading one back, the tables of a slot, the live slot.
 */
final class RegisterRows {

    static final String COLUMNS = "resident_id, household_id, resident_code, relationship, family_name, "
            + "given_name, family_name_kana, given_name_kana, birth_date, sex, postal_code, address, moved_in_on, "
            + "nationality, status_of_residence, period_of_stay_end, residence_card_number, foreign_category";
    /** {@link #COLUMNS} of the resident table aliased {@code r}. */
    static final String R_COLUMNS = "r." + COLUMNS.replace(", ", ", r.");
    /** The tables of one slot (each name ends in _0 or _1). */
    static final List<String> SLOT_TABLES = List.of("register_key_resident_id", "register_key_resident_code",
            "register_key_my_number", "register_key_birth_date_kana",
            "register_key_household", "register_household", "register_resident");

    private RegisterRows() {
    }

    /** Binds the resident's {@link #COLUMNS} from parameter {@code first} on. */
    static void bindResident(PreparedStatement s, int first, RegisterResident r) throws SQLException {
        int i = first;
        s.setString(i++, r.residentId());
        s.setString(i++, r.householdId());
        s.setString(i++, r.residentCode());
        s.setString(i++, r.relationship());
        s.setString(i++, r.familyName());
        s.setString(i++, r.givenName());
        s.setString(i++, r.familyNameKana());
        s.setString(i++, r.givenNameKana());
        s.setDate(i++, Date.valueOf(r.birthDate()));
        s.setString(i++, sexCode(r.sex()));
        s.setString(i++, r.postalCode());
        s.setString(i++, r.address());
        s.setDate(i++, date(r.movedInOn()));
        s.setString(i++, r.nationality());
        s.setString(i++, r.statusOfResidence());
        s.setDate(i++, date(r.periodOfStayEnd()));
        s.setString(i++, r.residenceCardNumber());
        s.setString(i, r.foreignCategory());
    }

    /** The resident of the current row, read from its {@link #COLUMNS} by name. */
    static RegisterResident resident(ResultSet rs) throws SQLException {
        return new RegisterResident(
                rs.getString("resident_id"),
                rs.getString("household_id"),
                rs.getString("resident_code"),
                rs.getString("relationship"),
                rs.getString("family_name"),
                rs.getString("given_name"),
                rs.getString("family_name_kana"),
                rs.getString("given_name_kana"),
                rs.getDate("birth_date").toLocalDate(),
                sex(rs.getString("sex")),
                rs.getString("postal_code"),
                rs.getString("address"),
                localDate(rs.getDate("moved_in_on")),
                rs.getString("nationality"),
                rs.getString("status_of_residence"),
                localDate(rs.getDate("period_of_stay_end")),
                rs.getString("residence_card_number"),
                rs.getString("foreign_category"));
    }

    /** The slot of the live generation (0 when there is none: its tables are then empty). */
    static int liveSlot(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT slot FROM register_generation WHERE state = 'LIVE'")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    /** Empties every table of a slot (TRUNCATE: commits; only for a slot that is not live). */
    static void truncate(Connection c, int slot) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String table : SLOT_TABLES) {
                s.executeUpdate("TRUNCATE TABLE " + table + "_" + slot);
            }
        }
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static String sexCode(Sex sex) {
        return switch (sex) {
            case MALE -> "M";
            case FEMALE -> "F";
            case NOT_APPLICABLE -> "N";
        };
    }

    private static Sex sex(String code) {
        return switch (code) {
            case "M" -> Sex.MALE;
            case "F" -> Sex.FEMALE;
            default -> Sex.NOT_APPLICABLE;
        };
    }

    private static Date date(LocalDate d) {
        return d == null ? null : Date.valueOf(d);
    }

    private static LocalDate localDate(Date d) {
        return d == null ? null : d.toLocalDate();
    }
}
