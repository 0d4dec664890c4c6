-- The municipal spaces one municipality made available, who hosts there and how many activities they held.
-- $code: the municipality. Grain of the result: one row per space, in order of availability.
WITH hosted AS (
    SELECT space_id, count(*) AS activities
    FROM activities
    WHERE space_id IS NOT NULL AND municipality_code = $code
    GROUP BY space_id
)

SELECT
    s.name,
    s.kind,
    s.size,
    s.size_unit,
    s.available_from,
    s.available_to,
    o.name AS host,
    coalesce(h.activities, 0) AS activities
FROM spaces s
LEFT JOIN organizations o ON o.org_id = s.host_org_id
LEFT JOIN hosted h USING (space_id)
WHERE s.municipality_code = $code
ORDER BY s.available_from, s.name
