-- The hour records as small numbers, read once, batch by batch, for both the hour sums
-- (pipelines/marts/hours.py: hours.sql and the organizations' months of pipelines/marts/organizations.py) and the
-- distinct volunteers (pipelines/marts/distinct.py).
-- One row per hour record: the indexes of the organization (mart_record_orgs), of the municipality and
-- its region (mart_municipality_index) and of the role category (mart_record_roles); the day as the
-- number of days since January of the calendar's first year; the hours in hundredths (hours are
-- DECIMAL(6, 2), and checked to be 24 at most); the volunteer as volunteer_no, its pseudonym
-- (pipelines/pseudonym.py).
-- Joining by one name at a time: DuckDB joins 10 million records on (org_id, municipality_code)
-- together about twice as slowly as on the two apart.
SELECT
    o.org_index,
    m.municipality_index,
    m.region_index,
    CAST(r.role_index AS UTINYINT) AS role_index,
    CAST(h.work_date - f.first_day AS SMALLINT) AS day,  -- dates from 2011 on: fits until 2100
    CAST(h.hours * 100 AS SMALLINT) AS hundredths,
    h.volunteer_no AS volunteer
FROM volunteer_hours h
CROSS JOIN (SELECT min(period_start) AS first_day FROM mart_calendar) f
JOIN mart_record_orgs o USING (org_id)
JOIN mart_municipality_index m USING (municipality_code)
JOIN mart_record_roles r USING (role_category)
