package dev.madoguchi.store.register;

import static dev.madoguchi.store.register.RegisterRows.R_COLUMNS;

import dev.madoguchi.domain.MyNumber;
import dev.madoguchi.store.audit.AuditAction;
import dev.madoguchi.store.base.StoreContext;
import dev.madoguchi.store.clerks.Capability;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * The local copy of the resident register (households and residents). Every read of a resident's record writes an
 * audit row in the same transaction; the signed-in clerk's role decides what is allowed (volunteers: nothing). The
 * look-ups are here; the import, the removal of abandoned copies and the purge go through {@link RegisterGenerations}
 * after this class checked the role.
 */
public final class RegisterRepository {

    private final StoreContext context;
    private final RegisterGenerations generations;

    public RegisterRepository(StoreContext context) {
        this.context = context;
        this.generations = new RegisterGenerations(context);
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
        return generations.replaceAll(households, residents, progress);
    }

    /**
     * Empties the slot of a generation that is not live — a replaced one, or one left by an import that failed or
     * was killed — with TRUNCATE, and forgets it. Called by every import and when the store is opened; cheap when
     * there is nothing to do.
     */
    public void discardAbandonedGenerations() {
        generations.discardAbandoned();
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
        return generations.purgeMyNumbers(retention);
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
            int slot = RegisterRows.liveSlot(c);
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
            int slot = RegisterRows.liveSlot(c);
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

    private Optional<RegisterResident> findOne(String keyTable, String keyColumn, Object key, String how) {
        context.require(Capability.READ_REGISTER);
        return context.inTransaction("read a resident", c -> {
            RegisterResident found;
            int slot = RegisterRows.liveSlot(c);
            try (PreparedStatement s = c.prepareStatement("SELECT " + R_COLUMNS + " FROM " + keyTable + "_" + slot
                    + " k JOIN register_resident_" + slot + " r ON r.row_no = k.row_no WHERE k." + keyColumn
                    + " = ?")) {
                s.setObject(1, key);
                try (ResultSet rs = s.executeQuery()) {
                    found = rs.next() ? RegisterRows.resident(rs) : null;
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
            int slot = RegisterRows.liveSlot(c);
            try (PreparedStatement s = c.prepareStatement("SELECT " + R_COLUMNS + " FROM " + keyTable + "_" + slot
                    + " k JOIN register_resident_" + slot + " r ON r.row_no = k.row_no WHERE " + where
                    + " ORDER BY r.resident_id")) {
                for (int i = 0; i < keys.length; i++) {
                    s.setObject(i + 1, keys[i]);
                }
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.add(RegisterRows.resident(rs));
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
}
