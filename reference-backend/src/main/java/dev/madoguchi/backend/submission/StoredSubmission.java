package dev.madoguchi.backend.submission;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A submission as the backend stored it, with its receipt (for tests, checks and exports). */
public record StoredSubmission(UUID id, Resource resource, long receiptNumber, String aggregateId, long sequence,
        String kind, String terminalId, OffsetDateTime recordedAt, String payloadJson, OffsetDateTime receivedAt,
        String receiptJson) {

    /** The payload may hold personal data: never in logs. */
    @Override
    public String toString() {
        return "StoredSubmission[" + resource.pathName() + "/" + id + ", receipt " + receiptNumber + "]";
    }
}
