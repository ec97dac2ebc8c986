-- The municipality's shelter list pulled from the backend (docs/adr/0028, addendum): which shelters came from the list,
-- and which the list has dropped since. from_list is TRUE once a pull has carried the shelter (a shelter created on the
-- spot, or imported from a file and never pulled, stays FALSE and is never withdrawn by a pull). withdrawn_at is set when
-- a later pull no longer carries a shelter that came from the list, and cleared when the list carries it again. A
-- withdrawn shelter keeps its row and its events (the log is append-only): it takes no new check-ins, check-outs go on.
-- Shelters stored before this migration start as FALSE: the first pull that carries them marks them.
-- Append-only: never edit a released migration.
ALTER TABLE shelter ADD COLUMN from_list BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE shelter ADD COLUMN withdrawn_at TIMESTAMP WITH TIME ZONE;
