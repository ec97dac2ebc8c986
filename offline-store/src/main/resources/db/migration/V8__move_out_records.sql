-- Pending move-in records (転出証明書情報): what another municipality sent after a resident filed their 転出 there,
-- pulled from the backend before the resident comes to this counter. A 転入 visit matches the card against these
-- rows, never against the register. Personal data (the whole file is encrypted). Kept until valid_until, then purged.
-- Append-only: never edit a released migration.
CREATE TABLE move_out_record (
    record_id          VARCHAR(40)  NOT NULL PRIMARY KEY,
    from_municipality  VARCHAR(200) NOT NULL,
    previous_address   VARCHAR(400) NOT NULL,
    previous_head      VARCHAR(200),
    planned_move_date  DATE         NOT NULL,
    valid_until        DATE         NOT NULL,
    pulled_at          TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX move_out_record_valid ON move_out_record (valid_until);

-- The people who move together, in the record's order (the one who filed first).
CREATE TABLE move_out_member (
    record_id        VARCHAR(40)  NOT NULL REFERENCES move_out_record (record_id) ON DELETE CASCADE,
    position         INT          NOT NULL,
    resident_code    CHAR(11)     NOT NULL,
    family_name      VARCHAR(200) NOT NULL,
    given_name       VARCHAR(200) NOT NULL,
    family_name_kana VARCHAR(200) NOT NULL,
    given_name_kana  VARCHAR(200) NOT NULL,
    birth_date       DATE         NOT NULL,
    sex              CHAR(1)      NOT NULL CHECK (sex IN ('M', 'F', 'N')),
    relationship     VARCHAR(40)  NOT NULL,
    nationality      VARCHAR(100),
    PRIMARY KEY (record_id, position)
);
-- a 転入 visit looks a card up by its birth date first
CREATE INDEX move_out_member_birth ON move_out_member (birth_date);
