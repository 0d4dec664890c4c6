-- The load history, newest first. Grain: one row per loaded file.
SELECT
    load_id,
    file_name,
    kind,
    sheet,
    rows_read,
    rows_loaded,
    rows_updated,
    rows_duplicate,
    rows_quarantined,
    blank_lines,
    array_to_string(ignored_columns, ', ') AS ignored_columns,
    finished_at
FROM loads
ORDER BY load_id DESC
