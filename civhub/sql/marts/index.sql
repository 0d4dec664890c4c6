-- Mart: the social capital index of each municipality and period, by equal-weight z-scores (zmean) and
-- by the first principal component (pca), as percentiles 0-100 (civhub/composite.py).
-- Input: the relation index_rows. Grain: one row per (level, area_code, period_type, period_start) that
-- took part; a municipality lacking a component, or with 1 to 4 volunteers, has no row.
CREATE OR REPLACE TABLE mart_index AS
SELECT
    'municipality' AS level,
    CAST(area_code AS VARCHAR) AS area_code,
    CAST(period_type AS VARCHAR) AS period_type,
    CAST(period_start AS DATE) AS period_start,
    CAST(social_capital_index AS DOUBLE) AS social_capital_index,
    CAST(social_capital_index_pca AS DOUBLE) AS social_capital_index_pca
FROM index_rows
WHERE social_capital_index IS NOT NULL
