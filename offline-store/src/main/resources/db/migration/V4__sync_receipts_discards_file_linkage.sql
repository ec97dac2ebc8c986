-- The sync engine's bookkeeping (docs/adr/0012-sync-engine.md). Append-only: never edit a released migration.
-- V3 belongs to the register-import work; Flyway only needs unique versions.

-- The backend's receipt of a delivered message (receiptNumber, receivedAt as the backend wrote them).
ALTER TABLE outbox ADD COLUMN receipt_number VARCHAR(40);
ALTER TABLE outbox ADD COLUMN received_at VARCHAR(40);
-- The stable code of the backend's problem (API-4xx-...) of a BLOCKED message; its detail is in last_error.
ALTER TABLE outbox ADD COLUMN problem_code VARCHAR(80);
-- A person discarded a BLOCKED message: it counts as finished (status DONE, so the aggregate's later messages
-- proceed), was never accepted by the backend, and the reason and clerk are kept here and in the audit journal.
ALTER TABLE outbox ADD COLUMN discarded_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE outbox ADD COLUMN discarded_by VARCHAR(40);
ALTER TABLE outbox ADD COLUMN discard_reason VARCHAR(1000);
-- File linkage (the second channel): the file the message was delivered in, once that file was complete.
ALTER TABLE outbox ADD COLUMN delivered_file VARCHAR(400);
ALTER TABLE outbox ADD COLUMN delivered_file_at TIMESTAMP WITH TIME ZONE;

-- The batch query reads only messages that are not finished, per aggregate in sequence order.
CREATE INDEX outbox_open_by_aggregate ON outbox (status, aggregate_type, aggregate_id, aggregate_seq);
