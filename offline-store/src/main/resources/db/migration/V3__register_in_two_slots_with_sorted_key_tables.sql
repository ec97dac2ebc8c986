-- The register copy is replaced through two slots of tables (docs/adr/0009): an import truncates and loads the slot that
-- is not live, then one small transaction makes it live; a failed or killed import leaves the live slot untouched, and
-- the replaced slot is emptied with TRUNCATE (cheap) afterwards. Every lookup goes through a narrow key table whose
-- primary key is the lookup key, and an import writes each key table in key order (it sorts the keys in memory first)
-- instead of maintaining secondary indexes row by row — that random-order index maintenance made the old import far
-- too slow (docs/performance.md). Append-only: never edit a released migration. A later migration that changes the
-- register changes both slots (_0 and _1) alike.

CREATE TABLE register_generation (
    generation    BIGINT      NOT NULL PRIMARY KEY,
    slot          INT         NOT NULL CHECK (slot IN (0, 1)),
    state         VARCHAR(10) NOT NULL CHECK (state IN ('LOADING', 'LIVE', 'RETIRED')),
    started_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    live_at       TIMESTAMP WITH TIME ZONE,
    residents     BIGINT      NOT NULL DEFAULT 0,
    households    BIGINT      NOT NULL DEFAULT 0,
    -- when the sealed My Number values of this generation were removed (retention, docs/adr/0009)
    my_numbers_purged_at TIMESTAMP WITH TIME ZONE
);

-- slot 0: one row per resident; row_no is the resident's position in the snapshot (1, 2, …)
CREATE TABLE register_resident_0 (
    row_no           BIGINT       NOT NULL PRIMARY KEY,
    resident_id      VARCHAR(20)  NOT NULL,
    household_id     VARCHAR(20)  NOT NULL,
    resident_code    CHAR(11)     NOT NULL,
    relationship     VARCHAR(40)  NOT NULL,
    family_name      VARCHAR(200) NOT NULL,
    given_name       VARCHAR(200) NOT NULL,
    family_name_kana VARCHAR(200) NOT NULL,
    given_name_kana  VARCHAR(200) NOT NULL,
    birth_date       DATE         NOT NULL,
    sex              CHAR(1)      NOT NULL CHECK (sex IN ('M', 'F', 'N')),
    postal_code      VARCHAR(8)   NOT NULL,
    address          VARCHAR(400) NOT NULL,
    moved_in_on      DATE,
    nationality      VARCHAR(100),
    status_of_residence VARCHAR(100),
    period_of_stay_end  DATE,
    residence_card_number VARCHAR(12),
    foreign_category VARCHAR(40),
    my_number_sealed VARBINARY(64),
    my_number_index  VARBINARY(32)
);
CREATE TABLE register_household_0 (
    household_id     VARCHAR(20)  NOT NULL PRIMARY KEY,
    head_resident_id VARCHAR(20)  NOT NULL,
    address          VARCHAR(400) NOT NULL,
    postal_code      VARCHAR(8)   NOT NULL
);
CREATE TABLE register_key_resident_id_0 (
    resident_id VARCHAR(20) NOT NULL PRIMARY KEY,
    row_no      BIGINT      NOT NULL
);
CREATE TABLE register_key_resident_code_0 (
    resident_code CHAR(11) NOT NULL PRIMARY KEY,
    row_no        BIGINT   NOT NULL
);
CREATE TABLE register_key_my_number_0 (
    my_number_index VARBINARY(32) NOT NULL PRIMARY KEY,
    row_no          BIGINT        NOT NULL
);
-- serves a search by birth date alone and by birth date + furigana
CREATE TABLE register_key_birth_date_kana_0 (
    birth_date       DATE         NOT NULL,
    family_name_kana VARCHAR(200) NOT NULL,
    given_name_kana  VARCHAR(200) NOT NULL,
    row_no           BIGINT       NOT NULL,
    PRIMARY KEY (birth_date, family_name_kana, given_name_kana, row_no)
);
CREATE TABLE register_key_household_0 (
    household_id VARCHAR(20) NOT NULL,
    row_no       BIGINT      NOT NULL,
    PRIMARY KEY (household_id, row_no)
);

