package dev.madoguchi.store.register;

import dev.madoguchi.domain.MyNumber;
import dev.madoguchi.domain.Sex;
import dev.madoguchi.store.audit.AuditAction;
import dev.madoguchi.store.base.StoreContext;
import dev.madoguchi.store.clerks.Capability;
import dev.madoguchi.store.error.StoreError;
import dev.madoguchi.store.error.StoreException;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * The local copy of the resident register (households and residents). Every read of a resident's record writes an
 * audit row in the same transaction; the signed-in clerk's role decides what is allowed (volunteers: nothing).
 */
public final class RegisterRepository {

    static final String COLUMNS = "resident_id, household_id, resident_code, relationship, family_name, "
            + "given_name, family_name_kana, given_name_kana, birth_date, sex, postal_code, address, moved_in_on, "
            + "nationality, status_of_residence, period_of_stay_end, residence_card_number, foreign_category";
    private static final String R_COLUMNS = "r." + COLUMNS.replace(", ", ", r.");
    /** The tables of one slot (each name ends in _0 or _1). */
    static final List<String> SLOT_TABLES = List.of("register_key_resident_id", "register_key_resident_code",
            "register_key_my_number", "register_key_birth_date_kana",
            "register_key_household", "register_household", "register_resident");
    private static final int PURGE_CHUNK = 20_000;
    /** How long an import's switch to the new copy waits for a register page being applied. */
    private static final int SWITCH_LOCK_TIMEOUT_MS = 60_000;

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
     * Replaces the whole register copy with a snapshot: all of it or nothing. The snapshot is loaded as a new
     * generation beside the live one and made live in one transaction (docs/adr/0009); if anything fails before, the
     * live copy is untouched and the partial generation is removed. Households of residents that are not in
     * {@code households} are derived from the residents (address of the first member, head = the member whose 続柄 is
     * 世帯主, else the first member). My Numbers are stored encrypted per value with a blind index. Duplicate
     * resident ids, 住民票コード or My Numbers are refused with the lines that clash. Administrators only; the import
     * is audited (counts only).
     *
     * @return the number of residents imported
     */
    public long replaceAll(Iterable<RegisterHousehold> households, Iterator<RegisterEntry> residents,
            ImportProgress progress) {
        context.require(Capability.IMPORT_REGISTER);
        discardAbandonedGenerations();
        long[] started = context.inTransaction("start a register import", c -> {
            long next;
            int liveSlot;
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(generation), 0) + 1, "
                            + "COALESCE(MAX(CASE WHEN state = 'LIVE' THEN slot END), 1) FROM register_generation")) {
                rs.next();
                next = rs.getLong(1);
                liveSlot = rs.getInt(2);
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO register_generation (generation, slot, state, "
                    + "started_at) VALUES (?, ?, 'LOADING', ?)")) {
                s.setLong(1, next);
                s.setInt(2, 1 - liveSlot);
                s.setObject(3, utc(context.now()));
                s.executeUpdate();
            }
            return new long[] {next, 1 - liveSlot};
        });
        long generation = started[0];
        int slot = (int) started[1];
        long count;
        try {
            count = load(generation, slot, households, residents, progress);
        } catch (RuntimeException e) {
            try {
                discardAbandonedGenerations();
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed); // left LOADING: emptied by the next import or open
            }
            throw e;
        }
        progress.stage(ImportProgress.Stage.REMOVING_PREVIOUS);
        discardAbandonedGenerations();
        progress.imported(count);
        return count;
    }

    private long load(long generation, int slot, Iterable<RegisterHousehold> households,
            Iterator<RegisterEntry> residents, ImportProgress progress) {
        long[] counts = new long[2];
        try (Connection c = context.dataSource().getConnection()) {
            truncate(c, slot); // the slot is not live: a replaced or abandoned copy, or empty
            c.setAutoCommit(false);
            try {
                RegisterImport load = new RegisterImport(context, c, slot);
                counts[0] = load.load(households, residents, progress);
                counts[1] = load.households();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw context.failure("import the register", e);
        }
        return context.inTransaction("make the imported register live", c -> {
            // a register page being applied to the live slot holds the generation rows (RegisterChanges): wait for
            // it rather than fail an import that took minutes to load
            int before;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("CALL LOCK_TIMEOUT()")) {
                rs.next();
                before = rs.getInt(1);
            }
            setLockTimeout(c, SWITCH_LOCK_TIMEOUT_MS);
            try {
                return makeLive(c, generation, counts);
            } finally {
                setLockTimeout(c, before); // the connection goes back to the pool
            }
        });
    }

    private long makeLive(Connection c, long generation, long[] counts) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE register_generation SET state = 'RETIRED' WHERE state = 'LIVE'");
        }
        try (PreparedStatement s = c.prepareStatement("UPDATE register_generation SET state = 'LIVE', "
                + "live_at = ?, residents = ?, households = ? WHERE generation = ? AND state = 'LOADING'")) {
            s.setObject(1, utc(context.now()));
            s.setLong(2, counts[0]);
            s.setLong(3, counts[1]);
            s.setLong(4, generation);
            if (s.executeUpdate() != 1) {
                throw new StoreException(StoreError.STORE_ERROR, "the loaded register generation vanished", null);
            }
        }
        // the pulled changes applied to the old copy are gone with it: the next pull starts from the beginning
        boolean hadCheckpoint;
        try (PreparedStatement s = c.prepareStatement("DELETE FROM setting WHERE setting_key = ?")) {
            s.setString(1, RegisterChanges.CHECKPOINT_SETTING);
            hadCheckpoint = s.executeUpdate() > 0;
        }
        context.audit(c, AuditAction.IMPORT_REGISTER, null, "residents " + counts[0] + ", households "
                + counts[1] + ", generation " + generation + (hadCheckpoint ? ", sync checkpoint reset" : ""));
        return counts[0];
    }

    private static void setLockTimeout(Connection c, int millis) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SET LOCK_TIMEOUT " + millis);
        }
    }

    private static void truncate(Connection c, int slot) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String table : SLOT_TABLES) {
                s.executeUpdate("TRUNCATE TABLE " + table + "_" + slot);
            }
        }
    }

    /**
     * Empties the slot of a generation that is not live — a replaced one, or one left by an import that failed or
     * was killed — with TRUNCATE, and forgets it. Called by every import and when the store is opened; cheap when
     * there is nothing to do.
     */
    public void discardAbandonedGenerations() {
        try (Connection c = context.dataSource().getConnection()) {
            List<long[]> abandoned = new ArrayList<>();
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT generation, slot FROM register_generation "
                            + "WHERE state <> 'LIVE'")) {
                while (rs.next()) {
                    abandoned.add(new long[] {rs.getLong(1), rs.getInt(2)});
                }
            }
            for (long[] g : abandoned) {
                try (PreparedStatement s = c.prepareStatement(
                        "UPDATE register_generation SET state = 'RETIRED' WHERE generation = ? AND state = 'LOADING'")) {
                    s.setLong(1, g[0]);
                    s.executeUpdate();
                }
                truncate(c, (int) g[1]);
                try (PreparedStatement s = c.prepareStatement(
                        "DELETE FROM register_generation WHERE generation = ? AND state = 'RETIRED'")) {
                    s.setLong(1, g[0]);
                    s.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw context.failure("remove an abandoned register copy", e);
        }
    }

    /**
     * Retention of the register copy's My Numbers (docs/adr/0009): once the live generation has been live longer than
     * {@code retention}, its sealed My Number values are removed; the blind index stays, so a card can still be matched
     * to its resident, but the number itself can no longer be read from the copy. One audit row; the chain stays
     * valid. Administrators only.
     *
     * @return how many values were removed (0 when the period has not passed or they are gone already)
     */
    public long purgeMyNumbers(Duration retention) {
        context.require(Capability.MAINTAIN_STORE);
        if (retention.isNegative()) {
            throw new IllegalArgumentException("a retention period is not negative");
        }
        Instant before = context.now().minus(retention);
        long[] live = context.inTransaction("read the live register generation", c -> {
            // up to the highest row_no, not the count: a pull appends rows after the snapshot's and removes others
            try (PreparedStatement s = c.prepareStatement("SELECT generation, CASE slot WHEN 0 THEN (SELECT "
                    + "COALESCE(MAX(row_no), 0) FROM register_resident_0) ELSE (SELECT COALESCE(MAX(row_no), 0) FROM "
                    + "register_resident_1) END, slot FROM register_generation WHERE state = 'LIVE' AND live_at <= ?")) {
                s.setObject(1, utc(before));
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? new long[] {rs.getLong(1), rs.getLong(2), rs.getInt(3)} : null;
                }
            }
        });
        if (live == null) {
            return 0;
        }
        long purged = 0;
        for (long from = 0; from < live[1]; from += PURGE_CHUNK) {
            long start = from;
            purged += context.inTransaction("purge the register's My Numbers", c -> {
                try (PreparedStatement s = c.prepareStatement("UPDATE register_resident_" + live[2]
                        + " SET my_number_sealed = NULL WHERE row_no > ? AND row_no <= ? "
                        + "AND my_number_sealed IS NOT NULL")) {
                    s.setLong(1, start);
                    s.setLong(2, start + PURGE_CHUNK);
                    return s.executeUpdate();
                }
            });
        }
        long total = purged;
        context.inTransaction("record the register purge", c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE register_generation SET my_numbers_purged_at = ? "
                    + "WHERE generation = ? AND my_numbers_purged_at IS NULL")) {
                s.setObject(1, utc(context.now()));
                s.setLong(2, live[0]);
                s.executeUpdate();
            }
            context.audit(c, AuditAction.PURGE, null, "my numbers of the register copy: " + total + ", retention "
                    + retention);
            return null;
        });
        return total;
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

    /** How many residents the copy holds (no personal data: any signed-in role). */
    public long residentCount() {
        return count("SELECT residents FROM register_generation WHERE state = 'LIVE'");
    }

    /** How many households the copy holds (no personal data: any signed-in role). */
    public long householdCount() {
        return count("SELECT households FROM register_generation WHERE state = 'LIVE'");
    }

    /** One resident by register id; audited. */
    public Optional<RegisterResident> findResident(String residentId) {
        return findOne("register_key_resident_id", "resident_id", residentId, "by id");
    }

    /** One resident by 住民票コード; audited. */
    public Optional<RegisterResident> findByResidentCode(String residentCode) {
        return findOne("register_key_resident_code", "resident_code", residentCode, "by resident code");
    }

    /** One resident by My Number (through the blind index, no decryption); audited. Needs My Number access. */
    public Optional<RegisterResident> findByMyNumber(MyNumber myNumber) {
        context.require(Capability.READ_MY_NUMBER);
        return findOne("register_key_my_number", "my_number_index",
                context.myNumbers().blindIndex(myNumber.digits()), "by my number");
    }

    /**
     * Candidates by furigana and birth date (full-width katakana, exactly as the register writes them); every
     * returned resident is audited as read. Ambiguous results are for the clerk to choose from, never auto-picked.
     */
    public List<RegisterResident> findByKanaAndBirthDate(String familyNameKana, String givenNameKana,
            LocalDate birthDate) {
        return findMany("register_key_birth_date_kana", "k.birth_date = ? AND k.family_name_kana = ? "
                + "AND k.given_name_kana = ?", "by kana and birth date", Date.valueOf(birthDate), familyNameKana,
                givenNameKana);
    }

    /**
     * Candidates born on one day, for a counter match by name and address when the card's My Number is not used (the
     * card text may hold 代替文字, so names are compared by the caller, not here); every returned resident is audited
     * as read. Ambiguous results are for the clerk to choose from, never auto-picked.
     */
    public List<RegisterResident> findByBirthDate(LocalDate birthDate) {
        return findMany("register_key_birth_date_kana", "k.birth_date = ?", "by birth date", Date.valueOf(birthDate));
    }

    /** The members of a household; each is audited as read. */
    public List<RegisterResident> householdMembers(String householdId) {
        return findMany("register_key_household", "k.household_id = ?", "household", householdId);
    }

    /** A resident's My Number from the register copy, decrypted; audited. Needs My Number access. */
    public Optional<MyNumber> myNumberOf(String residentId) {
        context.require(Capability.READ_MY_NUMBER);
        return context.inTransaction("read a My Number", c -> {
            byte[] sealed;
            int slot = liveSlot(c);
            try (PreparedStatement s = c.prepareStatement("SELECT r.my_number_sealed FROM register_key_resident_id_"
                    + slot + " k JOIN register_resident_" + slot + " r ON r.row_no = k.row_no "
                    + "WHERE k.resident_id = ?")) {
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

    /** True when the live copy still holds a sealed My Number for the resident (no decryption, not audited). */
    public boolean holdsMyNumberOf(String residentId) {
        context.require(Capability.MAINTAIN_STORE);
        return context.inTransaction("check a sealed My Number", c -> {
            int slot = liveSlot(c);
            try (PreparedStatement s = c.prepareStatement("SELECT r.my_number_sealed IS NOT NULL "
                    + "FROM register_key_resident_id_" + slot + " k JOIN register_resident_" + slot + " r "
                    + "ON r.row_no = k.row_no WHERE k.resident_id = ?")) {
                s.setString(1, residentId);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() && rs.getBoolean(1);
                }
            }
        });
    }

    /** The slot of the live generation (0 when there is none: its tables are then empty). */
    private static int liveSlot(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT slot FROM register_generation WHERE state = 'LIVE'")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    private Optional<RegisterResident> findOne(String keyTable, String keyColumn, Object key, String how) {
        context.require(Capability.READ_REGISTER);
        return context.inTransaction("read a resident", c -> {
            RegisterResident found;
            int slot = liveSlot(c);
            try (PreparedStatement s = c.prepareStatement("SELECT " + R_COLUMNS + " FROM " + keyTable + "_" + slot
                    + " k JOIN register_resident_" + slot + " r ON r.row_no = k.row_no WHERE k." + keyColumn
                    + " = ?")) {
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

    private List<RegisterResident> findMany(String keyTable, String where, String how, Object... keys) {
        context.require(Capability.READ_REGISTER);
        return context.inTransaction("search the register", c -> {
            List<RegisterResident> out = new ArrayList<>();
            int slot = liveSlot(c);
            try (PreparedStatement s = c.prepareStatement("SELECT " + R_COLUMNS + " FROM " + keyTable + "_" + slot
                    + " k JOIN register_resident_" + slot + " r ON r.row_no = k.row_no WHERE " + where
                    + " ORDER BY r.resident_id")) {
                for (int i = 0; i < keys.length; i++) {
                    s.setObject(i + 1, keys[i]);
                }
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.add(resident(rs));
                    }
                }
            }
            for (RegisterResident r : out) {
                context.audit(c, AuditAction.READ_RESIDENT, r.residentId(), how);
            }
            return out;
        });
    }

    private long count(String sql) {
        return context.inTransaction("count register rows", c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                return rs.next() ? rs.getLong(1) : 0L;
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

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static LocalDate localDate(Date d) {
        return d == null ? null : d.toLocalDate();
    }
}
