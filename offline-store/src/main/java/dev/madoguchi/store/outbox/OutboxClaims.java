package dev.madoguchi.store.outbox;

import static dev.madoguchi.store.outbox.OutboxRows.COLUMNS;
import static dev.madoguchi.store.outbox.OutboxRows.UNFINISHED;
import static dev.madoguchi.store.outbox.OutboxRows.utc;

import dev.madoguchi.store.base.StoreContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which outbox messages go next, in order per aggregate: claiming a batch for a sync round, the same choice without
 * claiming for file linkage, and putting back what a crash left SENDING. The caller checks the clerk's capability.
 */
final class OutboxClaims {

    private final StoreContext context;

    OutboxClaims(StoreContext context) {
        this.context = context;
    }

    int recoverInterrupted() {
        return context.inTransaction("recover interrupted sync messages", c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE outbox SET status = 'PENDING', next_attempt_at = ? WHERE status = 'SENDING'")) {
                s.setObject(1, utc(context.now()));
                return s.executeUpdate();
            }
        });
    }

    List<OutboxMessage> claimBatch(int limit, int perAggregate) {
        if (limit < 1) {
            throw new IllegalArgumentException("a batch holds at least one message");
        }
        return context.inTransaction("claim a sync batch", c -> {
            List<OutboxMessage> batch = eligible(c, limit, perAggregate);
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE outbox SET status = 'SENDING', attempts = attempts + 1 WHERE id = ? AND status = 'PENDING'")) {
                for (OutboxMessage m : batch) {
                    s.setObject(1, m.id());
                    s.addBatch();
                }
                s.executeBatch();
            }
            return batch.stream().map(OutboxMessage::claimed).toList();
        });
    }

    List<OutboxMessage> peekDue(int limit) {
        return context.inTransaction("read due sync messages", c -> eligible(c, limit, Integer.MAX_VALUE));
    }

    private List<OutboxMessage> eligible(Connection c, int limit, int perAggregate) throws SQLException {
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
        List<OutboxMessage> out = new ArrayList<>();
        Map<String, Long> taken = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, utc(context.now()));
            s.setLong(2, perAggregate);
            s.setInt(3, limit);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    OutboxMessage m = OutboxRows.message(rs);
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
    private List<OutboxMessage> heads(Connection c, int limit) throws SQLException {
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
            return OutboxRows.list(s);
        }
    }
}
