-- The reference backend's schema (docs/adr/0010). Portable SQL: the same file runs on H2 2.x and PostgreSQL 15.
-- Append-only history: never edit a released migration, add V{n+1}__{intent}.sql.

-- Terminals that may call /api/v1/**. Only a salted SHA-256 of the 256-bit random secret is stored.
CREATE TABLE terminal (
    terminal_id  VARCHAR(64)              NOT NULL PRIMARY KEY,
    secret_salt  VARCHAR(64)              NOT NULL,
    secret_hash  CHAR(64)                 NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at   TIMESTAMP WITH TIME ZONE
);

-- One row: the register's change sequence (the last number handed out) and the register's epoch, a random id of
-- this database that every checkpoint carries, so a checkpoint of another database is recognised. Writers take the
-- row lock (UPDATE ... SET last_seq = last_seq + n) first, so changes commit in sequence order.
CREATE TABLE register_state (
    id              INT          NOT NULL PRIMARY KEY CHECK (id = 1),
    last_seq        BIGINT       NOT NULL,
    register_epoch  VARCHAR(36)  NOT NULL,
    seeded_from     VARCHAR(100)
);

-- The resident register (住民基本台帳), one row per person in its latest state. change_seq is the sequence number
-- of the person's latest change; removed_at marks a removal (served as a tombstone, kept as the 除票).
CREATE TABLE resident (
    resident_id                 VARCHAR(20)              NOT NULL PRIMARY KEY,
    resident_code               CHAR(11)                 NOT NULL,
    household_id                VARCHAR(20)              NOT NULL,
    relationship                VARCHAR(40)              NOT NULL,
    family_name                 VARCHAR(100)             NOT NULL,
    given_name                  VARCHAR(100)             NOT NULL,
    family_name_kana            VARCHAR(200)             NOT NULL,
    given_name_kana             VARCHAR(200)             NOT NULL,
    birth_date                  DATE                     NOT NULL,
    sex                         CHAR(1)                  NOT NULL CHECK (sex IN ('M', 'F', 'N')),
    postal_code                 VARCHAR(10)              NOT NULL,
    address                     VARCHAR(400)             NOT NULL,
    moved_in_on                 DATE                     NOT NULL,
    household_head_resident_id  VARCHAR(20)              NOT NULL,
    household_address           VARCHAR(400)             NOT NULL,
    nationality                 VARCHAR(100),
    status_of_residence         VARCHAR(100),
    period_of_stay_end          DATE,
    residence_card_number       VARCHAR(12),
    foreign_category            VARCHAR(40),
    change_seq                  BIGINT                   NOT NULL,
    removed_at                  TIMESTAMP WITH TIME ZONE,
    CONSTRAINT resident_code_unique UNIQUE (resident_code),
    CONSTRAINT resident_change_seq_unique UNIQUE (change_seq)
);

-- Receipt numbers, shared by applications and evacuee events.
CREATE SEQUENCE receipt_number_seq START WITH 1 INCREMENT BY 1;

-- What terminals submit. Append-only: the backend has no UPDATE or DELETE for these tables. The primary key on id
-- (the client's idempotency key) is what deduplicates, also between concurrent requests.
CREATE TABLE application (
    id              UUID                     NOT NULL PRIMARY KEY,
    receipt_number  BIGINT                   NOT NULL,
    aggregate_id    VARCHAR(80)              NOT NULL,
    aggregate_seq   BIGINT                   NOT NULL,
    kind            VARCHAR(60)              NOT NULL,
    terminal_id     VARCHAR(64)              NOT NULL,
    recorded_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    payload         VARCHAR(1048576)         NOT NULL,
    request_sha256  CHAR(64)                 NOT NULL,
    received_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    receipt         VARCHAR(400)             NOT NULL,
    CONSTRAINT application_receipt_unique UNIQUE (receipt_number)
);
CREATE INDEX application_aggregate ON application (aggregate_id, aggregate_seq);

CREATE TABLE evacuee_event (
    id              UUID                     NOT NULL PRIMARY KEY,
    receipt_number  BIGINT                   NOT NULL,
    aggregate_id    VARCHAR(80)              NOT NULL,
    aggregate_seq   BIGINT                   NOT NULL,
    kind            VARCHAR(60)              NOT NULL,
    terminal_id     VARCHAR(64)              NOT NULL,
    recorded_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    payload         VARCHAR(1048576)         NOT NULL,
    request_sha256  CHAR(64)                 NOT NULL,
    received_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    receipt         VARCHAR(400)             NOT NULL,
    CONSTRAINT evacuee_event_receipt_unique UNIQUE (receipt_number)
);
CREATE INDEX evacuee_event_aggregate ON evacuee_event (aggregate_id, aggregate_seq);
