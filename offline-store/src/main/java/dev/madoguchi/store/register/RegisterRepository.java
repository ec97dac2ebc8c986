package dev.madoguchi.store.register;

import dev.madoguchi.domain.Sex;
import dev.madoguchi.store.StoreException;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Optional;
import javax.sql.DataSource;

/** The local copy of the resident register (households and residents). */
public final class RegisterRepository {

    private static final int BATCH = 1_000;

    private final DataSource dataSource;

    public RegisterRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Replaces the whole register copy with a snapshot, in one transaction: all of it or nothing. */
    public void replaceAll(Collection<RegisterHousehold> households, Collection<RegisterResident> residents) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (Statement s = c.createStatement()) {
                    s.executeUpdate("DELETE FROM resident");
                    s.executeUpdate("DELETE FROM household");
                }
                insertHouseholds(c, households);
                insertResidents(c, residents);
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw StoreException.from("replace the register copy", e);
        }
    }

    public long residentCount() {
        return count("SELECT COUNT(*) FROM resident");
    }

    public long householdCount() {
        return count("SELECT COUNT(*) FROM household");
    }

    /** One resident by id. */
    public Optional<RegisterResident> findResident(String residentId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT * FROM resident WHERE resident_id = ?")) {
            s.setString(1, residentId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(resident(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw StoreException.from("read a resident", e);
        }
    }

    private long count(String sql) {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw StoreException.from("count register rows", e);
        }
    }

    private static void insertHouseholds(Connection c, Collection<RegisterHousehold> households) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO household (household_id, head_resident_id, address, postal_code) VALUES (?, ?, ?, ?)")) {
            int pending = 0;
            for (RegisterHousehold h : households) {
                s.setString(1, h.householdId());
                s.setString(2, h.headResidentId());
                s.setString(3, h.address());
                s.setString(4, h.postalCode());
                s.addBatch();
                if (++pending == BATCH) {
                    s.executeBatch();
                    pending = 0;
                }
            }
            s.executeBatch();
        }
    }

    private static void insertResidents(Connection c, Collection<RegisterResident> residents) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO resident (resident_id, household_id, resident_code, "
                + "relationship, family_name, given_name, family_name_kana, given_name_kana, birth_date, sex, "
                + "postal_code, address, moved_in_on, nationality, status_of_residence, period_of_stay_end, "
                + "residence_card_number, foreign_category) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int pending = 0;
            for (RegisterResident r : residents) {
                s.setString(1, r.residentId());
                s.setString(2, r.householdId());
                s.setString(3, r.residentCode());
                s.setString(4, r.relationship());
                s.setString(5, r.familyName());
                s.setString(6, r.givenName());
                s.setString(7, r.familyNameKana());
                s.setString(8, r.givenNameKana());
                s.setDate(9, Date.valueOf(r.birthDate()));
                s.setString(10, sexCode(r.sex()));
                s.setString(11, r.postalCode());
                s.setString(12, r.address());
                s.setDate(13, date(r.movedInOn()));
                s.setString(14, r.nationality());
                s.setString(15, r.statusOfResidence());
                s.setDate(16, date(r.periodOfStayEnd()));
                s.setString(17, r.residenceCardNumber());
                s.setString(18, r.foreignCategory());
                s.addBatch();
                if (++pending == BATCH) {
                    s.executeBatch();
                    pending = 0;
                }
            }
            s.executeBatch();
        }
    }

    private static RegisterResident resident(ResultSet rs) throws SQLException {
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
