package dev.madoguchi.backend.moveout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.madoguchi.backend.db.BackendDatabase;
import dev.madoguchi.backend.db.BackendDatabaseException;
import dev.madoguchi.backend.register.CheckpointException;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The pending move-in records the backend holds for this municipality, in the order they arrived: what
 * {@code GET /api/v1/move-outs/pending} pages through. A checkpoint is {@code m<seq>}, the last record a page held;
 * pulling from the same checkpoint again gives the same records (idempotent). Records are kept as the JSON served.
 */
public final class MoveOutRepository {

    /** The largest page a client may ask for. */
    public static final int MAX_LIMIT = 1000;
    private static final Pattern CHECKPOINT = Pattern.compile("m(0|[1-9][0-9]{0,17})");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final BackendDatabase database;
    private final String municipalityCode;

    /** @param municipalityCode this municipality's code: every page says it, records for another are not served */
    public MoveOutRepository(BackendDatabase database, String municipalityCode) {
        this.database = database;
        this.municipalityCode = municipalityCode;
    }

    /** One page: the records after the checkpoint, the checkpoint after them, whether more follow. */
    public record Page(String municipalityCode, List<JsonNode> records, String checkpoint, boolean hasMore) {}

    public String municipalityCode() {
        return municipalityCode;
    }

    /**
     * Adds records as another municipality sent them (the demo seeds them; tests add bad ones). A record is an object
     * with at least {@code recordId}, {@code toMunicipalityCode} and {@code validUntil}; a record id given again is
     * refused by the unique key.
     */
    public void add(List<ObjectNode> records, Instant receivedAt) {
        try (Connection c = database.connection()) {
            c.setAutoCommit(false);
            try {
                long seq = lastSeq(c);
                try (PreparedStatement s = c.prepareStatement("INSERT INTO move_out_record (seq, record_id, "
                        + "to_municipality, valid_until, body, received_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                    for (ObjectNode r : records) {
                        s.setLong(1, ++seq);
                        s.setString(2, r.path("recordId").asText());
                        s.setString(3, r.path("toMunicipalityCode").asText());
                        s.setDate(4, Date.valueOf(LocalDate.parse(r.path("validUntil").asText())));
                        s.setString(5, JSON.writeValueAsString(r));
                        s.setTimestamp(6, Timestamp.from(receivedAt));
                        s.addBatch();
                    }
                    s.executeBatch();
                }
                c.commit();
            } catch (SQLException | RuntimeException | com.fasterxml.jackson.core.JsonProcessingException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new BackendDatabaseException("the move-out records cannot be stored: " + e.getMessage(), e);
        }
    }

    /** Seeds the demo records on the first start (when the table is empty); returns whether it did. */
    public boolean seedIfEmpty(Supplier<List<ObjectNode>> records, Instant receivedAt) {
        try (Connection c = database.connection()) {
            if (lastSeq(c) > 0) {
                return false;
            }
        } catch (SQLException e) {
            throw new BackendDatabaseException("the move-out records cannot be read: " + e.getMessage(), e);
        }
        add(records.get(), receivedAt);
        return true;
    }

    /**
     * The records after {@code since} (null: from the first), at most {@code limit}.
     *
     * @throws CheckpointException when {@code since} is not a checkpoint of this resource
     */
    public Page page(String since, int limit) throws CheckpointException {
        long after = 0;
        if (since != null) {
            if (!CHECKPOINT.matcher(since).matches()) {
                throw new CheckpointException("the checkpoint is not one of the move-out records; pull from the start");
            }
            after = Long.parseLong(since.substring(1));
        }
        List<JsonNode> records = new ArrayList<>();
        long last = after;
        boolean more = false;
        try (Connection c = database.connection();
                PreparedStatement s = c.prepareStatement("SELECT seq, body FROM move_out_record WHERE seq > ? "
                        + "ORDER BY seq FETCH FIRST ? ROWS ONLY")) {
            s.setLong(1, after);
            s.setInt(2, limit + 1);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    if (records.size() == limit) {
                        more = true;
                        break;
                    }
                    last = rs.getLong(1);
                    records.add(JSON.readTree(rs.getString(2)));
                }
            }
        } catch (SQLException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new BackendDatabaseException("the move-out records cannot be read: " + e.getMessage(), e);
        }
        return new Page(municipalityCode, records, "m" + last, more);
    }

    private static long lastSeq(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT COALESCE(MAX(seq), 0) FROM move_out_record");
                ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
