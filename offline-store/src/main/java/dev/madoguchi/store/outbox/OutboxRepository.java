package dev.madoguchi.store.outbox;

import dev.madoguchi.store.StoreContext;
import dev.madoguchi.store.clerks.Capability;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The transactional outbox: other repositories {@link #append} a message in the same transaction as their domain rows;
 * the sync lane takes {@link #due} messages, marks them and reports the outcome.
 */
public final class OutboxRepository {

    private static final String COLUMNS = "id, aggregate_type, aggregate_id, aggregate_seq, kind, payload, attempts, "
            + "next_attempt_at, status, last_error";

    private final StoreContext context;

    public OutboxRepository(StoreContext context) {
        this.context = context;
    }

    /** Appends a PENDING message in the caller's transaction; returns its idempotency key. */
    public UUID append(Connection c, String aggregateType, String aggregateId, String kind, String payload)
            throws SQLException {
        long seq;
        try (PreparedStatement s = c.prepareStatement("SELECT COALESCE(MAX(aggregate_seq), 0) + 1 FROM outbox "
                + "WHERE aggregate_type = ? AND aggregate_id = ?")) {
            s.setString(1, aggregateType);
            s.setString(2, aggregateId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                seq = rs.getLong(1);
            }
        }
        UUID id = UUID.randomUUID();
        OffsetDateTime now = utc(context.now());
        try (PreparedStatement s = c.prepareStatement("INSERT INTO outbox (id, aggregate_type, aggregate_id, "
                + "aggregate_seq, kind, payload, attempts, next_attempt_at, status, created_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, 0, ?, 'PENDING', ?)")) {
            s.setObject(1, id);
            s.setString(2, aggregateType);
            s.setString(3, aggregateId);
            s.setLong(4, seq);
            s.setString(5, kind);
            s.setString(6, payload);
            s.setObject(7, now);
            s.setObject(8, now);
            s.executeUpdate();
        }
        return id;
    }

    /**
     * Messages due now, oldest first, at most one per aggregate and only when every earlier message of that aggregate
     * is DONE (per-aggregate order).
     */
    public List<OutboxMessage> due(int limit) {
        context.require(Capability.SYNC);
        return context.inTransaction("read due outbox messages", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM outbox o WHERE status = "
                    + "'PENDING' AND next_attempt_at <= ? AND NOT EXISTS (SELECT 1 FROM outbox e WHERE "
                    + "e.aggregate_type = o.aggregate_type AND e.aggregate_id = o.aggregate_id "
                    + "AND e.aggregate_seq < o.aggregate_seq AND e.status <> 'DONE') "
                    + "ORDER BY created_at, aggregate_seq LIMIT ?")) {
                s.setObject(1, utc(context.now()));
                s.setInt(2, limit);
                return list(s);
            }
        });
    }

    /** Every message of an aggregate in order. */
    public List<OutboxMessage> ofAggregate(String aggregateType, String aggregateId) {
        context.require(Capability.SYNC);
        return context.inTransaction("read outbox messages", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM outbox WHERE aggregate_type = ? "
                    + "AND aggregate_id = ? ORDER BY aggregate_seq")) {
                s.setString(1, aggregateType);
                s.setString(2, aggregateId);
                return list(s);
            }
        });
    }

    /** Messages in one status (e.g. BLOCKED, to show "retry / discard / export"). */
    public List<OutboxMessage> withStatus(OutboxStatus status) {
        context.require(Capability.SYNC);
        return context.inTransaction("read outbox messages", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM outbox WHERE status = ? "
                    + "ORDER BY created_at, aggregate_seq")) {
                s.setString(1, status.name());
                return list(s);
            }
        });
    }

    public void markSending(UUID id) {
        update(id, "UPDATE outbox SET status = 'SENDING', attempts = attempts + 1 WHERE id = ?");
    }

    public void markDone(UUID id) {
        update(id, "UPDATE outbox SET status = 'DONE', last_error = NULL WHERE id = ?");
    }

    /** A retryable failure (network, 5xx): back to PENDING, due again at {@code retryAt}. */
    public void markFailed(UUID id, String error, Instant retryAt) {
        context.require(Capability.SYNC);
        context.inTransaction("record an outbox failure", c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE outbox SET status = 'PENDING', last_error = ?, "
                    + "next_attempt_at = ? WHERE id = ?")) {
                s.setString(1, truncate(error));
                s.setObject(2, utc(retryAt));
                s.setObject(3, id);
                s.executeUpdate();
            }
            return null;
        });
    }

    /** A failure retrying will not fix (4xx): BLOCKED until a person retries or discards it. */
    public void markBlocked(UUID id, String error) {
        context.require(Capability.SYNC);
        context.inTransaction("block an outbox message", c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE outbox SET status = 'BLOCKED', last_error = ? WHERE id = ?")) {
                s.setString(1, truncate(error));
                s.setObject(2, id);
                s.executeUpdate();
            }
            return null;
        });
    }

    /** A person asked to retry a BLOCKED (or stuck SENDING) message now. */
    public void retry(UUID id) {
        context.require(Capability.SYNC);
        context.inTransaction("retry an outbox message", c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE outbox SET status = 'PENDING', next_attempt_at = ? WHERE id = ?")) {
                s.setObject(1, utc(context.now()));
                s.setObject(2, id);
                s.executeUpdate();
            }
            return null;
        });
    }

    private void update(UUID id, String sql) {
        context.require(Capability.SYNC);
        context.inTransaction("update an outbox message", c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setObject(1, id);
                s.executeUpdate();
            }
            return null;
        });
    }

    private static List<OutboxMessage> list(PreparedStatement s) throws SQLException {
        List<OutboxMessage> out = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                out.add(new OutboxMessage(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getLong(4), rs.getString(5), rs.getString(6), rs.getInt(7),
                        rs.getObject(8, OffsetDateTime.class).toInstant(), OutboxStatus.valueOf(rs.getString(9)),
                        rs.getString(10)));
            }
        }
        return out;
    }

    private static String truncate(String error) {
        return error == null || error.length() <= 1000 ? error : error.substring(0, 1000);
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
