-- The hour records as small numbers, for the hour sums of pipelines/marts/hours.py (hours.sql and the
-- organizations' months of org_months.sql), read batch by batch.
-- One row per hour record: the index of the (organization, municipality) pair (mart_record_places) and
-- of the municipality, and of the role category (mart_record_roles); the month as the number of months
-- since January of the calendar's first year, as in keys_volunteers.sql, and the day as the number of
-- days since then; the hours in hundredths (hours are DECIMAL(6, 2), and checked to be 24 at most).
SELECT
    p.place_index,
    p.municipality_index,
    CAST(datediff('month', f.first_day, h.work_date) AS SMALLINT) AS month,
    CAST(h.work_date - f.first_day AS SMALLINT) AS day,  -- dates from 2011 on: fits until 2100
    CAST(r.role_index AS UTINYINT) AS role_index,
    CAST(h.hours * 100 AS SMALLINT) AS hundredths
FROM volunteer_hours h
CROSS JOIN (SELECT min(period_start) AS first_day FROM mart_calendar) f
JOIN mart_record_places p USING (org_id, municipality_code)
JOIN mart_record_roles r USING (role_category)
