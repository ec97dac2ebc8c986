package dev.madoguchi.store.sync;

import dev.madoguchi.store.StoreContext;
import dev.madoguchi.store.StoreError;
import dev.madoguchi.store.StoreException;
import dev.madoguchi.store.audit.AuditAction;
import dev.madoguchi.store.cases.CaseRepository;
import dev.madoguchi.store.clerks.Capability;
import dev.madoguchi.store.outbox.OutboxStatus;
import dev.madoguchi.store.register.RegisterChanges;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The sync engine's side of the store (docs/adr/0012-sync-engine.md): claims batches of outbox messages in order per
 * aggregate, records the backend's answers (a delivered case becomes SYNCED in the same transaction), lets a person
 * retry, discard or export a BLOCKED message (audited), and applies pulled register changes together with their
 * checkpoint in one transaction. Synchronous; one sync worker per store.
 */
public final class SyncRepository {

    /** Settings key of the register pull's checkpoint (opaque, the backend's; an import removes it). */
    public static final String CHECKPOINT_SETTING = RegisterChanges.CHECKPOINT_SETTING;
    /**
     * A case whose messages are all finished (DONE) is finished too, in the transaction that finished its last message:
     * SYNCED when the backend received every one, CANCELLED when a person discarded any of them (the backend never got
     * the whole case). Either way {@code synced_at} is the moment the sync engine was done with it, and the retention
     * purge removes its My Number that long after. Parameters: aggregate type, case id (text), now, case id (UUID),
     * aggregate type, case id (text).
     */
    private static final String FINISH_CASE = "UPDATE counter_case SET status = CASE WHEN EXISTS (SELECT 1 FROM outbox "
            + "WHERE aggregate_type = ? AND aggregate_id = ? AND discarded_at IS NOT NULL) THEN 'CANCELLED' "
            + "ELSE 'SYNCED' END, synced_at = ? WHERE case_id = ? AND status IN ('OPEN', 'SUBMITTED') AND NOT EXISTS "
            + "(SELECT 1 FROM outbox WHERE aggregate_type = ? AND aggregate_id = ? AND status <> 'DONE')";

    private static final String COLUMNS = "id, aggregate_type, aggregate_id, aggregate_seq, kind, payload, attempts, "
            + "created_at, status, last_error, problem_code, receipt_number, discard_reason";
    private static final String UNFINISHED = "('PENDING', 'SENDING', 'BLOCKED')";

    private final StoreContext context;

    public SyncRepository(StoreContext context) {
        this.context = context;
    }

