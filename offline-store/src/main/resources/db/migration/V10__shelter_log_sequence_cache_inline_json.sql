-- Storing shelter events in bulk (an exchange import of 10,000 events; docs/performance.md, "Shelter mode"):
-- 1. The shelter log's arrival counter (local_seq) hands out numbers from a large cache. With H2's default cache of
--    32, every 32nd row made the identity sequence commit its new bound, and with WRITE_DELAY=0 each such commit wrote
--    the open transaction's changed pages to the file: an import of 10,000 events wrote them about 300 times. A crash
--    may leave a gap in local_seq; an export's "since" only compares numbers, so a gap changes nothing.
-- 2. An event's JSON and an outbox payload are kept in the row (CHARACTER VARYING) instead of as a CLOB: H2 wrote
--    every CLOB over 256 bytes into its separate LOB storage, one stream per row, which cost more than the row itself.
--    Nothing reads these columns as a CLOB (JDBC getString/setString only).
ALTER TABLE shelter_log ALTER COLUMN local_seq SET CACHE 100000;
ALTER TABLE shelter_log ALTER COLUMN event_data SET DATA TYPE CHARACTER VARYING;
ALTER TABLE outbox ALTER COLUMN payload SET DATA TYPE CHARACTER VARYING;
