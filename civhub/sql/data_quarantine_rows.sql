-- The quarantined rows of one load, in file order, at most $limit of them. Grain: one row per refused row and reason.
-- A column is named by the file's own header where the load kept it (schema 7 on), else by its canonical name.
SELECT
    q.line,
    coalesce(json_extract_string(l.headers, '$."' || q.column_name || '"'), q.column_name) AS column_name,
    q.value,
    q.reason,
    CAST(q.params AS VARCHAR) AS params
FROM quarantine q
JOIN loads l USING (load_id)
WHERE q.load_id = $load_id
ORDER BY q.line, q.column_name NULLS FIRST, q.reason
LIMIT $limit
