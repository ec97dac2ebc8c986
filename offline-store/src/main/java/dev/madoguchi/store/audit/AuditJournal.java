package dev.madoguchi.store.audit;

import dev.madoguchi.store.error.StoreException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.sql.DataSource;

/**
 * The tamper-evident journal: each row carries the SHA-256 of the previous row's hash and its own canonical form, so
 * changing, inserting or deleting a row breaks every later link. Appends happen inside the caller's transaction, so an
 * action and its audit row commit together or not at all.
 */
public final class AuditJournal {

    /** The previous hash of the first row. */
    public static final String GENESIS = "0".repeat(64);
    private static final char SEPARATOR = '\u001f';
    private static final char NULL_MARK = '\u0000';

    private final DataSource dataSource;
    private final Clock clock;
    private final String terminalId;

    public AuditJournal(DataSource dataSource, Clock clock, String terminalId) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.terminalId = terminalId;
    }

    /** Appends one row in the caller's transaction (the caller commits). */
    public void append(Connection c, String clerkId, AuditAction action, String subject, String detail)
            throws SQLException {
        long seq;
        String prev;
        try (PreparedStatement head = c.prepareStatement(
                "SELECT last_seq, last_hash FROM audit_head WHERE id = 1 FOR UPDATE");
                ResultSet rs = head.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("the audit head row is missing");
            }
            seq = rs.getLong(1) + 1;
            prev = rs.getString(2);
        }
        String at = clock.instant().toString();
        String hash = hash(prev, canonical(seq, at, clerkId, terminalId, action.name(), subject, detail));
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO audit_entry (seq, recorded_at, clerk_id, "
                + "terminal_id, action, subject, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, seq);
            insert.setString(2, at);
            insert.setString(3, clerkId);
            insert.setString(4, terminalId);
            insert.setString(5, action.name());
            insert.setString(6, subject);
            insert.setString(7, detail);
            insert.setString(8, prev);
            insert.setString(9, hash);
            insert.executeUpdate();
        }
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE audit_head SET last_seq = ?, last_hash = ? WHERE id = 1")) {
            update.setLong(1, seq);
            update.setString(2, hash);
            update.executeUpdate();
        }
    }

    /** Checks every link from the first row to the head; reports the first row that does not match. */
    public AuditVerification verify() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT seq, recorded_at, clerk_id, terminal_id, action, "
                        + "subject, detail, prev_hash, hash FROM audit_entry ORDER BY seq");
                ResultSet rs = s.executeQuery()) {
            long expectedSeq = 1;
            String prev = GENESIS;
            long rows = 0;
            while (rs.next()) {
                rows++;
                long seq = rs.getLong(1);
                if (seq != expectedSeq) {
                    return AuditVerification.brokenAt(rows, expectedSeq, "row " + expectedSeq + " is missing");
                }
                if (!prev.equals(rs.getString(8))) {
                    return AuditVerification.brokenAt(rows, seq, "the link to the previous row does not match");
                }
                String hash = hash(prev, canonical(seq, rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7)));
                if (!hash.equals(rs.getString(9))) {
                    return AuditVerification.brokenAt(rows, seq, "the row's content does not match its hash");
                }
                prev = hash;
                expectedSeq++;
            }
            try (PreparedStatement h = c.prepareStatement("SELECT last_seq, last_hash FROM audit_head WHERE id = 1");
                    ResultSet head = h.executeQuery()) {
                if (!head.next() || head.getLong(1) != expectedSeq - 1 || !head.getString(2).equals(prev)) {
                    return AuditVerification.brokenAt(rows, expectedSeq,
                            "rows after " + (expectedSeq - 1) + " are missing (the head does not match)");
                }
            }
            return AuditVerification.ok(rows);
        } catch (SQLException e) {
            throw StoreException.from("verify the audit journal", e);
        }
    }

    /** The newest rows, newest last. */
    public List<AuditEntry> tail(int limit) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT * FROM (SELECT seq, recorded_at, clerk_id, "
                        + "terminal_id, action, subject, detail, prev_hash, hash FROM audit_entry ORDER BY seq DESC "
                        + "LIMIT ?) ORDER BY seq")) {
            s.setInt(1, limit);
            List<AuditEntry> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new AuditEntry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            AuditAction.valueOf(rs.getString(5)), rs.getString(6), rs.getString(7), rs.getString(8),
                            rs.getString(9)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw StoreException.from("read the audit journal", e);
        }
    }

    static String canonical(long seq, String at, String clerkId, String terminalId, String action, String subject,
            String detail) {
        StringBuilder b = new StringBuilder(128);
        b.append(seq).append(SEPARATOR).append(at).append(SEPARATOR).append(clerkId).append(SEPARATOR)
                .append(terminalId).append(SEPARATOR).append(action).append(SEPARATOR);
        b.append(subject == null ? String.valueOf(NULL_MARK) : subject).append(SEPARATOR);
        b.append(detail == null ? String.valueOf(NULL_MARK) : detail);
        return b.toString();
    }

    static String hash(String previousHash, String canonicalRow) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(previousHash.getBytes(StandardCharsets.US_ASCII));
            sha.update(canonicalRow.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
