-- The shelter mode (docs/adr/0022): shelters as data, an append-only event log whose order works across laptops,
-- and the terminals whose exchange files this store accepts. Replaces V2's shelter_event (its rows are carried over
-- as check-in/check-out events of the terminal "legacy"). Personal data sits in event_data (JSON); the whole file is
-- encrypted (docs/adr/0007). Append-only: never edit a released migration.

-- One evacuation centre (name, address, capacities, spaces, features as JSON: not personal data).
CREATE TABLE shelter (
    shelter_id   VARCHAR(40)  NOT NULL PRIMARY KEY,
    shelter_data CLOB         NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Every shelter event of every laptop this store has seen. event_id is globally unique (a random UUID); the order of
-- events is (hlc_wall, hlc_counter, origin_terminal, event_id), a hybrid logical clock that works across laptops.
-- local_seq is the order in which this store received the events (what an exchange file "since" refers to).
-- resident_id repeats the person's register id (when matched) so that a duplicate check-in is found by an index.
CREATE TABLE shelter_log (
    event_id        UUID         NOT NULL PRIMARY KEY,
    local_seq       BIGINT       GENERATED ALWAYS AS IDENTITY UNIQUE,
    shelter_id      VARCHAR(40)  NOT NULL,
    person_id       VARCHAR(40)  NOT NULL,
    resident_id     VARCHAR(20)  NOT NULL,
    kind            VARCHAR(20)  NOT NULL CHECK (kind IN ('CHECK_IN', 'CHECK_OUT', 'CORRECT', 'LEAVE_HOUSEHOLD',
                                                         'PRESENCE')),
    hlc_wall        BIGINT       NOT NULL,
    hlc_counter     INT          NOT NULL CHECK (hlc_counter >= 0),
    origin_terminal VARCHAR(80)  NOT NULL,
    recorded_by     VARCHAR(40)  NOT NULL,
    event_data      CLOB         NOT NULL
);
CREATE INDEX shelter_log_person ON shelter_log (shelter_id, person_id);
CREATE INDEX shelter_log_resident ON shelter_log (shelter_id, resident_id);
CREATE INDEX shelter_log_order ON shelter_log (shelter_id, hlc_wall, hlc_counter);
CREATE INDEX shelter_log_clock ON shelter_log (hlc_wall, hlc_counter);

-- The V2 history, carried over: a check-in becomes a one-person household (pets as one entry of unknown species),
-- identified by hand; a check-out goes to an unknown destination.
INSERT INTO shelter_log (event_id, shelter_id, person_id, resident_id, kind, hlc_wall, hlc_counter, origin_terminal,
        recorded_by, event_data)
    SELECT event_id, shelter_id, evacuee_id, COALESCE(resident_id, ''), kind,
        CAST(EXTRACT(EPOCH FROM recorded_at) * 1000 AS BIGINT), 0, 'legacy',
        recorded_by,
        CASE kind WHEN 'CHECK_IN' THEN CAST(JSON_OBJECT(
                'household': household_key, 'stay': 'shelter', 'space': '', 'vehicle': '',
                'pets': CASE WHEN pet_count > 0 THEN JSON_ARRAY(JSON_OBJECT('species': '?', 'count': pet_count,
                        'where': '') FORMAT JSON) ELSE JSON_ARRAY() END FORMAT JSON,
                'person': JSON_OBJECT('personId': evacuee_id, 'name': display_name,
                        'residentId': COALESCE(resident_id, ''), 'identifiedBy': 'manual') FORMAT JSON,
                'recordedAt': FORMATDATETIME(recorded_at, 'yyyy-MM-dd''T''HH:mm:ss.SSSXXX', 'en', 'UTC'))
                AS VARCHAR)
            ELSE CAST(JSON_OBJECT('destination': 'unknown', 'target': '',
                'recordedAt': FORMATDATETIME(recorded_at, 'yyyy-MM-dd''T''HH:mm:ss.SSSXXX', 'en', 'UTC'))
                AS VARCHAR)
        END
    FROM shelter_event ORDER BY event_seq;
DROP TABLE shelter_event;

-- This terminal's key pair that signs its exchange files (made on first export); at most one row.
CREATE TABLE shelter_signing_key (
    id          INT          NOT NULL PRIMARY KEY CHECK (id = 1),
    terminal_id VARCHAR(80)  NOT NULL,
    private_key VARBINARY(512) NOT NULL,
    public_key  VARBINARY(512) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Terminals whose exchange files this store accepts: their public key, named by its fingerprint (the terminal id
-- is a label: two laptops cloned from one image may share a host name).
CREATE TABLE shelter_terminal (
    fingerprint VARCHAR(40)  NOT NULL PRIMARY KEY,
    terminal_id VARCHAR(80)  NOT NULL,
    public_key  VARBINARY(512) NOT NULL,
    trusted_by  VARCHAR(40)  NOT NULL,
    trusted_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
