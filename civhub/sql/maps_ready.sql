-- Whether the indicator marts have been built in this database (a fresh or hand-made one has none).
-- Grain of the result: one row.
SELECT count(*) = 2 AS ready
FROM information_schema.tables
WHERE table_name IN ('mart_indicators', 'mart_peer_groups')
