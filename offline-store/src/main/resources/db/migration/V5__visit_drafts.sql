-- A running counter visit, saved at each step so that it survives a crash or power cut (docs/adr/0014).
-- draft_data is the visit's JSON (personal data; the whole file is encrypted). The My Number is sealed per value
-- like counter_case's, and only when a procedure of the visit needs it. The row is deleted in the transaction that
-- stores the visit's case, or when the clerk discards the visit (audited).
CREATE TABLE visit_draft (
    draft_id         UUID         NOT NULL PRIMARY KEY,
    step             VARCHAR(40)  NOT NULL,
    draft_data       CLOB         NOT NULL,
    my_number_sealed VARBINARY(64),
    started_by       VARCHAR(40)  NOT NULL REFERENCES clerk (clerk_id),
    started_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    saved_at         TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX visit_draft_saved ON visit_draft (saved_at);
