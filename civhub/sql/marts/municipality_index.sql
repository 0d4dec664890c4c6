-- Mart: each municipality's index among the municipalities and its region's index among the regions
-- (mart_areas.area_index), for packing (entity, area, month) into one integer (pipelines/marts/distinct.py).
-- Grain: one row per municipality.
CREATE OR REPLACE TABLE mart_municipality_index AS
SELECT
    m.area_code AS municipality_code,
    CAST(m.area_index AS SMALLINT) AS municipality_index,
    CAST(r.area_index AS SMALLINT) AS region_index
FROM mart_areas m
JOIN mart_areas r ON r.level = 'region' AND r.area_code = m.region_code
WHERE m.level = 'municipality'
