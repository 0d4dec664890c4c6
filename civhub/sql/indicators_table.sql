-- The indicator table: rows of mart_indicators with the area's names and the social capital index.
-- $level: municipality, region or national. $period_type: month, quarter, year, or NULL for all.
-- $period_start: one period, or NULL for all. $region_code: only the rows of that region, or NULL for all
-- (a municipality's cells are published together with those of its region: civhub/indicators/published.py).
-- Grain of the result: one row per (area_code, period_type, period_start).
SELECT
    i.*,
    a.name_el,
    a.name_en,
    x.social_capital_index,
    x.social_capital_index_pca
FROM mart_indicators i
JOIN mart_areas a USING (level, area_code)
LEFT JOIN mart_index x USING (level, area_code, period_type, period_start)
WHERE i.level = $level
    AND ($period_type IS NULL OR i.period_type = $period_type)
    AND ($period_start IS NULL OR i.period_start = CAST($period_start AS DATE))
    AND ($region_code IS NULL OR i.region_code = $region_code)
ORDER BY i.period_type, i.period_start, i.area_code
