package dev.madoguchi.store.register;

import dev.madoguchi.store.base.StoreContext;
import dev.madoguchi.store.error.StoreError;
import dev.madoguchi.store.error.StoreException;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;

/**
 * Changes of single residents applied to the <em>live</em> slot of the register copy (docs/adr/0009), inside the
 * caller's transaction — the sync engine's pulled pages (docs/adr/0012) — so that a page and its checkpoint commit
 * together. The register package owns the slot design: every change writes the live slot's row table and keeps every
 * key table of that slot consistent (resident id, 住民票コード, birth date + フリガナ, household, My Number), the
 * households and the live generation's counts.
 *
 * <p>Open one with {@link #begin(StoreContext, Connection)}; it locks the {@code register_generation} rows first
 * ({@link RegisterGenerations#lockLive}), so an import's switch to a new slot waits for the page (and a page begun
 * after the switch writes the new slot). An
 * upsert keeps the My Number columns of a resident the copy already holds (pulls never carry My Numbers); a new
 * resident gets the next free {@code row_no} and no My Number. A tombstone removes the row and all its key rows; a
 * household left without members is removed. Not thread-safe: one per transaction.
 */
public final class RegisterChanges implements AutoCloseable {

    /**
     * Settings key of the register pull's checkpoint (opaque, the backend's). It describes the live copy: an import
     * removes it in the transaction that makes the new copy live, so the next pull starts from the beginning.
     */
    public static final String CHECKPOINT_SETTING = "sync.register.checkpoint";

    private static final String UPDATE_COLUMNS = RegisterRows.COLUMNS.replace(", ", " = ?, ") + " = ?";

    private final Connection c;
    private final long generation;
    private final int slot;
    private long nextRowNo;
    private long residentDelta;
    private long householdDelta;
    private int upserts;
    private int tombstones;

    private final PreparedStatement rowOf;
    private final PreparedStatement residentRow;
    private final PreparedStatement codeOwner;
    private final PreparedStatement insertResident;
    private final PreparedStatement updateResident;
    private final PreparedStatement deleteResident;
    private final PreparedStatement insertId;
    private final PreparedStatement deleteId;
    private final PreparedStatement insertCode;
    private final PreparedStatement deleteCode;
    private final PreparedStatement insertKana;
    private final PreparedStatement deleteKana;
    private final PreparedStatement insertHouseholdKey;
    private final PreparedStatement deleteHouseholdKey;
    private final PreparedStatement deleteMyNumber;
    private final PreparedStatement householdExists;
    private final PreparedStatement insertHousehold;
    private final PreparedStatement updateHousehold;
    private final PreparedStatement householdHasMembers;
    private final PreparedStatement deleteHousehold;

