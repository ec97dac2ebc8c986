package dev.madoguchi.backend.submission;

import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

/**
 * A validated submission, ready to store.
 *
 * @param payloadJson the payload as canonical JSON (keys sorted)
 * @param requestSha256 hex SHA-256 of the canonical request (resource and every field); equal bodies, equal hash
 */
public record Submission(UUID id, Resource resource, String aggregateId, long sequence, String kind,
        String terminalId, OffsetDateTime recordedAt, String payloadJson, String requestSha256) {

    public Submission {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(aggregateId, "aggregateId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(terminalId, "terminalId");
        Objects.requireNonNull(recordedAt, "recordedAt");
        Objects.requireNonNull(payloadJson, "payloadJson");
        Objects.requireNonNull(requestSha256, "requestSha256");
    }

    /** The payload may hold personal data: never in logs. */
    @Override
    public String toString() {
        return "Submission[" + resource.pathName() + "/" + id + ", aggregate " + aggregateId + "#" + sequence + "]";
    }
}
