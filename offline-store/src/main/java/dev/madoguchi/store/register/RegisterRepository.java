package dev.madoguchi.store.register;

import dev.madoguchi.domain.MyNumber;
import dev.madoguchi.domain.Sex;
import dev.madoguchi.store.StoreContext;
import dev.madoguchi.store.audit.AuditAction;
import dev.madoguchi.store.clerks.Capability;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The local copy of the resident register (households and residents). Every read of a resident's record writes an
 * audit row in the same transaction; the signed-in clerk's role decides what is allowed (volunteers: nothing).
 */
public final class RegisterRepository {

    private static final int BATCH = 1_000;
    private static final int PROGRESS_EVERY = 10_000;
    private static final String HEAD = "世帯主";
    private static final String COLUMNS = "resident_id, household_id, resident_code, relationship, family_name, "
            + "given_name, family_name_kana, given_name_kana, birth_date, sex, postal_code, address, moved_in_on, "
            + "nationality, status_of_residence, period_of_stay_end, residence_card_number, foreign_category";

    private final StoreContext context;

    public RegisterRepository(StoreContext context) {
        this.context = context;
    }

    /** Replaces the register copy with a snapshot without My Numbers; all of it or nothing. */
    public long replaceAll(Collection<RegisterHousehold> households, Collection<RegisterResident> residents) {
        Iterator<RegisterResident> it = residents.iterator();
        return replaceAll(households, new Iterator<>() {
            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public RegisterEntry next() {
                return new RegisterEntry(it.next(), null);
            }
        }, ImportProgress.NONE);
    }

    /**
     * Replaces the whole register copy with a snapshot, in one transaction: all of it or nothing. Households of
     * residents that are not in {@code households} are derived from the residents (address of the first member, head =
     * the member whose 続柄 is 世帯主, else the first member). My Numbers are stored encrypted per value with a blind
     * index. Administrators only; the import is audited (counts only).
     *
     * @return the number of residents imported
     */
    public long replaceAll(Iterable<RegisterHousehold> households, Iterator<RegisterEntry> residents,
            ImportProgress progress) {
        context.require(Capability.IMPORT_REGISTER);
        return context.inTransaction("replace the register copy", c -> {
            try (Statement s = c.createStatement()) {
                s.executeUpdate("DELETE FROM resident");
                s.executeUpdate("DELETE FROM household");
            }
            Map<String, Boolean> headKnown = new HashMap<>();
            long count;
            try (PreparedStatement h = c.prepareStatement("INSERT INTO household (household_id, head_resident_id, "
                    + "address, postal_code) VALUES (?, ?, ?, ?)");
                    PreparedStatement head = c.prepareStatement(
                            "UPDATE household SET head_resident_id = ? WHERE household_id = ?");
                    PreparedStatement r = c.prepareStatement("INSERT INTO resident (" + COLUMNS
                            + ", my_number_sealed, my_number_index) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                            + "?, ?, ?, ?, ?, ?)")) {
                for (RegisterHousehold household : households) {
                    addHousehold(h, household);
                    headKnown.put(household.householdId(), true);
                }
                h.executeBatch();
                int pendingHouseholds = 0;
                int pendingHeads = 0;
                int pendingResidents = 0;
                count = 0;
                while (residents.hasNext()) {
                    RegisterEntry entry = residents.next();
                    RegisterResident resident = entry.resident();
                    Boolean known = headKnown.get(resident.householdId());
                    boolean isHead = HEAD.equals(resident.relationship());
                    if (known == null) {
                        addHousehold(h, new RegisterHousehold(resident.householdId(), resident.residentId(),
                                resident.address(), resident.postalCode()));
                        headKnown.put(resident.householdId(), isHead);
                        pendingHouseholds++;
                    } else if (!known && isHead) {
                        head.setString(1, resident.residentId());
                        head.setString(2, resident.householdId());
                        head.addBatch();
                        headKnown.put(resident.householdId(), true);
                        pendingHeads++;
                    }
                    addResident(r, entry);
                    pendingResidents++;
                    count++;
                    if (pendingResidents == BATCH) {
                        if (pendingHouseholds > 0) {
                            h.executeBatch();
                            pendingHouseholds = 0;
                        }
                        r.executeBatch();
                        pendingResidents = 0;
                    }
                    if (pendingHeads == BATCH) {
                        head.executeBatch();
                        pendingHeads = 0;
                    }
                    if (count % PROGRESS_EVERY == 0) {
                        progress.imported(count);
                    }
                }
                h.executeBatch();
                r.executeBatch();
                head.executeBatch();
            }
            context.audit(c, AuditAction.IMPORT_REGISTER, null, "residents " + count);
            progress.imported(count);
            return count;
        });
    }

    private static void addHousehold(PreparedStatement h, RegisterHousehold household) throws SQLException {
        h.setString(1, household.householdId());
        h.setString(2, household.headResidentId());
        h.setString(3, household.address());
        h.setString(4, household.postalCode());
        h.addBatch();
    }

