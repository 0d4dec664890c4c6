-- What each type of organization delivered in one municipality (all when $municipality_code is NULL):
-- the service units of the activities it led (households served, clinic visits, tutoring hours, kg
-- of produce, bed-nights, ...) and the people those activities served.
-- Grain of the result: one row per (municipality_code, org_type, service_unit); service_unit is NULL
-- for activities that report people served but no unit of service.
SELECT
    a.municipality_code,
    o.type AS org_type,
    a.service_unit,
    count(*) AS activities,
    sum(a.service_units) AS units,
    sum(a.beneficiaries) AS people_served
FROM activities a
JOIN organizations o USING (org_id)
WHERE $municipality_code IS NULL OR a.municipality_code = $municipality_code
GROUP BY ALL
ORDER BY a.municipality_code, o.type, a.service_unit NULLS LAST
