package dev.madoguchi.backend.register;

import dev.madoguchi.backend.db.BackendDatabase;
import dev.madoguchi.backend.db.BackendDatabaseException;
import dev.madoguchi.backend.db.SqlStates;
import dev.madoguchi.domain.Sex;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * The resident register and its change feed. Every upsert or removal gives the resident a new change sequence
 * number; writers serialise on the {@code register_state} row, so changes commit in sequence order and a reader never
 * sees a later number before an earlier one (no change can slip behind a client's checkpoint).
 *
 * <p>Within one process, writers ({@link RegisterWriter}) and readers of the feed also take {@link #feedLock}: H2's READ COMMITTED lets a
 * reader see a committing transaction's index entries non-atomically (RegisterRepositoryTest caught a page ending
 * past the newest visible change), so on H2 — an embedded, one-process database — a page is never read while a
 * register write commits. PostgreSQL commits atomically; there the row lock alone orders writers of several servers.
 */
public final class RegisterRepository {

    /** Largest page a pull may ask for. */
    public static final int MAX_LIMIT = 1000;

    static final String COLUMNS = "resident_id, resident_code, household_id, relationship, family_name, "
            + "given_name, family_name_kana, given_name_kana, birth_date, sex, postal_code, address, moved_in_on, "
            + "household_head_resident_id, household_address, nationality, status_of_residence, period_of_stay_end, "
            + "residence_card_number, foreign_category";

    private final BackendDatabase database;
    private final ReentrantReadWriteLock feedLock = new ReentrantReadWriteLock(true);
    private final RegisterWriter writer;

    public RegisterRepository(BackendDatabase database) {
        this.database = database;
        this.writer = new RegisterWriter(database, feedLock);
    }

    /** Creates the register's state row (with a new random epoch) if this database has none yet. */
    public void initialise() {
        try (Connection c = database.connection()) {
            try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM register_state");
                    ResultSet r = s.executeQuery()) {
                r.next();
                if (r.getLong(1) > 0) {
                    return;
                }
            }
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO register_state (id, last_seq, register_epoch, seeded_from) VALUES (1, 0, ?, NULL)")) {
                s.setString(1, UUID.randomUUID().toString());
                s.executeUpdate();
            } catch (SQLException e) {
                if (!SqlStates.isUniqueViolation(e)) {
                    throw e;
                }
            }
        } catch (SQLException e) {
            throw failure("initialise the register", e);
        }
    }

    /**
     * Loads a snapshot once: when the register has never been seeded and holds no resident, upserts the residents
     * and records {@code snapshotId}. Returns whether it loaded them.
     */
    public boolean seedIfEmpty(String snapshotId, Supplier<List<RegisterResident>> residents) {
        try (Connection c = database.connection();
                PreparedStatement s = c.prepareStatement("SELECT seeded_from, last_seq FROM register_state WHERE id = 1");
                ResultSet r = s.executeQuery()) {
            if (!r.next()) {
                throw new IllegalStateException("the register is not initialised");
            }
            if (r.getString(1) != null || r.getLong(2) > 0) {
                return false;
            }
        } catch (SQLException e) {
            throw failure("read the register state", e);
        }
        writer.upsert(residents.get(), snapshotId);
        return true;
    }

    /**
     * Adds or changes residents in one transaction; each gets a new change sequence number in the given order (a
     * resident given twice counts once, at its last position). A removed resident that is upserted is back.
     *
     * @return the last sequence number handed out
     * @throws IllegalArgumentException when a resident code belongs to another resident
     */
    public long upsert(Collection<RegisterResident> residents) {
        return writer.upsert(residents, null);
    }

    /**
     * Removes residents (each becomes a tombstone with a new sequence number) in one transaction. A resident already
     * removed is left as it is.
     *
     * @return the last sequence number handed out (unchanged when nothing was removed)
     * @throws IllegalArgumentException for an id the register never had
     */
    public long remove(Collection<String> residentIds) {
        return writer.remove(residentIds);
    }

    /** The newest checkpoint: where a pull that has seen everything stands. */
    public Checkpoint head() {
        try (Connection c = database.connection();
                PreparedStatement s = c.prepareStatement("SELECT register_epoch, last_seq FROM register_state WHERE id = 1");
                ResultSet r = s.executeQuery()) {
            if (!r.next()) {
                throw new IllegalStateException("the register is not initialised");
            }
            return new Checkpoint(r.getString(1), r.getLong(2));
        } catch (SQLException e) {
            throw failure("read the register state", e);
        }
    }

    /**
     * The changes after a checkpoint (from the beginning when {@code since} is null), oldest first, at most
     * {@code limit}; each resident at most once, in its latest state.
     *
     * @throws CheckpointException when {@code since} is not a checkpoint of this register
     * @throws IllegalArgumentException when {@code limit} is outside 1..{@value #MAX_LIMIT}
     */
    public ChangePage changesSince(String since, int limit) throws CheckpointException {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
        feedLock.readLock().lock();
        try {
            return readPage(since, limit);
        } finally {
            feedLock.readLock().unlock();
        }
    }

    private ChangePage readPage(String since, int limit) throws CheckpointException {
        Checkpoint head = head();
        long from = 0;
        if (since != null) {
            Checkpoint given = Checkpoint.parse(since).orElseThrow(() -> new CheckpointException(
                    "since is not a checkpoint of this backend; pull again without since"));
            if (!given.epoch().equals(head.epoch())) {
                throw new CheckpointException(
                        "since is a checkpoint of another register database; pull again without since");
            }
            from = given.sequence();
        }
        List<RegisterChange> changes = new ArrayList<>();
        boolean hasMore = false;
        try (Connection c = database.connection();
                PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + ", change_seq, removed_at FROM resident "
                        + "WHERE change_seq > ? ORDER BY change_seq LIMIT ?")) {
            s.setLong(1, from);
            s.setInt(2, limit + 1);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    if (changes.size() == limit) {
                        hasMore = true;
                        break;
                    }
                    long seq = r.getLong(21);
                    OffsetDateTime removedAt = r.getObject(22, OffsetDateTime.class);
                    if (removedAt != null) {
                        changes.add(new RegisterChange.Tombstone(seq, r.getString(1), removedAt));
                    } else {
                        changes.add(new RegisterChange.Upsert(seq, read(r)));
                    }
                }
            }
        } catch (SQLException e) {
            throw failure("read register changes", e);
        }
        if (changes.isEmpty() && from > newestChange()) {
            // checked against the resident rows themselves, the same table the page was read from
            throw new CheckpointException(
                    "since is ahead of this register (was the database restored?); pull again without since");
        }
        long last = changes.isEmpty() ? from : changes.get(changes.size() - 1).sequence();
        return new ChangePage(changes, new Checkpoint(head.epoch(), last), hasMore);
    }

    private long newestChange() {
        try (Connection c = database.connection();
                PreparedStatement s = c.prepareStatement("SELECT COALESCE(MAX(change_seq), 0) FROM resident");
                ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        } catch (SQLException e) {
            throw failure("read the register state", e);
        }
    }

    /** A current (not removed) resident by 住民票コード. */
    public Optional<RegisterResident> findByCode(String residentCode) {
        try (Connection c = database.connection();
                PreparedStatement s = c.prepareStatement(
                        "SELECT " + COLUMNS + " FROM resident WHERE resident_code = ? AND removed_at IS NULL")) {
            s.setString(1, residentCode);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(read(r)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure("look a resident up", e);
        }
    }

    /** How many residents are current (not removed). */
    public long countCurrent() {
        try (Connection c = database.connection();
                PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM resident WHERE removed_at IS NULL");
                ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        } catch (SQLException e) {
            throw failure("count residents", e);
        }
    }

    private static RegisterResident read(ResultSet r) throws SQLException {
        return new RegisterResident(r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5),
                r.getString(6), r.getString(7), r.getString(8), r.getObject(9, LocalDate.class), sex(r.getString(10)),
                r.getString(11), r.getString(12), r.getObject(13, LocalDate.class), r.getString(14), r.getString(15),
                r.getString(16), r.getString(17), r.getObject(18, LocalDate.class), r.getString(19), r.getString(20));
    }

    /** The register's one-letter code for 性別: M, F or N (適用不能). */
    public static String sexCode(Sex sex) {
        return switch (sex) {
            case MALE -> "M";
            case FEMALE -> "F";
            case NOT_APPLICABLE -> "N";
        };
    }

    static Sex sex(String code) {
        return switch (code) {
            case "M" -> Sex.MALE;
            case "F" -> Sex.FEMALE;
            case "N" -> Sex.NOT_APPLICABLE;
            default -> throw new IllegalStateException("unknown sex code in the register");
        };
    }

    static BackendDatabaseException failure(String what, SQLException e) {
        return new BackendDatabaseException("could not " + what + " (SQL state " + e.getSQLState() + ")", e);
    }
}
