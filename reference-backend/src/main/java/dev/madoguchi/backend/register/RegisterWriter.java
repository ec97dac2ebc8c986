package dev.madoguchi.backend.register;

import dev.madoguchi.backend.db.BackendDatabase;
import dev.madoguchi.backend.db.SqlStates;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The writing half of the register's change feed: upserts and removals, each resident with a new change sequence
 * number reserved on the {@code register_state} row (the writers' lock, released by the commit), in one transaction,
 * under the feed's write lock ({@link RegisterRepository} explains why H2 needs it). {@link RegisterRepository} is the
 * public face.
 */
final class RegisterWriter {

    private static final int BATCH = 1000;

    private final BackendDatabase database;
    private final ReentrantReadWriteLock feedLock;

    RegisterWriter(BackendDatabase database, ReentrantReadWriteLock feedLock) {
        this.database = database;
        this.feedLock = feedLock;
    }

    /** {@link RegisterRepository#upsert}; a seed records {@code snapshotId}, else it is null. */
    long upsert(Collection<RegisterResident> residents, String snapshotId) {
        Map<String, RegisterResident> latest = new LinkedHashMap<>();
        for (RegisterResident r : residents) {
            latest.remove(r.residentId());
            latest.put(r.residentId(), r);
        }
        List<RegisterResident> ordered = new ArrayList<>(latest.values());
        feedLock.writeLock().lock();
        try (Connection c = database.connection()) {
            c.setAutoCommit(false);
            try {
                long first = reserve(c, ordered.size(), snapshotId);
                for (int from = 0; from < ordered.size(); from += BATCH) {
                    List<RegisterResident> chunk = ordered.subList(from, Math.min(ordered.size(), from + BATCH));
                    writeChunk(c, chunk, first + from);
                }
                c.commit();
                return first + ordered.size() - 1;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            if (SqlStates.isUniqueViolation(e)) {
                throw new IllegalArgumentException("a resident code (住民票コード) belongs to another resident", e);
            }
            throw RegisterRepository.failure("write register changes", e);
        } finally {
            feedLock.writeLock().unlock();
        }
    }

    private void writeChunk(Connection c, List<RegisterResident> chunk, long firstSeq) throws SQLException {
        Set<String> existing = new HashSet<>();
        String marks = String.join(", ", Collections.nCopies(chunk.size(), "?"));
        try (PreparedStatement s = c.prepareStatement("SELECT resident_id FROM resident WHERE resident_id IN (" + marks
                + ")")) {
            for (int i = 0; i < chunk.size(); i++) {
                s.setString(i + 1, chunk.get(i).residentId());
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    existing.add(r.getString(1));
                }
            }
        }
        if (!existing.isEmpty()) {
            // new numbers are above every number in use, so no UPDATE collides with change_seq's UNIQUE constraint
            try (PreparedStatement s = c.prepareStatement("UPDATE resident SET resident_code = ?, household_id = ?, "
                    + "relationship = ?, family_name = ?, given_name = ?, family_name_kana = ?, given_name_kana = ?, "
                    + "birth_date = ?, sex = ?, postal_code = ?, address = ?, moved_in_on = ?, "
                    + "household_head_resident_id = ?, household_address = ?, nationality = ?, status_of_residence = ?, "
                    + "period_of_stay_end = ?, residence_card_number = ?, foreign_category = ?, change_seq = ?, "
                    + "removed_at = NULL WHERE resident_id = ?")) {
                for (int i = 0; i < chunk.size(); i++) {
                    RegisterResident r = chunk.get(i);
                    if (existing.contains(r.residentId())) {
                        bindDetails(s, 1, r);
                        s.setLong(20, firstSeq + i);
                        s.setString(21, r.residentId());
                        s.addBatch();
                    }
                }
                s.executeBatch();
            }
        }
        if (existing.size() < chunk.size()) {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO resident (" + RegisterRepository.COLUMNS + ", change_seq, "
                    + "removed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)")) {
                for (int i = 0; i < chunk.size(); i++) {
                    RegisterResident r = chunk.get(i);
                    if (!existing.contains(r.residentId())) {
                        s.setString(1, r.residentId());
                        bindDetails(s, 2, r);
                        s.setLong(21, firstSeq + i);
                        s.addBatch();
                    }
                }
                s.executeBatch();
            }
        }
    }

    /** Binds resident_code … foreign_category (19 columns) from {@code index}. */
    private static void bindDetails(PreparedStatement s, int index, RegisterResident r) throws SQLException {
        s.setString(index, r.residentCode());
        s.setString(index + 1, r.householdId());
        s.setString(index + 2, r.relationship());
        s.setString(index + 3, r.familyName());
        s.setString(index + 4, r.givenName());
        s.setString(index + 5, r.familyNameKana());
        s.setString(index + 6, r.givenNameKana());
        s.setObject(index + 7, r.birthDate());
        s.setString(index + 8, RegisterRepository.sexCode(r.sex()));
        s.setString(index + 9, r.postalCode());
        s.setString(index + 10, r.address());
        s.setObject(index + 11, r.movedInOn());
        s.setString(index + 12, r.householdHeadResidentId());
        s.setString(index + 13, r.householdAddress());
        s.setString(index + 14, r.nationality());
        s.setString(index + 15, r.statusOfResidence());
        if (r.periodOfStayEnd() == null) {
            s.setNull(index + 16, Types.DATE);
        } else {
            s.setObject(index + 16, r.periodOfStayEnd());
        }
        s.setString(index + 17, r.residenceCardNumber());
        s.setString(index + 18, r.foreignCategory());
    }

    /**
     * Removes residents (each becomes a tombstone with a new sequence number) in one transaction. A resident already
     * removed is left as it is.
     *
     * @return the last sequence number handed out (unchanged when nothing was removed)
     * @throws IllegalArgumentException for an id the register never had
     */
    long remove(Collection<String> residentIds) {
        List<String> ids = new ArrayList<>(new LinkedHashSet<>(residentIds));
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        feedLock.writeLock().lock();
        try (Connection c = database.connection()) {
            c.setAutoCommit(false);
            try {
                List<String> active = new ArrayList<>();
                try (PreparedStatement s = c.prepareStatement(
                        "SELECT removed_at FROM resident WHERE resident_id = ?")) {
                    for (String id : ids) {
                        s.setString(1, id);
                        try (ResultSet r = s.executeQuery()) {
                            if (!r.next()) {
                                throw new IllegalArgumentException("no resident " + id + " in the register");
                            }
                            if (r.getObject(1, OffsetDateTime.class) == null) {
                                active.add(id);
                            }
                        }
                    }
                }
                long first = reserve(c, active.size(), null);
                try (PreparedStatement s = c.prepareStatement(
                        "UPDATE resident SET removed_at = ?, change_seq = ? WHERE resident_id = ?")) {
                    for (int i = 0; i < active.size(); i++) {
                        s.setObject(1, now);
                        s.setLong(2, first + i);
                        s.setString(3, active.get(i));
                        s.addBatch();
                        if ((i + 1) % BATCH == 0) {
                            s.executeBatch();
                        }
                    }
                    s.executeBatch();
                }
                c.commit();
                return first + active.size() - 1;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw RegisterRepository.failure("remove residents", e);
        } finally {
            feedLock.writeLock().unlock();
        }
    }

    /**
     * Takes the register's write lock and reserves {@code count} sequence numbers; returns the first. Must run in the
     * caller's transaction, whose commit releases the lock.
     */
    private static long reserve(Connection c, int count, String snapshotId) throws SQLException {
        String sql = snapshotId == null
                ? "UPDATE register_state SET last_seq = last_seq + ? WHERE id = 1"
                : "UPDATE register_state SET last_seq = last_seq + ?, seeded_from = ? WHERE id = 1";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, count);
            if (snapshotId != null) {
                s.setString(2, snapshotId);
            }
            if (s.executeUpdate() != 1) {
                throw new IllegalStateException("the register is not initialised");
            }
        }
        try (PreparedStatement s = c.prepareStatement("SELECT last_seq FROM register_state WHERE id = 1");
                ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1) - count + 1;
        }
    }
}
