package dev.madoguchi.store.register;

import static dev.madoguchi.store.register.RegisterRows.utc;

import dev.madoguchi.store.audit.AuditAction;
import dev.madoguchi.store.base.StoreContext;
import dev.madoguchi.store.error.StoreError;
import dev.madoguchi.store.error.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The generations of the register copy (docs/adr/0009): which of the two slots is live ({@code register_generation}:
 * {@code LOADING}, {@code LIVE}, {@code RETIRED}), an import loaded beside the live copy and switched to in one
 * transaction, the slots of abandoned generations emptied, the live generation's sealed My Numbers purged, and the
 * live generation locked (or made, when there is none) for pulled changes ({@link RegisterChanges}).
 *
 * <p>Role checks are the caller's: {@link RegisterRepository} checks them before it calls in here.
 */
final class RegisterGenerations {

    private static final int PURGE_CHUNK = 20_000;
    /** How long an import's switch to the new copy waits for a register page being applied. */
    private static final int SWITCH_LOCK_TIMEOUT_MS = 60_000;

    private final StoreContext context;

    RegisterGenerations(StoreContext context) {
        this.context = context;
    }

    /** The import of {@link RegisterRepository#replaceAll(Iterable, Iterator, ImportProgress)}. */
    long replaceAll(Iterable<RegisterHousehold> households, Iterator<RegisterEntry> residents,
            ImportProgress progress) {
        discardAbandoned();
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
                discardAbandoned();
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed); // left LOADING: emptied by the next import or open
            }
            throw e;
        }
        progress.stage(ImportProgress.Stage.REMOVING_PREVIOUS);
        discardAbandoned();
        progress.imported(count);
        return count;
    }

    private long load(long generation, int slot, Iterable<RegisterHousehold> households,
            Iterator<RegisterEntry> residents, ImportProgress progress) {
        long[] counts = new long[2];
        try (Connection c = context.dataSource().getConnection()) {
            RegisterRows.truncate(c, slot); // the slot is not live: a replaced or abandoned copy, or empty
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

    /** {@link RegisterRepository#discardAbandonedGenerations()}. */
    void discardAbandoned() {
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
                RegisterRows.truncate(c, (int) g[1]);
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

    /** {@link RegisterRepository#purgeMyNumbers(Duration)}. */
    long purgeMyNumbers(Duration retention) {
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

    /**
     * Locks the register generations in the caller's transaction on {@code c} (an import's switch waits for this
     * transaction, and this one for a switch in progress), then reads the live generation; when there is none (a store
     * whose copy was never made live), makes an empty generation live in a slot no import is loading.
     *
     * @return the live generation and its slot
     */
    static long[] lockLive(StoreContext context, Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT generation FROM register_generation FOR UPDATE")) {
            while (rs.next()) {
                // the rows are locked; read them below as committed after any switch this waited for
            }
        }
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT generation, slot FROM register_generation WHERE state = 'LIVE'")) {
            if (rs.next()) {
                return new long[] {rs.getLong(1), rs.getInt(2)};
            }
        }
        return createLive(context, c);
    }

    /** An empty live generation in the slot that no LOADING generation uses (0 when none does). */
    private static long[] createLive(StoreContext context, Connection c) throws SQLException {
        long next;
        int slot;
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(generation), 0) + 1, "
                        + "COALESCE(MAX(CASE WHEN state = 'LOADING' THEN 1 - slot END), 0) FROM register_generation")) {
            rs.next();
            next = rs.getLong(1);
            slot = rs.getInt(2);
        }
        try (Statement s = c.createStatement()) {
            // a slot without a live generation holds nothing that is still wanted (DELETE: TRUNCATE would commit)
            s.executeUpdate("DELETE FROM register_generation WHERE slot = " + slot + " AND state = 'RETIRED'");
            for (String table : RegisterRows.SLOT_TABLES) {
                s.executeUpdate("DELETE FROM " + table + "_" + slot);
            }
        }
        Instant now = context.now();
        try (PreparedStatement s = c.prepareStatement("INSERT INTO register_generation (generation, slot, state, "
                + "started_at, live_at) VALUES (?, ?, 'LIVE', ?, ?)")) {
            s.setLong(1, next);
            s.setInt(2, slot);
            s.setObject(3, utc(now));
            s.setObject(4, utc(now));
            s.executeUpdate();
        }
        return new long[] {next, slot};
    }
}
