-- Mart: the areas indicators are computed for, with the population that divides them.
-- Grain: one row per (level, area_code): level 'municipality' (ELSTAT code), 'region' (NUTS-2 code)
-- or 'national' ('GR'). population is the 2021 census population (a sum for regions and the nation).
-- area_index numbers the areas of a level from 0 in code order (used to pack keys, pipelines/marts).
CREATE OR REPLACE TABLE mart_areas AS
WITH municipality AS (
    SELECT
        'municipality' AS level, code AS area_code, name_el_display AS name_el, name_en,
        population_2021 AS population, region_code, regional_unit_code
    FROM municipalities
),

region AS (
    SELECT
        'region' AS level, region_code AS area_code, any_value(region_el_display) AS name_el,
        any_value(region_en) AS name_en, sum(population_2021) AS population, region_code,
        CAST(NULL AS VARCHAR) AS regional_unit_code
    FROM municipalities
    GROUP BY region_code
),

national AS (
    SELECT
        'national' AS level, 'GR' AS area_code, 'Ελλάδα' AS name_el, 'Greece' AS name_en,
        sum(population_2021) AS population, CAST(NULL AS VARCHAR) AS region_code,
        CAST(NULL AS VARCHAR) AS regional_unit_code
    FROM municipalities
),

areas AS (
    SELECT * FROM municipality
    UNION ALL SELECT * FROM region
    UNION ALL SELECT * FROM national
)

SELECT
    level,
    area_code,
    CAST(row_number() OVER (PARTITION BY level ORDER BY area_code) - 1 AS INTEGER) AS area_index,
    name_el,
    name_en,
    CAST(population AS BIGINT) AS population,
    region_code,
    regional_unit_code
FROM areas
ORDER BY level, area_code
