-- Mart: the rows every read of the indicator table starts from (civhub/sql/indicators_table.sql): each row of
-- mart_indicators with its area's names, its social capital index and its flags of small-number protection,
-- joined once per rebuild instead of on every read. Stored in the order of level and area, so that reading
-- one area touches a few blocks of the table, not all of it.
-- Grain: one row per (level, area_code, period_type, period_start) of mart_indicators.
CREATE OR REPLACE TABLE mart_indicator_rows AS
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
ORDER BY i.level, i.area_code, i.period_type, i.period_start
