-- The quarantined rows of one load, in file order, at most $limit of them. Grain: one row per refused row and reason.
SELECT
    line,
    column_name,
    value,
    reason,
    CAST(params AS VARCHAR) AS params
FROM quarantine
WHERE load_id = $load_id
ORDER BY line, column_name NULLS FIRST, reason
LIMIT $limit
