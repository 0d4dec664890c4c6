-- The indicator table: rows of mart_indicators with the area's names, the social capital index and the
-- flags of small-number protection, as joined by the rebuild (mart_indicator_rows;
-- civhub/indicators/published.py writes the marks).
-- $level: municipality, region or national. $period_type: month, quarter, year, or NULL for all.
-- $period_start: one period, or NULL for all. $area_code: one area, or NULL for all.
-- Grain of the result: one row per (area_code, period_type, period_start).
SELECT *
FROM mart_indicator_rows
WHERE level = $level
    AND ($period_type IS NULL OR period_type = $period_type)
    AND ($period_start IS NULL OR period_start = CAST($period_start AS DATE))
    AND ($area_code IS NULL OR area_code = $area_code)
ORDER BY period_type, period_start, area_code
