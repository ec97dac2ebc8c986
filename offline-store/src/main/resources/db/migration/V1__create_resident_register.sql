-- The local copy of the resident register (住民記録). Append-only migrations: never edit a released file.
-- My Number values are deliberately absent until the store is encrypted at rest (offline-store issue).

CREATE TABLE household (
    household_id   VARCHAR(20)  NOT NULL PRIMARY KEY,
    head_resident_id VARCHAR(20) NOT NULL,
    address        VARCHAR(400) NOT NULL,
    postal_code    VARCHAR(8)   NOT NULL
);

CREATE TABLE resident (
    resident_id      VARCHAR(20)  NOT NULL PRIMARY KEY,
    household_id     VARCHAR(20)  NOT NULL REFERENCES household (household_id),
    resident_code    CHAR(11)     NOT NULL UNIQUE,
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
    foreign_category VARCHAR(40)
);

CREATE INDEX resident_household ON resident (household_id);
CREATE INDEX resident_birth_date ON resident (birth_date);

CREATE TABLE setting (
    setting_key   VARCHAR(100)  NOT NULL PRIMARY KEY,
    setting_value VARCHAR(4000) NOT NULL
);
