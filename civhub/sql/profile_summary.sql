-- Who one municipality is: names, region, population, peer group, and its Pact and Centre dates.
-- $code: the municipality. Grain of the result: one row, or none for an unknown code.
SELECT
    m.code,
    m.name_el_display AS name_el,
    m.name_en,
    m.region_el_display AS region_el,
    m.region_en,
    m.population_2021 AS population,
    g.peer_group,
    p.signed_on AS pact_signed_on,
    p.centre_opened_on
FROM municipalities m
LEFT JOIN mart_peer_groups g ON g.code = m.code
LEFT JOIN pact p ON p.municipality_code = m.code
WHERE m.code = $code