    private void addResident(PreparedStatement s, RegisterEntry entry) throws SQLException {
        RegisterResident r = entry.resident();
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
        MyNumber myNumber = entry.myNumber();
        s.setBytes(19, myNumber == null ? null : context.myNumbers().encrypt(myNumber.digits()));
        s.setBytes(20, myNumber == null ? null : context.myNumbers().blindIndex(myNumber.digits()));
        s.addBatch();
    }

    /** How many residents the copy holds (no personal data: any signed-in role). */
    public long residentCount() {
        return count("SELECT COUNT(*) FROM resident");
    }

    /** How many households the copy holds (no personal data: any signed-in role). */
    public long householdCount() {
        return count("SELECT COUNT(*) FROM household");
    }

    /** One resident by register id; audited. */
    public Optional<RegisterResident> findResident(String residentId) {
        return findOne("WHERE resident_id = ?", residentId, "by id");
    }

    /** One resident by 住民票コード; audited. */
    public Optional<RegisterResident> findByResidentCode(String residentCode) {
        return findOne("WHERE resident_code = ?", residentCode, "by resident code");
    }

    /** One resident by My Number (through the blind index, no decryption); audited. Needs My Number access. */
    public Optional<RegisterResident> findByMyNumber(MyNumber myNumber) {
        context.require(Capability.READ_MY_NUMBER);
        return findOne("WHERE my_number_index = ?", context.myNumbers().blindIndex(myNumber.digits()),
                "by my number");
    }

    /**
     * Candidates by furigana and birth date (full-width katakana, exactly as the register writes them); every
     * returned resident is audited as read. Ambiguous results are for the clerk to choose from, never auto-picked.
     */
    public List<RegisterResident> findByKanaAndBirthDate(String familyNameKana, String givenNameKana,
            LocalDate birthDate) {
        context.require(Capability.READ_REGISTER);
        return context.inTransaction("search the register", c -> {
            List<RegisterResident> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM resident WHERE "
                    + "family_name_kana = ? AND given_name_kana = ? AND birth_date = ? ORDER BY resident_id")) {
                s.setString(1, familyNameKana);
                s.setString(2, givenNameKana);
                s.setDate(3, Date.valueOf(birthDate));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.add(resident(rs));
                    }
                }
            }
            for (RegisterResident r : out) {
                context.audit(c, AuditAction.READ_RESIDENT, r.residentId(), "by kana and birth date");
            }
            return out;
        });
    }

    /**
     * Candidates born on one day, for a counter match by name and address when the card's My Number is not used (the
     * card text may hold 代替文字, so names are compared by the caller, not here); every returned resident is audited
     * as read. Ambiguous results are for the clerk to choose from, never auto-picked.
     */
    public List<RegisterResident> findByBirthDate(LocalDate birthDate) {
        context.require(Capability.READ_REGISTER);
        return context.inTransaction("search the register by birth date", c -> {
            List<RegisterResident> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS
                    + " FROM resident WHERE birth_date = ? ORDER BY resident_id")) {
                s.setDate(1, Date.valueOf(birthDate));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.add(resident(rs));
                    }
                }
            }
            for (RegisterResident r : out) {
                context.audit(c, AuditAction.READ_RESIDENT, r.residentId(), "by birth date");
            }
            return out;
        });
    }

    /** The members of a household; each is audited as read. */
    public List<RegisterResident> householdMembers(String householdId) {
        context.require(Capability.READ_REGISTER);
        return context.inTransaction("read a household", c -> {
            List<RegisterResident> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS
                    + " FROM resident WHERE household_id = ? ORDER BY resident_id")) {
                s.setString(1, householdId);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.add(resident(rs));
                    }
                }
            }
            for (RegisterResident r : out) {
                context.audit(c, AuditAction.READ_RESIDENT, r.residentId(), "household");
            }
            return out;
        });
    }

    /** A resident's My Number from the register copy, decrypted; audited. Needs My Number access. */
    public Optional<MyNumber> myNumberOf(String residentId) {
        context.require(Capability.READ_MY_NUMBER);
        return context.inTransaction("read a My Number", c -> {
            byte[] sealed;
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT my_number_sealed FROM resident WHERE resident_id = ?")) {
                s.setString(1, residentId);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next() || (sealed = rs.getBytes(1)) == null) {
                        return Optional.empty();
                    }
                }
            }
            context.audit(c, AuditAction.READ_MY_NUMBER, residentId, "register");
            return Optional.of(MyNumber.parse(context.myNumbers().decrypt(sealed)));
        });
    }

    private Optional<RegisterResident> findOne(String where, Object key, String how) {
        context.require(Capability.READ_REGISTER);
        return context.inTransaction("read a resident", c -> {
            RegisterResident found;
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM resident " + where)) {
                s.setObject(1, key);
                try (ResultSet rs = s.executeQuery()) {
                    found = rs.next() ? resident(rs) : null;
                }
            }
            if (found == null) {
                return Optional.empty();
            }
            context.audit(c, AuditAction.READ_RESIDENT, found.residentId(), how);
            return Optional.of(found);
        });
    }

    private long count(String sql) {
        return context.inTransaction("count register rows", c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        });
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
