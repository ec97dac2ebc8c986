-- Pending move-in records (転出証明書情報): what other municipalities sent through 住基ネット after a resident filed
-- their 転出 there, offered to this municipality's terminals before the resident comes to the counter
-- (GET /api/v1/move-outs/pending). body is the record's JSON as the API serves it; seq orders the pull. Portable SQL
-- (H2 2.x and PostgreSQL 15). Append-only: never edit a released migration.
CREATE TABLE move_out_record (
    seq              BIGINT                   NOT NULL PRIMARY KEY,
    record_id        VARCHAR(40)              NOT NULL UNIQUE,
    to_municipality  VARCHAR(6)               NOT NULL,
    valid_until      DATE                     NOT NULL,
    body             VARCHAR(20000)           NOT NULL,
    received_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