-- slot 1: one row per resident; row_no is the resident's position in the snapshot (1, 2, …)
CREATE TABLE register_resident_1 (
    row_no           BIGINT       NOT NULL PRIMARY KEY,
    resident_id      VARCHAR(20)  NOT NULL,
    household_id     VARCHAR(20)  NOT NULL,
    resident_code    CHAR(11)     NOT NULL,
    relationship     VARCHAR(40)  NOT NULL,
    family_name      VARCHAR(200) NOT NULL,
    given_name       VARCHAR(200) NOT NULL,
    family_name_kana VARCHAR(200) NOT NULL,
    given_name_kana  VARCHAR(200) NOT NULL,
    birth_date       DATE         NOT NULL,
    sex              CHAR(1)      NOT NULL CHECK (sex IN ('M', 'F', 'N')),
    postal_code      VARCHAR(8)   NOT NULL,
    address          VARCHAR(400) NOT NULL,
    moved_in_on      DATE,
    nationality      VARCHAR(100),
    status_of_residence VARCHAR(100),
    period_of_stay_end  DATE,
    residence_card_number VARCHAR(12),
    foreign_category VARCHAR(40),
    my_number_sealed VARBINARY(64),
    my_number_index  VARBINARY(32)
);
CREATE TABLE register_household_1 (
    household_id     VARCHAR(20)  NOT NULL PRIMARY KEY,
    head_resident_id VARCHAR(20)  NOT NULL,
    address          VARCHAR(400) NOT NULL,
    postal_code      VARCHAR(8)   NOT NULL
);
CREATE TABLE register_key_resident_id_1 (
    resident_id VARCHAR(20) NOT NULL PRIMARY KEY,
    row_no      BIGINT      NOT NULL
);
CREATE TABLE register_key_resident_code_1 (
    resident_code CHAR(11) NOT NULL PRIMARY KEY,
    row_no        BIGINT   NOT NULL
);
CREATE TABLE register_key_my_number_1 (
    my_number_index VARBINARY(32) NOT NULL PRIMARY KEY,
    row_no          BIGINT        NOT NULL
);
-- serves a search by birth date alone and by birth date + furigana
CREATE TABLE register_key_birth_date_kana_1 (
    birth_date       DATE         NOT NULL,
    family_name_kana VARCHAR(200) NOT NULL,
    given_name_kana  VARCHAR(200) NOT NULL,
    row_no           BIGINT       NOT NULL,
    PRIMARY KEY (birth_date, family_name_kana, given_name_kana, row_no)
);
CREATE TABLE register_key_household_1 (
    household_id VARCHAR(20) NOT NULL,
    row_no       BIGINT      NOT NULL,
    PRIMARY KEY (household_id, row_no)
);

-- The rows of the V1/V2 tables become generation 1 in slot 0, which is live (possibly empty).
INSERT INTO register_generation (generation, slot, state, started_at, live_at, residents, households)
    SELECT 1, 0, 'LIVE', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, (SELECT COUNT(*) FROM resident),
           (SELECT COUNT(*) FROM household);
INSERT INTO register_resident_0 (row_no, resident_id, household_id, resident_code, relationship, family_name, given_name, family_name_kana,
           given_name_kana, birth_date, sex, postal_code, address, moved_in_on, nationality, status_of_residence,
           period_of_stay_end, residence_card_number, foreign_category, my_number_sealed, my_number_index)
    SELECT ROW_NUMBER() OVER (ORDER BY resident_id), resident_id, household_id, resident_code, relationship, family_name, given_name, family_name_kana,
           given_name_kana, birth_date, sex, postal_code, address, moved_in_on, nationality, status_of_residence,
           period_of_stay_end, residence_card_number, foreign_category, my_number_sealed, my_number_index
    FROM resident;
INSERT INTO register_household_0 (household_id, head_resident_id, address, postal_code)
    SELECT household_id, head_resident_id, address, postal_code FROM household;
INSERT INTO register_key_resident_id_0 SELECT resident_id, row_no FROM register_resident_0;
INSERT INTO register_key_resident_code_0 SELECT resident_code, row_no FROM register_resident_0;
INSERT INTO register_key_my_number_0 SELECT my_number_index, row_no FROM register_resident_0
    WHERE my_number_index IS NOT NULL;
INSERT INTO register_key_birth_date_kana_0
    SELECT birth_date, family_name_kana, given_name_kana, row_no FROM register_resident_0;
INSERT INTO register_key_household_0 SELECT household_id, row_no FROM register_resident_0;

DROP TABLE resident;
DROP TABLE household;

-- Read-only views of the live slot under the old names, for ad-hoc inspection; the repositories read the key tables.
CREATE VIEW resident AS
    SELECT resident_id, household_id, resident_code, relationship, family_name, given_name, family_name_kana,
           given_name_kana, birth_date, sex, postal_code, address, moved_in_on, nationality, status_of_residence,
           period_of_stay_end, residence_card_number, foreign_category, my_number_sealed, my_number_index FROM register_resident_0 WHERE EXISTS
        (SELECT 1 FROM register_generation WHERE slot = 0 AND state = 'LIVE')
    UNION ALL
    SELECT resident_id, household_id, resident_code, relationship, family_name, given_name, family_name_kana,
           given_name_kana, birth_date, sex, postal_code, address, moved_in_on, nationality, status_of_residence,
           period_of_stay_end, residence_card_number, foreign_category, my_number_sealed, my_number_index FROM register_resident_1 WHERE EXISTS
        (SELECT 1 FROM register_generation WHERE slot = 1 AND state = 'LIVE');
CREATE VIEW household AS
    SELECT household_id, head_resident_id, address, postal_code FROM register_household_0 WHERE EXISTS
        (SELECT 1 FROM register_generation WHERE slot = 0 AND state = 'LIVE')
    UNION ALL
    SELECT household_id, head_resident_id, address, postal_code FROM register_household_1 WHERE EXISTS
        (SELECT 1 FROM register_generation WHERE slot = 1 AND state = 'LIVE');
