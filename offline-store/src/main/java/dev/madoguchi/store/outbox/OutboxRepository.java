package dev.madoguchi.store.outbox;

import static dev.madoguchi.store.outbox.OutboxRows.COLUMNS;
import static dev.madoguchi.store.outbox.OutboxRows.UNFINISHED;
import static dev.madoguchi.store.outbox.OutboxRows.utc;

import dev.madoguchi.store.audit.AuditAction;
import dev.madoguchi.store.base.StoreContext;
import dev.madoguchi.store.clerks.Capability;
import dev.madoguchi.store.error.StoreError;
import dev.madoguchi.store.error.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The transactional outbox (docs/adr/0012-sync-engine.md), the one entry point to the {@code outbox} table: other
 * repositories {@link #append} a message in the same transaction as their domain rows; the sync engine claims batches
 * in order per aggregate and records the backend's answers (a delivered case becomes SYNCED in the same transaction);
 * file linkage marks what a file delivered; a person retries, discards or exports a BLOCKED message (audited).
 * Everything but {@link #append} needs {@link Capability#SYNC}. Synchronous; one sync worker per store.
 */
public final class OutboxRepository {

    /**
     * The aggregate type of counter cases: a case whose messages are all finished is finished with them (SYNCED, or
     * CANCELLED when a person discarded one).
     */
    public static final String CASE_AGGREGATE = "case";

    private final StoreContext context;
    private final OutboxClaims claims;
    private final OutboxCompletion completion;

    public OutboxRepository(StoreContext context) {
        this.context = context;
        this.claims = new OutboxClaims(context);
        this.completion = new OutboxCompletion(context);
    }

    /** Appends a PENDING message in the caller's transaction; returns its idempotency key. */
    public UUID append(Connection c, String aggregateType, String aggregateId, String kind, String payload)
            throws SQLException {
        return append(c, aggregateType, aggregateId, kind, payload, UUID.randomUUID());
    }

    /**
     * Appends a PENDING message with a given idempotency key (a shelter event's own id, the same on every laptop that
     * holds the event) in the caller's transaction.
     */
    public UUID append(Connection c, String aggregateType, String aggregateId, String kind, String payload, UUID id)
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

    /** One message of {@link #appendAll}: its aggregate, kind, payload and idempotency key. */
    public record NewMessage(String aggregateId, String kind, String payload, UUID id) {}

    /**
     * Appends many PENDING messages of one aggregate type in the caller's transaction, in list order per aggregate,
     * with one sequence query per aggregate and one batched insert (an exchange file's thousands of events).
     */
    public void appendAll(Connection c, String aggregateType, List<NewMessage> messages) throws SQLException {
        java.util.Map<String, Long> next = new java.util.HashMap<>();
        OffsetDateTime now = utc(context.now());
        try (PreparedStatement seq = c.prepareStatement("SELECT COALESCE(MAX(aggregate_seq), 0) + 1 FROM outbox "
                + "WHERE aggregate_type = ? AND aggregate_id = ?");
                PreparedStatement s = c.prepareStatement("INSERT INTO outbox (id, aggregate_type, aggregate_id, "
                + "aggregate_seq, kind, payload, attempts, next_attempt_at, status, created_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, 0, ?, 'PENDING', ?)")) {
            int pending = 0;
            for (NewMessage m : messages) {
                Long n = next.get(m.aggregateId());
                if (n == null) {
                    seq.setString(1, aggregateType);
                    seq.setString(2, m.aggregateId());
                    try (ResultSet rs = seq.executeQuery()) {
                        rs.next();
                        n = rs.getLong(1);
                    }
                }
                next.put(m.aggregateId(), n + 1);
                s.setObject(1, m.id());
                s.setString(2, aggregateType);
                s.setString(3, m.aggregateId());
                s.setLong(4, n);
                s.setString(5, m.kind());
                s.setString(6, m.payload());
                s.setObject(7, now);
                s.setObject(8, now);
                s.addBatch();
                if (++pending == 500) {
                    s.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                s.executeBatch();
            }
        }
    }

    /**
     * Puts messages left SENDING by a crash back to PENDING, due now. They are sent again; the backend answers a repeat
     * with the first receipt (idempotency key = the message id), so nothing is delivered twice.
     *
     * @return how many were recovered
     */
    public int recoverInterrupted() {
        context.require(Capability.SYNC);
        return claims.recoverInterrupted();
    }

    /**
     * Claims up to {@code limit} due messages and marks them SENDING (attempts + 1), in one transaction. Per aggregate
     * only a run from its first unfinished message is taken, in sequence order, and only while every message before it
     * is due (a BLOCKED, SENDING or backing-off message holds the rest of its aggregate). At most {@code perAggregate}
     * messages of one aggregate go in one batch, in order: with 1 (the engine's default) a message is sent only once
     * every earlier message of its aggregate is DONE, even when an earlier one fails inside a batch.
     */
    public List<OutboxMessage> claimBatch(int limit, int perAggregate) {
        context.require(Capability.SYNC);
        return claims.claimBatch(limit, perAggregate);
    }

    /** Due PENDING messages in the order {@link #claimBatch} would take them, without claiming them (file linkage). */
    public List<OutboxMessage> peekDue(int limit) {
        context.require(Capability.SYNC);
        return claims.peekDue(limit);
    }

    /**
     * Records the outcome of claimed messages in one transaction: DONE with the receipt (and a case whose messages are
     * all DONE becomes SYNCED, so retention may purge its My Number), PENDING again at a time, or BLOCKED with the
     * problem.
     */
    public void complete(Collection<? extends DeliveryOutcome> outcomes) {
        context.require(Capability.SYNC);
        completion.complete(outcomes);
    }

    /**
     * File linkage: marks messages delivered in a file that was written completely (fsync + atomic rename already
     * done), in one transaction with one audit row.
     *
     * @return how many were marked (messages already finished are left alone)
     */
    public int markDeliveredByFile(Collection<UUID> ids, String fileName) {
        context.require(Capability.SYNC);
        return completion.markDeliveredByFile(ids, fileName);
    }

    /** A person sends a BLOCKED message again now; audited. */
    public void retry(UUID id) {
        context.require(Capability.SYNC);
        completion.retry(id);
    }

    /**
     * A person gives up on a BLOCKED message: it is finished without delivery (the aggregate's later messages proceed);
     * the reason is kept on the message and in the audit journal.
     */
    public DiscardOutcome discard(UUID id, String reason) {
        context.require(Capability.SYNC);
        return completion.discard(id, reason);
    }

    /** The message for a person to export (e.g. to hand to the municipality by other means); the export is audited. */
    public OutboxMessage export(UUID id, String destination) {
        context.require(Capability.SYNC);
        return context.inTransaction("export an outbox message", c -> {
            OutboxMessage m = OutboxRows.find(c, id).orElseThrow(() -> new StoreException(StoreError.BAD_INPUT,
                    "no such outbox message", null));
            context.audit(c, AuditAction.EXPORT, id.toString(), "outbox message to " + destination);
            return m;
        });
    }

    /** One message by id. */
    public Optional<OutboxMessage> find(UUID id) {
        context.require(Capability.SYNC);
        return context.inTransaction("read an outbox message", c -> OutboxRows.find(c, id));
    }

    /** Every message of an aggregate in order. */
    public List<OutboxMessage> ofAggregate(String aggregateType, String aggregateId) {
        context.require(Capability.SYNC);
        return context.inTransaction("read outbox messages", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM outbox WHERE aggregate_type = ? "
                    + "AND aggregate_id = ? ORDER BY aggregate_seq")) {
                s.setString(1, aggregateType);
                s.setString(2, aggregateId);
                return OutboxRows.list(s);
            }
        });
    }

    /** Messages in one state, oldest first, at most {@code limit}. */
    public List<OutboxMessage> withStatus(OutboxStatus status, int limit) {
        context.require(Capability.SYNC);
        return context.inTransaction("read outbox messages", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM outbox WHERE status = ? "
                    + "ORDER BY created_at, aggregate_type, aggregate_id, aggregate_seq LIMIT ?")) {
                s.setString(1, status.name());
                s.setInt(2, limit);
                return OutboxRows.list(s);
            }
        });
    }

    /** Counts per state (no personal data: any role that may sync). */
    public OutboxCounts counts() {
        context.require(Capability.SYNC);
        return context.inTransaction("count outbox messages", c -> {
            long waiting = 0;
            long sending = 0;
            long blocked = 0;
            long done = 0;
            long discarded = 0;
            try (PreparedStatement s = c.prepareStatement("SELECT status, discarded_at IS NOT NULL, COUNT(*) FROM "
                    + "outbox GROUP BY status, discarded_at IS NOT NULL");
                    ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    long n = rs.getLong(3);
                    switch (OutboxStatus.valueOf(rs.getString(1))) {
                        case PENDING -> waiting += n;
                        case SENDING -> sending += n;
                        case BLOCKED -> blocked += n;
                        case DONE -> {
                            if (rs.getBoolean(2)) {
                                discarded += n;
                            } else {
                                done += n;
                            }
                        }
                    }
                }
            }
            return new OutboxCounts(waiting, sending, blocked, done, discarded);
        });
    }

    /**
     * Counts of the unfinished messages only (PENDING, SENDING, BLOCKED; {@code done} and {@code discarded} are 0):
     * what the status bar needs every few seconds, read from the status index without touching the DONE history.
     */
    public OutboxCounts openCounts() {
        context.require(Capability.SYNC);
        return context.inTransaction("count unfinished outbox messages", c -> {
            long[] n = new long[3];
            try (PreparedStatement s = c.prepareStatement("SELECT status, COUNT(*) FROM outbox WHERE status IN "
                    + UNFINISHED + " GROUP BY status");
                    ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    n[List.of("PENDING", "SENDING", "BLOCKED").indexOf(rs.getString(1))] = rs.getLong(2);
                }
            }
            return new OutboxCounts(n[0], n[1], n[2], 0, 0);
        });
    }
}
