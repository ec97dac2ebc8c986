package dev.madoguchi.backend.submission;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.madoguchi.backend.db.BackendDatabase;
import dev.madoguchi.backend.db.BackendDatabaseException;
import dev.madoguchi.backend.db.SqlStates;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.UUID;

/**
 * Stores submissions append-only and exactly once. The id is the table's primary key: of any number of requests with
 * the same id — one after another or at the same moment, on one server or several on one database — the database
 * lets exactly one insert through; the others read that row back and answer with its stored receipt (equal body) or
 * a conflict (different body). Nothing is deduplicated in memory.
 */
public final class SubmissionRepository {

    private static final int ATTEMPTS = 5;
    /** RFC 3339 with milliseconds, e.g. 2026-12-01T10:42:00.120Z. */
    public static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX");

    private final BackendDatabase database;
    private final String nextReceiptNumber;
    private final String nextReceiptNumbers;

    public SubmissionRepository(BackendDatabase database) {
        this.database = database;
        this.nextReceiptNumber = database.kind().nextValueQuery("receipt_number_seq");
        this.nextReceiptNumbers = database.kind().nextValuesQuery("receipt_number_seq");
    }

    /**
     * Stores many submissions with the same outcome, item by item, as {@link #store(Submission)} would give each
     * alone; the results are in the given order. The common case — all ids distinct — costs one look-up per resource,
     * one batched insert and one commit: the items new to the database are inserted together. If that insert hits the
     * unique constraint (a concurrent request stored one of the ids meanwhile), it is rolled back whole and every item
     * is stored on its own instead. Nothing is answered before its row is committed.
     */
    public List<SubmissionResult> storeAll(List<Submission> submissions) {
        Set<UUID> distinct = new HashSet<>();
        boolean duplicates = false;
        for (Submission s : submissions) {
            duplicates |= !distinct.add(s.id());
        }
        if (!duplicates && !submissions.isEmpty()) {
            try {
                return storeTogether(submissions);
            } catch (SQLException e) {
                if (!SqlStates.isUniqueViolation(e) && !SqlStates.isTransient(e)) {
                    throw new BackendDatabaseException("could not store submissions (SQL state " + e.getSQLState()
                            + ")", e);
                }
                // a concurrent duplicate: fall through to one at a time
            }
        }
        List<SubmissionResult> results = new ArrayList<>(submissions.size());
        for (Submission s : submissions) {
            results.add(store(s));
        }
        return results;
    }

    private List<SubmissionResult> storeTogether(List<Submission> submissions) throws SQLException {
        SubmissionResult[] results = new SubmissionResult[submissions.size()];
        try (Connection c = database.connection()) {
            Map<UUID, String[]> earlier = new HashMap<>();
            for (Resource resource : Resource.values()) {
                List<UUID> ids = submissions.stream().filter(s -> s.resource() == resource).map(Submission::id).toList();
                earlier.putAll(lookUp(c, resource, ids));
            }
            List<Integer> fresh = new ArrayList<>();
            for (int i = 0; i < results.length; i++) {
                Submission s = submissions.get(i);
                String[] row = earlier.get(s.id());
                if (row == null || !row[2].equals(s.resource().name())) {
                    fresh.add(i);
                } else if (row[0].equals(s.requestSha256())) {
                    results[i] = new SubmissionResult.Repeated(s.id(), row[1]);
                } else {
                    results[i] = new SubmissionResult.Conflict(s.id());
                }
            }
            if (fresh.isEmpty()) {
                return List.of(results);
            }
            long[] numbers = new long[fresh.size()];
            try (PreparedStatement s = c.prepareStatement(nextReceiptNumbers)) {
                s.setInt(1, fresh.size());
                try (ResultSet r = s.executeQuery()) {
                    for (int i = 0; i < numbers.length; i++) {
                        r.next();
                        numbers[i] = r.getLong(1);
                    }
                }
            }
            OffsetDateTime receivedAt = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
            c.setAutoCommit(false);
            try {
                for (Resource resource : Resource.values()) {
                    try (PreparedStatement s = c.prepareStatement(insertSql(resource))) {
                        boolean any = false;
                        for (int k = 0; k < fresh.size(); k++) {
                            Submission sub = submissions.get(fresh.get(k));
                            if (sub.resource() != resource) {
                                continue;
                            }
                            String receipt = receiptJson(sub.id(), numbers[k], receivedAt);
                            bindInsert(s, sub, numbers[k], receivedAt, receipt);
                            s.addBatch();
                            results[fresh.get(k)] = new SubmissionResult.Created(sub.id(), receipt);
                            any = true;
                        }
                        if (any) {
                            s.executeBatch();
                        }
                    }
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
            return List.of(results);
        }
    }

    /** id → {request_sha256, receipt, resource name} of the ids already stored. */
    private static Map<UUID, String[]> lookUp(Connection c, Resource resource, List<UUID> ids) throws SQLException {
        Map<UUID, String[]> found = new HashMap<>();
        for (int from = 0; from < ids.size(); from += 500) {
            List<UUID> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
            String marks = String.join(", ", java.util.Collections.nCopies(chunk.size(), "?"));
            try (PreparedStatement s = c.prepareStatement("SELECT id, request_sha256, receipt FROM " + resource.table()
                    + " WHERE id IN (" + marks + ")")) {
                for (int i = 0; i < chunk.size(); i++) {
                    s.setObject(i + 1, chunk.get(i));
                }
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        found.put(r.getObject(1, UUID.class),
                                new String[] {r.getString(2), r.getString(3), resource.name()});
                    }
                }
            }
        }
        return found;
    }

