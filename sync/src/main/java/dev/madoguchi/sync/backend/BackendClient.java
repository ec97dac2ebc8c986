package dev.madoguchi.sync.backend;

import java.util.List;

/**
 * The narrow adapter between Madoguchi and a municipality's backend (docs/api/openapi.yaml): what a vendor replaces to
 * reach their own system. Every call is synchronous, bounded by timeouts, and reports failures as a {@link
 * BackendResult}, never by throwing. Implementations hold no queue: the outbox is the queue.
 */
public interface BackendClient {

    /** {@code POST /api/v1/batch}: 1..500 messages; the results come back in item order. */
    BackendResult<List<BatchItemResult>> submitBatch(List<OutgoingMessage> messages);

    /** {@code PUT /api/v1/applications/{id}} or {@code /evacuee-events/{id}}, by the message's resource. */
    BackendResult<Receipt> put(OutgoingMessage message);

    /** {@code GET /api/v1/register/changes?since=…&limit=…}; {@code since} null = from the beginning. */
    BackendResult<RegisterPage> registerChanges(String since, int limit);

    /** {@code GET /api/v1/residents/{residentCode}}; 404 is a {@link BackendResult.Refused}. */
    BackendResult<ResidentRecord> resident(String residentCode);

    /**
     * {@code GET /api/v1/move-outs/pending?since=…&limit=…}: pending move-in records, each checked against
     * {@code today} (records refused are named in the page, never returned as records). A backend without this
     * resource answers 404 (a {@link BackendResult.Refused}).
     */
    default BackendResult<MoveOutPage> pendingMoveOuts(String since, int limit, java.time.LocalDate today) {
        return new BackendResult.Refused<>(404, new Problem(null, "Not Found", 404,
                "this backend offers no move-out records", "API-404-NOT-FOUND", java.util.List.of()), null);
    }

    /**
     * {@code GET /api/v1/shelters}: the municipality's shelter list, each record checked (records refused are named in
     * the page, never returned as shelters). A backend without this resource answers 404 (a {@link BackendResult.Refused}).
     */
    default BackendResult<ShelterListPage> shelterList() {
        return new BackendResult.Refused<>(404, new Problem(null, "Not Found", 404,
                "this backend offers no shelter list", "API-404-NOT-FOUND", java.util.List.of()), null);
    }

    /** {@code GET /health}, unauthenticated. */
    BackendResult<Health> health();
}
