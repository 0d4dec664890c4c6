-- The totals over every load: files, rows new or updated, rows quarantined, data-quality notes.
WITH totals AS (
    SELECT
        count(*) AS files,
        coalesce(sum(rows_loaded + rows_updated), 0) AS rows_loaded,
        coalesce(sum(rows_quarantined), 0) AS rows_quarantined
    FROM loads
)
SELECT files, rows_loaded, rows_quarantined, (SELECT count(*) FROM quality_notes) AS notes
FROM totals
