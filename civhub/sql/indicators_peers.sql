-- The indicator table of municipalities with their peer medians and ranks: the rows of indicators_table.sql
-- (mart_indicator_rows) beside their row of mart_peer_stats, in one query (one read costs less than two
-- and setting their results side by side).
-- $period_type, $period_start and $area_code as in indicators_table.sql (NULL: all).
-- Grain of the result: one row per (area_code, period_type, period_start) of the municipality level.
SELECT r.*, p.* EXCLUDE (area_code, period_type, period_start)
FROM mart_indicator_rows r
LEFT JOIN mart_peer_stats p USING (area_code, period_type, period_start)
WHERE r.level = 'municipality'
    AND ($period_type IS NULL OR r.period_type = $period_type)
    AND ($period_start IS NULL OR r.period_start = CAST($period_start AS DATE))
    AND ($area_code IS NULL OR r.area_code = $area_code)
ORDER BY r.period_type, r.period_start, r.area_code
