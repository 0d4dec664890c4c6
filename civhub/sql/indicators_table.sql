-- The indicator table: rows of mart_indicators with the area's names, the social capital index and the
-- flags of small-number protection (mart_withheld; civhub/indicators/published.py writes the marks).
-- $level: municipality, region or national. $period_type: month, quarter, year, or NULL for all.
-- $period_start: one period, or NULL for all. $area_code: one area, or NULL for all.
-- Grain of the result: one row per (area_code, period_type, period_start).
SELECT
    i.*,
    a.name_el,
    a.name_en,
    x.social_capital_index,
    x.social_capital_index_pca,
    w.withheld,
    w.retention_withheld
FROM mart_indicators i
JOIN mart_areas a USING (level, area_code)
JOIN mart_withheld w USING (level, area_code, period_type, period_start)
LEFT JOIN mart_index x USING (level, area_code, period_type, period_start)
WHERE i.level = $level
    AND ($period_type IS NULL OR i.period_type = $period_type)
    AND ($period_start IS NULL OR i.period_start = CAST($period_start AS DATE))
    AND ($area_code IS NULL OR i.area_code = $area_code)
ORDER BY i.period_type, i.period_start, i.area_code
