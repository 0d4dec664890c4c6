-- Peer medians and ranks of municipalities (mart_peer_stats) for one period type or all.
-- $period_type, $period_start and $area_code as in indicators_table.sql (NULL: all), except that
-- $area_code selects that one municipality.
-- Grain of the result: one row per (area_code, period_type, period_start), in the order of indicators_table.sql.
SELECT *
FROM mart_peer_stats
WHERE ($period_type IS NULL OR period_type = $period_type)
    AND ($period_start IS NULL OR period_start = CAST($period_start AS DATE))
    AND ($area_code IS NULL OR area_code = $area_code)
ORDER BY period_type, period_start, area_code
