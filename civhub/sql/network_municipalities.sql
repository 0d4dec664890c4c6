-- The municipalities to choose a network from, with how many co-organized activities each hosted.
-- Grain of the result: one row per municipality (code).
SELECT
    m.code,
    m.name_el_display AS name_el,
    m.name_en,
    count(DISTINCT p.activity_id) AS shared_activities
FROM municipalities m
LEFT JOIN activities a ON a.municipality_code = m.code
LEFT JOIN activity_partners p ON p.activity_id = a.activity_id
GROUP BY m.code, m.name_el_display, m.name_en
ORDER BY m.code
