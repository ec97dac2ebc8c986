-- The store is encrypted at rest from this version on (H2 CIPHER=AES, docs/adr/0007). Append-only: never edit a
-- released migration. An unencrypted V1 file cannot be opened with a cipher; docs/adr/0007 gives the upgrade path.

-- Clerks who may open the store; their wrapped keys live in madoguchi.keys beside the database file.
CREATE TABLE clerk (
    clerk_id      VARCHAR(40)  NOT NULL PRIMARY KEY,
    display_name  VARCHAR(100) NOT NULL,
    role          VARCHAR(20)  NOT NULL CHECK (role IN ('CLERK', 'SHELTER_STAFF', 'VOLUNTEER', 'ADMINISTRATOR')),
    active        BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

-- The register copy gains the My Number, encrypted per value (AES-GCM under a key derived for this column), and a
-- keyed blind index for lookups. Both stay NULL unless the snapshot carries My Numbers.
ALTER TABLE resident ADD COLUMN my_number_sealed VARBINARY(64);
ALTER TABLE resident ADD COLUMN my_number_index VARBINARY(32);
CREATE UNIQUE INDEX resident_my_number_index ON resident (my_number_index);
CREATE INDEX resident_kana_birth_date ON resident (family_name_kana, given_name_kana, birth_date);

-- One visit at the counter: a case with its forms' data and status.
CREATE TABLE counter_case (
    case_id          UUID         NOT NULL PRIMARY KEY,
    resident_id      VARCHAR(20),
    life_event       VARCHAR(40)  NOT NULL,
    status           VARCHAR(20)  NOT NULL CHECK (status IN ('OPEN', 'SUBMITTED', 'SYNCED', 'CANCELLED')),
    forms_data       CLOB         NOT NULL,
    my_number_sealed VARBINARY(64),
    my_number_purged_at TIMESTAMP WITH TIME ZONE,
    opened_by        VARCHAR(40)  NOT NULL REFERENCES clerk (clerk_id),
    opened_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    synced_at        TIMESTAMP WITH TIME ZONE
);
CREATE INDEX counter_case_synced ON counter_case (status, synced_at);

-- Shelter check-in / check-out history (append-only events).
CREATE TABLE shelter_event (
    event_id      UUID         NOT NULL PRIMARY KEY,
    event_seq     BIGINT       GENERATED ALWAYS AS IDENTITY UNIQUE,
    shelter_id    VARCHAR(40)  NOT NULL,
    evacuee_id    VARCHAR(40)  NOT NULL,
    household_key VARCHAR(40)  NOT NULL,
    resident_id   VARCHAR(20),
    display_name  VARCHAR(200) NOT NULL,
    kind          VARCHAR(10)  NOT NULL CHECK (kind IN ('CHECK_IN', 'CHECK_OUT')),
    care_needed   BOOLEAN      NOT NULL,
    pet_count     INT          NOT NULL CHECK (pet_count >= 0),
    recorded_by   VARCHAR(40)  NOT NULL REFERENCES clerk (clerk_id),
    recorded_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX shelter_event_evacuee ON shelter_event (shelter_id, evacuee_id, recorded_at);

-- The transactional outbox (style.md 14): the id is the idempotency key the backend deduplicates on.
CREATE TABLE outbox (
    id              UUID         NOT NULL PRIMARY KEY,
    aggregate_type  VARCHAR(40)  NOT NULL,
    aggregate_id    VARCHAR(80)  NOT NULL,
    aggregate_seq   BIGINT       NOT NULL,
    kind            VARCHAR(60)  NOT NULL,
    payload         CLOB         NOT NULL,
    attempts        INT          NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
    status          VARCHAR(10)  NOT NULL CHECK (status IN ('PENDING', 'SENDING', 'BLOCKED', 'DONE')),
    last_error      VARCHAR(1000),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT outbox_aggregate_order UNIQUE (aggregate_type, aggregate_id, aggregate_seq)
);
CREATE INDEX outbox_due ON outbox (status, next_attempt_at);

-- Tamper-evident journal: hash = SHA-256(previous hash || canonical row). audit_head holds the newest link and is
-- locked (SELECT ... FOR UPDATE) by every append, which serialises appenders.
CREATE TABLE audit_entry (
    seq          BIGINT       NOT NULL PRIMARY KEY,
    recorded_at  VARCHAR(40)  NOT NULL,
    clerk_id     VARCHAR(40)  NOT NULL,
    terminal_id  VARCHAR(80)  NOT NULL,
    action       VARCHAR(40)  NOT NULL,
    subject      VARCHAR(200),
    detail       VARCHAR(1000),
    prev_hash    CHAR(64)     NOT NULL,
    hash         CHAR(64)     NOT NULL
);

CREATE TABLE audit_head (
    id        INT      NOT NULL PRIMARY KEY CHECK (id = 1),
    last_seq  BIGINT   NOT NULL,
    last_hash CHAR(64) NOT NULL
);
INSERT INTO audit_head (id, last_seq, last_hash)
    VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
