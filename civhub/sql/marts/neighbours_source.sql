-- The fingerprint of the municipality traits mart_neighbours was computed from (its table comment);
-- no row when there is no such table yet.
SELECT comment
FROM duckdb_tables()
WHERE table_name = 'mart_neighbours' AND schema_name = 'main' AND NOT temporary