    private static String insertSql(Resource resource) {
        return "INSERT INTO " + resource.table() + " (id, receipt_number, aggregate_id, aggregate_seq, kind, "
                + "terminal_id, recorded_at, payload, request_sha256, received_at, receipt) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    }

    private static void bindInsert(PreparedStatement s, Submission submission, long receiptNumber,
            OffsetDateTime receivedAt, String receipt) throws SQLException {
        s.setObject(1, submission.id());
        s.setLong(2, receiptNumber);
        s.setString(3, submission.aggregateId());
        s.setLong(4, submission.sequence());
        s.setString(5, submission.kind());
        s.setString(6, submission.terminalId());
        s.setObject(7, submission.recordedAt());
        s.setString(8, submission.payloadJson());
        s.setString(9, submission.requestSha256());
        s.setObject(10, receivedAt);
        s.setString(11, receipt);
    }

    /**
     * Stores a submission unless its id is stored already.
     *
     * @return {@link SubmissionResult.Created}, {@link SubmissionResult.Repeated} or {@link SubmissionResult.Conflict}
     * @throws BackendDatabaseException when the database fails
     */
    public SubmissionResult store(Submission submission) {
        for (int attempt = 1;; attempt++) {
            try (Connection c = database.connection()) {
                Optional<SubmissionResult> earlier = earlier(c, submission);
                if (earlier.isPresent()) {
                    return earlier.get();
                }
                long receiptNumber;
                try (PreparedStatement s = c.prepareStatement(nextReceiptNumber); ResultSet r = s.executeQuery()) {
                    r.next();
                    receiptNumber = r.getLong(1);
                }
                OffsetDateTime receivedAt = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
                String receipt = receiptJson(submission.id(), receiptNumber, receivedAt);
                try (PreparedStatement s = c.prepareStatement(insertSql(submission.resource()))) {
                    bindInsert(s, submission, receiptNumber, receivedAt, receipt);
                    s.executeUpdate();
                    return new SubmissionResult.Created(submission.id(), receipt);
                } catch (SQLException e) {
                    if (!SqlStates.isUniqueViolation(e)) {
                        throw e;
                    }
                    // another request with this id won the insert: answer with what it stored
                    Optional<SubmissionResult> winner = earlier(c, submission);
                    if (winner.isPresent()) {
                        return winner.get();
                    }
                    throw e;
                }
            } catch (SQLException e) {
                if (attempt < ATTEMPTS && (SqlStates.isTransient(e) || SqlStates.isUniqueViolation(e))) {
                    continue;
                }
                throw new BackendDatabaseException("could not store a submission (SQL state " + e.getSQLState() + ")",
                        e);
            }
        }
    }

    private static Optional<SubmissionResult> earlier(Connection c, Submission submission) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT request_sha256, receipt FROM " + submission.resource().table() + " WHERE id = ?")) {
            s.setObject(1, submission.id());
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                if (r.getString(1).equals(submission.requestSha256())) {
                    return Optional.of(new SubmissionResult.Repeated(submission.id(), r.getString(2)));
                }
                return Optional.of(new SubmissionResult.Conflict(submission.id()));
            }
        }
    }

    /** The receipt as the API answers it; written once, stored, and answered byte for byte on every repeat. */
    static String receiptJson(UUID id, long receiptNumber, OffsetDateTime receivedAt) {
        ObjectNode receipt = JsonNodeFactory.instance.objectNode();
        receipt.put("id", id.toString());
        receipt.put("receiptNumber", Long.toString(receiptNumber));
        receipt.put("receivedAt", TIMESTAMP.format(receivedAt));
        return receipt.toString();
    }

    /** How many submissions of a resource are stored. */
    public long count(Resource resource) {
        try (Connection c = database.connection();
                PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM " + resource.table());
                ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        } catch (SQLException e) {
            throw new BackendDatabaseException("could not count submissions (SQL state " + e.getSQLState() + ")", e);
        }
    }

    public Optional<StoredSubmission> find(Resource resource, UUID id) {
        List<StoredSubmission> found = query(resource, " WHERE id = ?", id);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** Every stored submission of a resource in receipt order (for tests and checks; not paged). */
    public List<StoredSubmission> list(Resource resource) {
        return query(resource, " ORDER BY receipt_number", null);
    }

    private List<StoredSubmission> query(Resource resource, String where, UUID id) {
        try (Connection c = database.connection();
                PreparedStatement s = c.prepareStatement("SELECT id, receipt_number, aggregate_id, aggregate_seq, kind, "
                        + "terminal_id, recorded_at, payload, received_at, receipt FROM " + resource.table() + where)) {
            if (id != null) {
                s.setObject(1, id);
            }
            try (ResultSet r = s.executeQuery()) {
                List<StoredSubmission> out = new ArrayList<>();
                while (r.next()) {
                    out.add(new StoredSubmission(r.getObject(1, UUID.class), resource, r.getLong(2), r.getString(3),
                            r.getLong(4), r.getString(5), r.getString(6), r.getObject(7, OffsetDateTime.class),
                            r.getString(8), r.getObject(9, OffsetDateTime.class), r.getString(10)));
                }
                return out;
            }
        } catch (SQLException e) {
            throw new BackendDatabaseException("could not read submissions (SQL state " + e.getSQLState() + ")", e);
        }
    }
}
