package dev.madoguchi.store.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reading outbox rows into {@link OutboxMessage}s, and the small conversions the outbox's SQL shares. */
final class OutboxRows {

    static final String COLUMNS = "id, aggregate_type, aggregate_id, aggregate_seq, kind, payload, attempts, "
            + "created_at, status, last_error, problem_code, receipt_number, discard_reason";
    /** The statuses of a message not finished yet, as an SQL list. */
    static final String UNFINISHED = "('PENDING', 'SENDING', 'BLOCKED')";

    private OutboxRows() {
    }

    static Optional<OutboxMessage> find(Connection c, UUID id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM outbox WHERE id = ?")) {
            s.setObject(1, id);
            List<OutboxMessage> found = list(s);
            return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
        }
    }

    static List<OutboxMessage> list(PreparedStatement s) throws SQLException {
        List<OutboxMessage> out = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                out.add(message(rs));
            }
        }
        return out;
    }

    static OutboxMessage message(ResultSet rs) throws SQLException {
        return new OutboxMessage(rs.getObject("id", UUID.class), rs.getString("aggregate_type"),
                rs.getString("aggregate_id"), rs.getLong("aggregate_seq"), rs.getString("kind"),
                rs.getString("payload"), rs.getInt("attempts"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                OutboxStatus.valueOf(rs.getString("status")), rs.getString("last_error"),
                rs.getString("problem_code"), rs.getString("receipt_number"), rs.getString("discard_reason"));
    }

    static Optional<UUID> uuid(String text) {
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static String truncate(String text) {
        return truncate(text, 1000);
    }

    static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
