-- The loaded files with quarantined rows, newest first. Grain: one row per load.
WITH refused AS (
    SELECT load_id, count(*) AS rows_quarantined
    FROM quarantine
    GROUP BY load_id
)
SELECT l.load_id, l.file_name, l.kind, r.rows_quarantined
FROM refused AS r
JOIN loads AS l USING (load_id)
ORDER BY l.load_id DESC
