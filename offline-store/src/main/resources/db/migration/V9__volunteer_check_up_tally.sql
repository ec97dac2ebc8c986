-- The volunteer mode's check-ups, counted per day and outcome kind (docs/volunteer-mode.md): no resident, no card, no
-- clerk, no time of day — only "on this day, this many check-ups found this". Numbered 8 because 7 is the shelter
-- mode's event log. Append-only: never edit a released migration.
CREATE TABLE volunteer_tally (
    tally_day DATE        NOT NULL,
    outcome   VARCHAR(40) NOT NULL,
    checks    INT         NOT NULL CHECK (checks >= 0),
    PRIMARY KEY (tally_day, outcome)
);