    private RegisterChanges(Connection c, long generation, int slot, long nextRowNo) throws SQLException {
        this.c = c;
        this.generation = generation;
        this.slot = slot;
        this.nextRowNo = nextRowNo;
        String resident = "register_resident_" + slot;
        rowOf = c.prepareStatement("SELECT row_no FROM " + t("register_key_resident_id") + " WHERE resident_id = ?");
        residentRow = c.prepareStatement("SELECT household_id, resident_code, family_name_kana, given_name_kana, "
                + "birth_date, my_number_index FROM " + resident + " WHERE row_no = ?");
        codeOwner = c.prepareStatement("SELECT row_no FROM " + t("register_key_resident_code")
                + " WHERE resident_code = ?");
        insertResident = c.prepareStatement("INSERT INTO " + resident + " (row_no, " + RegisterRows.COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        updateResident = c.prepareStatement("UPDATE " + resident + " SET " + UPDATE_COLUMNS + " WHERE row_no = ?");
        deleteResident = c.prepareStatement("DELETE FROM " + resident + " WHERE row_no = ?");
        insertId = c.prepareStatement("INSERT INTO " + t("register_key_resident_id") + " (resident_id, row_no) "
                + "VALUES (?, ?)");
        deleteId = c.prepareStatement("DELETE FROM " + t("register_key_resident_id") + " WHERE resident_id = ?");
        insertCode = c.prepareStatement("INSERT INTO " + t("register_key_resident_code") + " (resident_code, row_no) "
                + "VALUES (?, ?)");
        deleteCode = c.prepareStatement("DELETE FROM " + t("register_key_resident_code") + " WHERE resident_code = ? "
                + "AND row_no = ?");
        insertKana = c.prepareStatement("INSERT INTO " + t("register_key_birth_date_kana") + " (birth_date, "
                + "family_name_kana, given_name_kana, row_no) VALUES (?, ?, ?, ?)");
        deleteKana = c.prepareStatement("DELETE FROM " + t("register_key_birth_date_kana") + " WHERE birth_date = ? "
                + "AND family_name_kana = ? AND given_name_kana = ? AND row_no = ?");
        insertHouseholdKey = c.prepareStatement("INSERT INTO " + t("register_key_household") + " (household_id, "
                + "row_no) VALUES (?, ?)");
        deleteHouseholdKey = c.prepareStatement("DELETE FROM " + t("register_key_household") + " WHERE "
                + "household_id = ? AND row_no = ?");
        deleteMyNumber = c.prepareStatement("DELETE FROM " + t("register_key_my_number") + " WHERE "
                + "my_number_index = ? AND row_no = ?");
        householdExists = c.prepareStatement("SELECT 1 FROM " + t("register_household") + " WHERE household_id = ?");
        insertHousehold = c.prepareStatement("INSERT INTO " + t("register_household") + " (household_id, "
                + "head_resident_id, address, postal_code) VALUES (?, ?, ?, ?)");
        updateHousehold = c.prepareStatement("UPDATE " + t("register_household") + " SET head_resident_id = ?, "
                + "address = ?, postal_code = ? WHERE household_id = ?");
        householdHasMembers = c.prepareStatement("SELECT 1 FROM " + t("register_key_household") + " WHERE "
                + "household_id = ? LIMIT 1");
        deleteHousehold = c.prepareStatement("DELETE FROM " + t("register_household") + " WHERE household_id = ?");
    }

    private String t(String table) {
        return table + "_" + slot;
    }

    /**
     * Starts applying changes in the caller's transaction on {@code c} (auto-commit off). Locks the register
     * generations (an import's switch waits for this transaction, and this one for a switch in progress), then reads
     * the live generation; when there is none (a store whose copy was never made live), it makes an empty generation
     * live in a slot no import is loading, in this transaction.
     */
    public static RegisterChanges begin(StoreContext context, Connection c) throws SQLException {
        Objects.requireNonNull(context, "context");
        long[] live = RegisterGenerations.lockLive(context, c);
        int slot = (int) live[1];
        long next;
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(row_no), 0) + 1 FROM register_resident_" + slot)) {
            rs.next();
            next = rs.getLong(1);
        }
        return new RegisterChanges(c, live[0], slot, next);
    }

    /**
     * Writes the resident as the backend has them now, and their household (head and address as given, else the
     * resident and their address). A 住民票コード the copy holds for another resident is refused ({@code BAD_INPUT});
     * the caller's transaction is then to be rolled back.
     */
    public void upsert(RegisterResident r, String householdHeadResidentId, String householdAddress)
            throws SQLException {
        Long row = rowOf(r.residentId());
        codeOwner.setString(1, r.residentCode());
        try (ResultSet rs = codeOwner.executeQuery()) {
            if (rs.next() && (row == null || rs.getLong(1) != row)) {
                throw new StoreException(StoreError.BAD_INPUT, "the 住民票コード of resident " + r.residentId()
                        + " is held by another resident of the copy", null);
            }
        }
        writeHousehold(r, householdHeadResidentId, householdAddress);
        if (row == null) {
            long rowNo = nextRowNo++;
            insertResident.setLong(1, rowNo);
            RegisterRows.bindResident(insertResident, 2, r);
            insertResident.executeUpdate();
            insertId.setString(1, r.residentId());
            insertId.setLong(2, rowNo);
            insertId.executeUpdate();
            insertCode(r.residentCode(), rowNo);
            insertKana(r, rowNo);
            insertHouseholdKey(r.householdId(), rowNo);
            residentDelta++;
        } else {
            Old old = old(row);
            RegisterRows.bindResident(updateResident, 1, r);
            updateResident.setLong(19, row);
            updateResident.executeUpdate();
            if (!old.residentCode.equals(r.residentCode())) {
                deleteCode.setString(1, old.residentCode);
                deleteCode.setLong(2, row);
                deleteCode.executeUpdate();
                insertCode(r.residentCode(), row);
            }
            if (!old.birthDate.toLocalDate().equals(r.birthDate()) || !old.familyKana.equals(r.familyNameKana())
                    || !old.givenKana.equals(r.givenNameKana())) {
                deleteKana(old, row);
                insertKana(r, row);
            }
            if (!old.householdId.equals(r.householdId())) {
                deleteHouseholdKey(old.householdId, row);
                insertHouseholdKey(r.householdId(), row);
                removeIfEmpty(old.householdId);
            }
        }
        upserts++;
    }

    /** Removes the resident, every key row of theirs and a household they leave empty; nothing when unknown. */
    public void remove(String residentId) throws SQLException {
        tombstones++;
        Long row = rowOf(residentId);
        if (row == null) {
            return; // a repeated page, or a resident this copy never held
        }
        Old old = old(row);
        deleteId.setString(1, residentId);
        deleteId.executeUpdate();
        deleteCode.setString(1, old.residentCode);
        deleteCode.setLong(2, row);
        deleteCode.executeUpdate();
        deleteKana(old, row);
        deleteHouseholdKey(old.householdId, row);
        if (old.myNumberIndex != null) {
            deleteMyNumber.setBytes(1, old.myNumberIndex);
            deleteMyNumber.setLong(2, row);
            deleteMyNumber.executeUpdate();
        }
        deleteResident.setLong(1, row);
        deleteResident.executeUpdate();
        residentDelta--;
        removeIfEmpty(old.householdId);
    }

    public int upserts() {
        return upserts;
    }

    public int tombstones() {
        return tombstones;
    }

    /** The live generation the changes went to. */
    public long generation() {
        return generation;
    }

    /** Writes the live generation's counts; call once, after the last change, before the caller commits. */
    public void finish() throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE register_generation SET residents = residents + ?, "
                + "households = households + ? WHERE generation = ? AND state = 'LIVE'")) {
            s.setLong(1, residentDelta);
            s.setLong(2, householdDelta);
            s.setLong(3, generation);
            if (s.executeUpdate() != 1) {
                throw new StoreException(StoreError.STORE_ERROR, "the live register generation vanished", null);
            }
        }
        residentDelta = 0;
        householdDelta = 0;
    }

    @Override
    public void close() throws SQLException {
        SQLException first = null;
        for (PreparedStatement s : new PreparedStatement[] {rowOf, residentRow, codeOwner, insertResident,
                updateResident, deleteResident, insertId, deleteId, insertCode, deleteCode, insertKana, deleteKana,
                insertHouseholdKey, deleteHouseholdKey, deleteMyNumber, householdExists, insertHousehold,
                updateHousehold, householdHasMembers, deleteHousehold}) {
            try {
                s.close();
            } catch (SQLException e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    private Long rowOf(String residentId) throws SQLException {
        rowOf.setString(1, residentId);
        try (ResultSet rs = rowOf.executeQuery()) {
            return rs.next() ? rs.getLong(1) : null;
        }
    }

    /** The key columns of a row before the change. */
    private record Old(String householdId, String residentCode, String familyKana, String givenKana, Date birthDate,
            byte[] myNumberIndex) {}

    private Old old(long row) throws SQLException {
        residentRow.setLong(1, row);
        try (ResultSet rs = residentRow.executeQuery()) {
            if (!rs.next()) {
                throw new StoreException(StoreError.STORE_ERROR, "a key of the register copy points to no row", null);
            }
            return new Old(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getDate(5),
                    rs.getBytes(6));
        }
    }

    private void writeHousehold(RegisterResident r, String head, String address) throws SQLException {
        String headId = head == null ? r.residentId() : head;
        String addr = address == null ? r.address() : address;
        householdExists.setString(1, r.householdId());
        boolean exists;
        try (ResultSet rs = householdExists.executeQuery()) {
            exists = rs.next();
        }
        if (exists) {
            updateHousehold.setString(1, headId);
            updateHousehold.setString(2, addr);
            updateHousehold.setString(3, r.postalCode());
            updateHousehold.setString(4, r.householdId());
            updateHousehold.executeUpdate();
        } else {
            insertHousehold.setString(1, r.householdId());
            insertHousehold.setString(2, headId);
            insertHousehold.setString(3, addr);
            insertHousehold.setString(4, r.postalCode());
            insertHousehold.executeUpdate();
            householdDelta++;
        }
    }

    private void removeIfEmpty(String householdId) throws SQLException {
        householdHasMembers.setString(1, householdId);
        try (ResultSet rs = householdHasMembers.executeQuery()) {
            if (rs.next()) {
                return;
            }
        }
        deleteHousehold.setString(1, householdId);
        householdDelta -= deleteHousehold.executeUpdate();
    }

    private void insertCode(String code, long row) throws SQLException {
        insertCode.setString(1, code);
        insertCode.setLong(2, row);
        insertCode.executeUpdate();
    }

    private void insertKana(RegisterResident r, long row) throws SQLException {
        insertKana.setDate(1, Date.valueOf(r.birthDate()));
        insertKana.setString(2, r.familyNameKana());
        insertKana.setString(3, r.givenNameKana());
        insertKana.setLong(4, row);
        insertKana.executeUpdate();
    }

    private void deleteKana(Old old, long row) throws SQLException {
        deleteKana.setDate(1, old.birthDate);
        deleteKana.setString(2, old.familyKana);
        deleteKana.setString(3, old.givenKana);
        deleteKana.setLong(4, row);
        deleteKana.executeUpdate();
    }

    private void insertHouseholdKey(String householdId, long row) throws SQLException {
        insertHouseholdKey.setString(1, householdId);
        insertHouseholdKey.setLong(2, row);
        insertHouseholdKey.executeUpdate();
    }

    private void deleteHouseholdKey(String householdId, long row) throws SQLException {
        deleteHouseholdKey.setString(1, householdId);
        deleteHouseholdKey.setLong(2, row);
        deleteHouseholdKey.executeUpdate();
    }
}
