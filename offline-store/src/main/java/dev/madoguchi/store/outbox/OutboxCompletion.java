package dev.madoguchi.store.outbox;

import static dev.madoguchi.store.outbox.OutboxRows.truncate;
import static dev.madoguchi.store.outbox.OutboxRows.utc;
import static dev.madoguchi.store.outbox.OutboxRows.uuid;

import dev.madoguchi.store.audit.AuditAction;
import dev.madoguchi.store.base.StoreContext;
import dev.madoguchi.store.error.StoreError;
import dev.madoguchi.store.error.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * How outbox messages end: the backend's answers to a sync round, delivery by file, and a person's retry or discard of
 * a BLOCKED message (audited). A case whose messages are all finished is finished in the same transaction. The caller
 * checks the clerk's capability.
 */
final class OutboxCompletion {

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
    private static final String CASE_OF = "SELECT aggregate_id FROM outbox WHERE id = ? AND aggregate_type = ?";

    private final StoreContext context;

    OutboxCompletion(StoreContext context) {
        this.context = context;
    }

    void complete(Collection<? extends DeliveryOutcome> outcomes) {
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
                    PreparedStatement caseOf = c.prepareStatement(CASE_OF);
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
                    caseOf.setString(2, OutboxRepository.CASE_AGGREGATE);
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

    void retry(UUID id) {
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

    DiscardOutcome discard(UUID id, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new StoreException(StoreError.BAD_INPUT, "a discard needs a reason", null);
        }
        return context.inTransaction("discard a blocked message", c -> {
            OutboxMessage m = requireBlocked(c, id);
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
            if (OutboxRepository.CASE_AGGREGATE.equals(m.aggregateType()) && uuid(m.aggregateId()).isPresent()) {
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

    int markDeliveredByFile(Collection<UUID> ids, String fileName) {
        return context.inTransaction("mark messages delivered by file", c -> {
            int marked = 0;
            OffsetDateTime now = utc(context.now());
            try (PreparedStatement s = c.prepareStatement("UPDATE outbox SET status = 'DONE', delivered_file = ?, "
                    + "delivered_file_at = ?, last_error = NULL WHERE id = ? AND status = 'PENDING'");
                    PreparedStatement caseOf = c.prepareStatement(CASE_OF);
                    PreparedStatement finish = c.prepareStatement(FINISH_CASE)) {
                for (UUID id : ids) {
                    s.setString(1, truncate(fileName, 400));
                    s.setObject(2, now);
                    s.setObject(3, id);
                    marked += s.executeUpdate();
                }
                for (UUID id : ids) { // a case delivered completely by file is finished like one delivered over HTTP
                    caseOf.setObject(1, id);
                    caseOf.setString(2, OutboxRepository.CASE_AGGREGATE);
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

    private static OutboxMessage requireBlocked(Connection c, UUID id) throws SQLException {
        OutboxMessage m = OutboxRows.find(c, id).orElseThrow(() -> new StoreException(StoreError.BAD_INPUT,
                "no such outbox message", null));
        if (m.status() != OutboxStatus.BLOCKED) {
            throw new StoreException(StoreError.BAD_INPUT, "the message is " + m.status() + ", not BLOCKED", null);
        }
        return m;
    }

    private static void bindFinishCase(PreparedStatement s, String caseId, OffsetDateTime now) throws SQLException {
        s.setString(1, OutboxRepository.CASE_AGGREGATE);
        s.setString(2, caseId);
        s.setObject(3, now);
        s.setObject(4, UUID.fromString(caseId));
        s.setString(5, OutboxRepository.CASE_AGGREGATE);
        s.setString(6, caseId);
    }
}
