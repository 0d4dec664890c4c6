-- The co-organization ties of the activities held in one municipality ($municipality_code):
-- every pair of organizations that took part in the same activity (the lead and its partners alike).
-- Grain of the result: one row per pair (source < target); weight = the activities they co-organized.
WITH taking_part AS (
    SELECT activity_id, org_id FROM activities WHERE municipality_code = $municipality_code
    UNION
    SELECT p.activity_id, p.org_id
    FROM activity_partners p
    JOIN activities a USING (activity_id)
    WHERE a.municipality_code = $municipality_code
)
SELECT a.org_id AS source, b.org_id AS target, count(DISTINCT a.activity_id) AS weight
FROM taking_part a
JOIN taking_part b ON a.activity_id = b.activity_id AND a.org_id < b.org_id
GROUP BY a.org_id, b.org_id
ORDER BY source, target