    /**
     * Puts messages left SENDING by a crash back to PENDING, due now. They are sent again; the backend answers a repeat
     * with the first receipt (idempotency key = the message id), so nothing is delivered twice.
     *
     * @return how many were recovered
     */
    public int recoverInterrupted() {
        context.require(Capability.SYNC);
        return context.inTransaction("recover interrupted sync messages", c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE outbox SET status = 'PENDING', next_attempt_at = ? WHERE status = 'SENDING'")) {
                s.setObject(1, utc(context.now()));
                return s.executeUpdate();
            }
        });
    }

    /**
     * Claims up to {@code limit} due messages and marks them SENDING (attempts + 1), in one transaction. Per aggregate
     * only a run from its first unfinished message is taken, in sequence order, and only while every message before it
     * is due (a BLOCKED, SENDING or backing-off message holds the rest of its aggregate). At most {@code perAggregate}
     * messages of one aggregate go in one batch, in order: with 1 (the engine's default) a message is sent only once
     * every earlier message of its aggregate is DONE, even when an earlier one fails inside a batch.
     */
    public List<SyncMessage> claimBatch(int limit, int perAggregate) {
        context.require(Capability.SYNC);
        if (limit < 1) {
            throw new IllegalArgumentException("a batch holds at least one message");
        }
        return context.inTransaction("claim a sync batch", c -> {
            List<SyncMessage> batch = eligible(c, limit, perAggregate);
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE outbox SET status = 'SENDING', attempts = attempts + 1 WHERE id = ? AND status = 'PENDING'")) {
                for (SyncMessage m : batch) {
                    s.setObject(1, m.id());
                    s.addBatch();
                }
                s.executeBatch();
            }
            List<SyncMessage> claimed = new ArrayList<>(batch.size());
            for (SyncMessage m : batch) {
                claimed.add(new SyncMessage(m.id(), m.aggregateType(), m.aggregateId(), m.aggregateSeq(), m.kind(),
                        m.payload(), m.attempts() + 1, m.createdAt(), OutboxStatus.SENDING, m.lastError(),
                        m.problemCode(), m.receiptNumber(), m.discardReason()));
            }
            return claimed;
        });
    }

    /**
     * Due PENDING messages in the order {@link #claimBatch} would take them, without claiming them (file linkage).
     */
    public List<SyncMessage> peekDue(int limit) {
        context.require(Capability.SYNC);
        return context.inTransaction("read due sync messages", c -> eligible(c, limit, Integer.MAX_VALUE));
    }

    private List<SyncMessage> eligible(Connection c, int limit, int perAggregate) throws SQLException {
        if (perAggregate == 1) {
            return heads(c, limit);
        }
        // blockers = unfinished messages up to and including this one that are not due PENDING ones; pos = place
        // among the aggregate's unfinished messages. A message may go when nothing before it blocks, and (checked
        // below) when every unfinished message before it goes in the same batch.
        String sql = "SELECT " + COLUMNS + ", pos FROM (SELECT " + COLUMNS + ", "
                + "SUM(CASE WHEN status = 'PENDING' AND next_attempt_at <= ? THEN 0 ELSE 1 END) OVER (PARTITION BY "
                + "aggregate_type, aggregate_id ORDER BY aggregate_seq ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT "
                + "ROW) AS blockers, ROW_NUMBER() OVER (PARTITION BY aggregate_type, aggregate_id ORDER BY "
                + "aggregate_seq) AS pos FROM outbox WHERE status IN " + UNFINISHED + ") t WHERE blockers = 0 "
                + "AND pos <= ? ORDER BY created_at, aggregate_type, aggregate_id, aggregate_seq LIMIT ?";
        List<SyncMessage> out = new ArrayList<>();
        Map<String, Long> taken = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, utc(context.now()));
            s.setLong(2, perAggregate);
            s.setInt(3, limit);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    SyncMessage m = message(rs);
                    String aggregate = m.aggregateType() + '\u001f' + m.aggregateId();
                    long before = taken.getOrDefault(aggregate, 0L);
                    if (rs.getLong("pos") == before + 1) { // contiguous from the aggregate's first unfinished one
                        out.add(m);
                        taken.put(aggregate, before + 1);
                    }
                }
            }
        }
        return out;
    }

    /**
     * Strict order: due PENDING messages that are the first unfinished message of their aggregate, oldest due first.
     * Walks the (status, next_attempt_at) index in order and stops at {@code limit}; the check for an earlier
     * unfinished message is an index seek on (status, aggregate, sequence) per status, so the DONE history is never
     * scanned (measured: 35–55 ms for 250 of a 10,000-message backlog).
     */
    private List<SyncMessage> heads(Connection c, int limit) throws SQLException {
        // one probe per unfinished status: an equality on the index's first column keeps each probe a range seek
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM outbox o WHERE o.status = 'PENDING' "
                + "AND o.next_attempt_at <= ?");
        for (String status : List.of("PENDING", "SENDING", "BLOCKED")) {
            sql.append(" AND NOT EXISTS (SELECT 1 FROM outbox e WHERE e.status = '").append(status).append("' AND "
                    + "e.aggregate_type = o.aggregate_type AND e.aggregate_id = o.aggregate_id AND e.aggregate_seq < "
                    + "o.aggregate_seq)");
        }
        sql.append(" ORDER BY o.next_attempt_at LIMIT ?");
        try (PreparedStatement s = c.prepareStatement(sql.toString())) {
            s.setObject(1, utc(context.now()));
            s.setInt(2, limit);
            return list(s);
        }
    }

    /**
     * Records the outcome of claimed messages in one transaction: DONE with the receipt (and a case whose messages are
     * all DONE becomes SYNCED, so retention may purge its My Number), PENDING again at a time, or BLOCKED with the
     * problem.
     */
    public void complete(Collection<? extends DeliveryOutcome> outcomes) {
        context.require(Capability.SYNC);
        if (outcomes.isEmpty()) {
            return;
        }
        context.inTransaction("record sync outcomes", c -> {
            try (PreparedStatement done = c.prepareStatement("UPDATE outbox SET status = 'DONE', last_error = NULL, "
                    + "problem_code = NULL, receipt_number = ?, received_at = ? WHERE id = ? AND status <> 'DONE'");
                    PreparedStatement retry = c.prepareStatement("UPDATE outbox SET status = 'PENDING', "
                            + "last_error = ?, next_attempt_at = ? WHERE id = ? AND status = 'SENDING'");
                    PreparedStatement notSent = c.prepareStatement("UPDATE outbox SET status = 'PENDING', "
                            + "attempts = GREATEST(attempts - 1, 0), next_attempt_at = ? WHERE id = ? "
                            + "AND status = 'SENDING'");
                    PreparedStatement blocked = c.prepareStatement("UPDATE outbox SET status = 'BLOCKED', "
                            + "problem_code = ?, last_error = ? WHERE id = ? AND status = 'SENDING'");
                    PreparedStatement caseOf = c.prepareStatement("SELECT aggregate_id FROM outbox WHERE id = ? "
                            + "AND aggregate_type = ?");
                    PreparedStatement synced = c.prepareStatement(FINISH_CASE)) {
                OffsetDateTime now = utc(context.now());
                List<UUID> delivered = new ArrayList<>();
                for (DeliveryOutcome outcome : outcomes) {
                    if (outcome instanceof DeliveryOutcome.Delivered d) {
                        done.setString(1, d.receiptNumber());
                        done.setString(2, d.receivedAt());
                        done.setObject(3, d.id());
                        done.addBatch();
                        delivered.add(d.id());
                    } else if (outcome instanceof DeliveryOutcome.RetryLater r) {
                        retry.setString(1, truncate(r.error()));
                        retry.setObject(2, utc(r.retryAt()));
                        retry.setObject(3, r.id());
                        retry.addBatch();
                    } else if (outcome instanceof DeliveryOutcome.NotSent n) {
                        notSent.setObject(1, utc(n.retryAt()));
                        notSent.setObject(2, n.id());
                        notSent.addBatch();
                    } else if (outcome instanceof DeliveryOutcome.Blocked b) {
                        blocked.setString(1, truncate(b.problemCode(), 80));
                        blocked.setString(2, truncate(b.detail()));
                        blocked.setObject(3, b.id());
                        blocked.addBatch();
                    }
                }
                done.executeBatch();
                retry.executeBatch();
                notSent.executeBatch();
                blocked.executeBatch();
                for (UUID id : delivered) {
                    caseOf.setObject(1, id);
                    caseOf.setString(2, CaseRepository.AGGREGATE);
                    String caseId = null;
                    try (ResultSet rs = caseOf.executeQuery()) {
                        if (rs.next()) {
                            caseId = rs.getString(1);
                        }
                    }
                    if (caseId != null && uuid(caseId).isPresent()) {
                        bindFinishCase(synced, caseId, now);
                        synced.addBatch();
                    }
                }
                synced.executeBatch();
            }
            return null;
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

    /** Messages in one state, oldest first, at most {@code limit}. */
    public List<SyncMessage> withStatus(OutboxStatus status, int limit) {
        context.require(Capability.SYNC);
        return context.inTransaction("read outbox messages", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM outbox WHERE status = ? "
                    + "ORDER BY created_at, aggregate_type, aggregate_id, aggregate_seq LIMIT ?")) {
                s.setString(1, status.name());
                s.setInt(2, limit);
                return list(s);
            }
        });
    }

    /** One message by id. */
    public Optional<SyncMessage> find(UUID id) {
        context.require(Capability.SYNC);
        return context.inTransaction("read an outbox message", c -> find(c, id));
    }

    /** A person sends a BLOCKED message again now; audited. */
    public void retry(UUID id) {
        context.require(Capability.SYNC);
        context.inTransaction("retry a blocked message", c -> {
            requireBlocked(c, id);
            try (PreparedStatement s = c.prepareStatement("UPDATE outbox SET status = 'PENDING', next_attempt_at = ?, "
                    + "problem_code = NULL WHERE id = ?")) {
                s.setObject(1, utc(context.now()));
                s.setObject(2, id);
                s.executeUpdate();
            }
            context.audit(c, AuditAction.SYNC_RETRY, id.toString(), null);
            return null;
        });
    }

    /**
     * A person gives up on a BLOCKED message: it is finished without delivery (the aggregate's later messages proceed);
     * the reason is kept on the message and in the audit journal.
     */
    public DiscardOutcome discard(UUID id, String reason) {
        context.require(Capability.SYNC);
        if (reason == null || reason.isBlank()) {
            throw new StoreException(StoreError.BAD_INPUT, "a discard needs a reason", null);
        }
        return context.inTransaction("discard a blocked message", c -> {
            SyncMessage m = requireBlocked(c, id);
            OffsetDateTime now = utc(context.now());
            try (PreparedStatement s = c.prepareStatement("UPDATE outbox SET status = 'DONE', discarded_at = ?, "
                    + "discarded_by = ?, discard_reason = ? WHERE id = ?")) {
                s.setObject(1, now);
                s.setString(2, context.clerk().clerkId());
                s.setString(3, truncate(reason.strip()));
                s.setObject(4, id);
                s.executeUpdate();
            }
            boolean cancelled = false;
            if (CaseRepository.AGGREGATE.equals(m.aggregateType()) && uuid(m.aggregateId()).isPresent()) {
                try (PreparedStatement s = c.prepareStatement(FINISH_CASE)) {
                    bindFinishCase(s, m.aggregateId(), now);
                    cancelled = s.executeUpdate() == 1;
                }
            }
            String detail = truncate(reason.strip(), 900) + (cancelled ? " [case " + m.aggregateId() + " cancelled]" : "");
            context.audit(c, AuditAction.SYNC_DISCARD, id.toString(), detail);
            return cancelled ? DiscardOutcome.CASE_CANCELLED : DiscardOutcome.DISCARDED;
        });
    }

    /** The message for a person to export (e.g. to hand to the municipality by other means); the export is audited. */
    public SyncMessage export(UUID id, String destination) {
        context.require(Capability.SYNC);
        return context.inTransaction("export an outbox message", c -> {
            SyncMessage m = find(c, id).orElseThrow(() -> new StoreException(StoreError.BAD_INPUT,
                    "no such outbox message", null));
            context.audit(c, AuditAction.EXPORT, id.toString(), "outbox message to " + destination);
            return m;
        });
    }

    /**
     * File linkage: marks messages delivered in a file that was written completely (fsync + atomic rename already
     * done), in one transaction with one audit row.
     *
     * @return how many were marked (messages already finished are left alone)
     */
    public int markDeliveredByFile(Collection<UUID> ids, String fileName) {
        context.require(Capability.SYNC);
        return context.inTransaction("mark messages delivered by file", c -> {
            int marked = 0;
            OffsetDateTime now = utc(context.now());
            try (PreparedStatement s = c.prepareStatement("UPDATE outbox SET status = 'DONE', delivered_file = ?, "
                    + "delivered_file_at = ?, last_error = NULL WHERE id = ? AND status = 'PENDING'");
                    PreparedStatement caseOf = c.prepareStatement("SELECT aggregate_id FROM outbox WHERE id = ? "
                            + "AND aggregate_type = ?");
                    PreparedStatement finish = c.prepareStatement(FINISH_CASE)) {
                for (UUID id : ids) {
                    s.setString(1, truncate(fileName, 400));
                    s.setObject(2, now);
                    s.setObject(3, id);
                    marked += s.executeUpdate();
                }
                for (UUID id : ids) { // a case delivered completely by file is finished like one delivered over HTTP
                    caseOf.setObject(1, id);
                    caseOf.setString(2, CaseRepository.AGGREGATE);
                    try (ResultSet rs = caseOf.executeQuery()) {
                        if (rs.next() && uuid(rs.getString(1)).isPresent()) {
                            bindFinishCase(finish, rs.getString(1), now);
                            finish.executeUpdate();
                        }
                    }
                }
            }
            context.audit(c, AuditAction.EXPORT, fileName, "outbox messages delivered by file: " + marked);
            return marked;
        });
    }

    /** The register pull's checkpoint, empty before the first page. */
    public Optional<String> registerCheckpoint() {
        context.require(Capability.SYNC);
        return context.inTransaction("read the register checkpoint", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT setting_value FROM setting WHERE setting_key = ?")) {
                s.setString(1, CHECKPOINT_SETTING);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    /** Forgets the checkpoint (the backend's register database was replaced): the next pull starts over. */
    public void resetRegisterCheckpoint() {
        context.require(Capability.SYNC);
        context.inTransaction("reset the register checkpoint", c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM setting WHERE setting_key = ?")) {
                s.setString(1, CHECKPOINT_SETTING);
                s.executeUpdate();
            }
            context.audit(c, AuditAction.SYNC_REGISTER_CHANGES, null, "checkpoint reset: the backend did not know it");
            return null;
        });
    }

    /**
     * Applies one page of register changes and stores its checkpoint, in one transaction: after a crash either both
     * are there or neither, so the next pull repeats the page (upserts and tombstones are idempotent). The changes go
     * to the live slot of the register copy through {@link RegisterChanges}, which keeps its key tables consistent;
     * My Numbers held in the copy are kept on upsert.
     */
    public void applyRegisterPage(List<RegisterChange> changes, String checkpoint) {
        context.require(Capability.SYNC);
        if (checkpoint == null || checkpoint.isEmpty() || checkpoint.length() > 4000) {
            throw new StoreException(StoreError.BAD_INPUT, "a register page needs a checkpoint", null);
        }
        context.inTransaction("apply register changes", c -> {
            int upserts;
            int tombstones;
            try (RegisterChanges register = RegisterChanges.begin(context, c)) {
                for (RegisterChange change : changes) {
                    // in page order: a later change of the same resident wins
                    if (change instanceof RegisterChange.Upsert u) {
                        register.upsert(u.resident(), u.householdHeadResidentId(), u.householdAddress());
                    } else if (change instanceof RegisterChange.Tombstone t) {
                        register.remove(t.residentId());
                    }
                }
                register.finish();
                upserts = register.upserts();
                tombstones = register.tombstones();
            }
            try (PreparedStatement s = c.prepareStatement(
                    "MERGE INTO setting (setting_key, setting_value) KEY (setting_key) VALUES (?, ?)")) {
                s.setString(1, CHECKPOINT_SETTING);
                s.setString(2, checkpoint);
                s.executeUpdate();
            }
            context.audit(c, AuditAction.SYNC_REGISTER_CHANGES, null, "upserts " + upserts + ", tombstones "
                    + tombstones);
            return null;
        });
    }

    private SyncMessage requireBlocked(Connection c, UUID id) throws SQLException {
        SyncMessage m = find(c, id).orElseThrow(() -> new StoreException(StoreError.BAD_INPUT,
                "no such outbox message", null));
        if (m.status() != OutboxStatus.BLOCKED) {
            throw new StoreException(StoreError.BAD_INPUT, "the message is " + m.status() + ", not BLOCKED", null);
        }
        return m;
    }

    private static void bindFinishCase(PreparedStatement s, String caseId, OffsetDateTime now) throws SQLException {
        s.setString(1, CaseRepository.AGGREGATE);
        s.setString(2, caseId);
        s.setObject(3, now);
        s.setObject(4, UUID.fromString(caseId));
        s.setString(5, CaseRepository.AGGREGATE);
        s.setString(6, caseId);
    }

    private static Optional<SyncMessage> find(Connection c, UUID id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM outbox WHERE id = ?")) {
            s.setObject(1, id);
            List<SyncMessage> found = list(s);
            return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
        }
    }

    private static List<SyncMessage> list(PreparedStatement s) throws SQLException {
        List<SyncMessage> out = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                out.add(message(rs));
            }
        }
        return out;
    }

    private static SyncMessage message(ResultSet rs) throws SQLException {
        return new SyncMessage(rs.getObject("id", UUID.class), rs.getString("aggregate_type"),
                rs.getString("aggregate_id"), rs.getLong("aggregate_seq"), rs.getString("kind"),
                rs.getString("payload"), rs.getInt("attempts"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                OutboxStatus.valueOf(rs.getString("status")), rs.getString("last_error"),
                rs.getString("problem_code"), rs.getString("receipt_number"), rs.getString("discard_reason"));
    }

    private static Optional<UUID> uuid(String text) {
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String truncate(String text) {
        return truncate(text, 1000);
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
