-- The municipalities as the explorer groups them: population, region and peer group.
-- Grain of the result: one row per municipality (area_code).
SELECT
    m.code AS area_code,
    m.population_2021 AS population,
    m.region_code,
    m.region_el_display AS region_el,
    m.region_en,
    p.peer_group
FROM municipalities m
LEFT JOIN mart_peer_groups p ON p.code = m.code
ORDER BY m.code
