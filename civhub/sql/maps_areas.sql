-- The municipalities as the map and the ranking show them: names, where each lies, its 2011 polygon,
-- its population and its peer group (mart_peer_groups; NULL until the marts are built).
-- Grain of the result: one row per municipality (area_code).
SELECT
    m.code AS area_code,
    m.name_el_display AS name_el,
    m.name_en,
    m.elstat_code_2011,
    m.regional_unit_code,
    m.region_code,
    m.region_el_display AS region_el,
    m.region_en,
    m.population_2021 AS population,
    g.peer_group
FROM municipalities m
LEFT JOIN mart_peer_groups g ON g.code = m.code
ORDER BY m.code
