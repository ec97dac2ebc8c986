package dev.madoguchi.store.moveout;

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
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The pending move-in records pulled from the backend: the pull's side (its checkpoint and one page applied with it
 * in one transaction, {@link Capability#SYNC}) and the counter's (records of a birth date, each read audited;
 * {@link Capability#READ_REGISTER}). Expired records are never returned and are purged. Synchronous.
 */
public final class MoveOutRepository {

    /** The {@code setting} key of the pull's checkpoint. */
    public static final String CHECKPOINT_SETTING = "sync.moveOuts.checkpoint";

    private final StoreContext context;

    public MoveOutRepository(StoreContext context) {
        this.context = context;
    }

    /** The pull's checkpoint, empty before the first page. */
    public Optional<String> checkpoint() {
        context.require(Capability.SYNC);
        return context.inTransaction("read the move-out checkpoint", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT setting_value FROM setting WHERE setting_key = ?")) {
                s.setString(1, CHECKPOINT_SETTING);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    /**
     * Stores one page of records and its checkpoint in one transaction: a record already held is replaced (a page
     * pulled again changes nothing), so that after a crash the next pull repeats the page safely.
     *
     * @param refused how many records of the page were refused (malformed, expired, another municipality's): counted
     *     in the audit row, never stored
     */
    public void applyPage(List<MoveOutRecord> records, String checkpoint, int refused) {
        context.require(Capability.SYNC);
        if (checkpoint == null || checkpoint.isEmpty() || checkpoint.length() > 4000) {
            throw new StoreException(StoreError.BAD_INPUT, "a move-out page needs a checkpoint", null);
        }
        context.inTransaction("apply move-out records", c -> {
            for (MoveOutRecord r : records) {
                delete(c, r.recordId());
                insert(c, r);
            }
            try (PreparedStatement s = c.prepareStatement(
                    "MERGE INTO setting (setting_key, setting_value) KEY (setting_key) VALUES (?, ?)")) {
                s.setString(1, CHECKPOINT_SETTING);
                s.setString(2, checkpoint);
                s.executeUpdate();
            }
            context.audit(c, AuditAction.SYNC_REGISTER_CHANGES, null, "move-out records " + records.size()
                    + ", refused " + refused);
            return null;
        });
    }

    /**
     * Stores records that do not come from a pull — the demo's own pending records — replacing any held under the
     * same id; the pull's checkpoint is left as it is. Needs {@link Capability#SYNC}; audited with the count only.
     */
    public void keep(List<MoveOutRecord> records, String why) {
        context.require(Capability.SYNC);
        context.inTransaction("keep move-out records", c -> {
            for (MoveOutRecord r : records) {
                delete(c, r.recordId());
                insert(c, r);
            }
            context.audit(c, AuditAction.SYNC_REGISTER_CHANGES, null, "move-out records " + records.size() + " ("
                    + why + ")");
            return null;
        });
    }

    /**
     * The records still valid on {@code today} with a member born on {@code birthDate}, each read audited (the
     * record id, never a name). The counter compares names itself.
     */
    public List<MoveOutRecord> withMemberBornOn(LocalDate birthDate, LocalDate today) {
        context.require(Capability.READ_REGISTER);
        return context.inTransaction("find move-out records", c -> {
            Set<String> ids = new LinkedHashSet<>();
            try (PreparedStatement s = c.prepareStatement("SELECT DISTINCT m.record_id FROM move_out_member m "
                    + "JOIN move_out_record r ON r.record_id = m.record_id WHERE m.birth_date = ? "
                    + "AND r.valid_until >= ? ORDER BY m.record_id")) {
                s.setDate(1, Date.valueOf(birthDate));
                s.setDate(2, Date.valueOf(today));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                    }
                }
            }
            List<MoveOutRecord> out = new ArrayList<>();
            for (String id : ids) {
                read(c, id).ifPresent(out::add);
                context.audit(c, AuditAction.READ_RESIDENT, id, "move-out record read for a move-in");
            }
            return out;
        });
    }

    /** One record by id, still valid on {@code today} (a resumed 転入 visit), audited. */
    public Optional<MoveOutRecord> find(String recordId, LocalDate today) {
        context.require(Capability.READ_REGISTER);
        return context.inTransaction("read a move-out record", c -> {
            Optional<MoveOutRecord> found = read(c, recordId).filter(r -> !r.validUntil().isBefore(today));
            if (found.isPresent()) {
                context.audit(c, AuditAction.READ_RESIDENT, recordId, "move-out record read for a move-in");
            }
            return found;
        });
    }

    /** Deletes the records no longer valid on {@code today}; returns how many, audited with the count only. */
    public int purgeExpired(LocalDate today) {
        context.require(Capability.SYNC); // part of the pull
        return context.inTransaction("purge move-out records", c -> {
            int purged;
            try (PreparedStatement s = c.prepareStatement("DELETE FROM move_out_record WHERE valid_until < ?")) {
                s.setDate(1, Date.valueOf(today));
                purged = s.executeUpdate();
            }
            if (purged > 0) {
                context.audit(c, AuditAction.PURGE, null, "expired move-out records " + purged);
            }
            return purged;
        });
    }

    private static void delete(Connection c, String id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM move_out_record WHERE record_id = ?")) {
            s.setString(1, id);
            s.executeUpdate();
        }
    }

    private void insert(Connection c, MoveOutRecord r) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO move_out_record (record_id, from_municipality, "
                + "previous_address, previous_head, planned_move_date, valid_until, pulled_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, r.recordId());
            s.setString(2, r.fromMunicipality());
            s.setString(3, r.previousAddress());
            s.setString(4, r.previousHead());
            s.setDate(5, Date.valueOf(r.plannedMoveDate()));
            s.setDate(6, Date.valueOf(r.validUntil()));
            s.setTimestamp(7, Timestamp.from(context.now()));
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO move_out_member (record_id, position, "
                + "resident_code, family_name, given_name, family_name_kana, given_name_kana, birth_date, sex, "
                + "relationship, nationality) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < r.members().size(); i++) {
                MoveOutMember m = r.members().get(i);
                s.setString(1, r.recordId());
                s.setInt(2, i + 1);
                s.setString(3, m.residentCode());
                s.setString(4, m.familyName());
                s.setString(5, m.givenName());
                s.setString(6, m.familyNameKana());
                s.setString(7, m.givenNameKana());
                s.setDate(8, Date.valueOf(m.birthDate()));
                s.setString(9, m.sex() == Sex.MALE ? "M" : m.sex() == Sex.FEMALE ? "F" : "N");
                s.setString(10, m.relationship());
                s.setString(11, m.nationality());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    private static Optional<MoveOutRecord> read(Connection c, String id) throws SQLException {
        List<MoveOutMember> members = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT resident_code, family_name, given_name, "
                + "family_name_kana, given_name_kana, birth_date, sex, relationship, nationality FROM move_out_member "
                + "WHERE record_id = ? ORDER BY position")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String sex = rs.getString(7);
                    members.add(new MoveOutMember(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getDate(6).toLocalDate(), "M".equals(sex) ? Sex.MALE
                                    : "F".equals(sex) ? Sex.FEMALE : Sex.NOT_APPLICABLE,
                            rs.getString(8), rs.getString(9)));
                }
            }
        }
        try (PreparedStatement s = c.prepareStatement("SELECT from_municipality, previous_address, previous_head, "
                + "planned_move_date, valid_until FROM move_out_record WHERE record_id = ?")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new MoveOutRecord(id, rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getDate(4).toLocalDate(), rs.getDate(5).toLocalDate(), members));
            }
        }
    }
}
