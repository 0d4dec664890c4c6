-- The organizations of one municipality's network ($municipality_code): those registered there and
-- those that led or partnered an activity held there. Only organizations: no volunteer appears.
-- Grain of the result: one row per organization (org_id), with the activities it took part in there.
WITH taking_part AS (
    SELECT activity_id, org_id FROM activities WHERE municipality_code = $municipality_code
    UNION
    SELECT p.activity_id, p.org_id
    FROM activity_partners p
    JOIN activities a USING (activity_id)
    WHERE a.municipality_code = $municipality_code
),
members AS (
    SELECT org_id FROM organizations WHERE municipality_code = $municipality_code
    UNION
    SELECT org_id FROM taking_part
)
SELECT
    o.org_id,
    o.name,
    o.type,
    o.municipality_code,
    count(t.activity_id) AS activities
FROM members
JOIN organizations o USING (org_id)
LEFT JOIN taking_part t USING (org_id)
GROUP BY o.org_id, o.name, o.type, o.municipality_code
ORDER BY o.org_id
