-- How long each counter visit took, per step (docs/adr/0018). Written in the transaction that opens the visit's
-- case. Counts and durations only: no name, no resident id, no answer; the clerk is the signed-in clerk and the life
-- event is the catalogue's id. Append-only: never edit a released migration.
CREATE TABLE case_handling_time (
    case_id      UUID         NOT NULL PRIMARY KEY REFERENCES counter_case (case_id),
    clerk_id     VARCHAR(40)  NOT NULL REFERENCES clerk (clerk_id),
    life_event   VARCHAR(40)  NOT NULL,
    started_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    manual_entry BOOLEAN      NOT NULL
);
CREATE INDEX case_handling_time_started ON case_handling_time (started_at, clerk_id);

-- One row per step of a visit; a step the visit did not go through has no row.
CREATE TABLE case_step_time (
    case_id     UUID        NOT NULL REFERENCES case_handling_time (case_id),
    step        VARCHAR(40) NOT NULL,
    duration_ms BIGINT      NOT NULL CHECK (duration_ms >= 0),
    PRIMARY KEY (case_id, step)
);
