-- Volunteers at work, for counting distinct volunteers (pipelines/marts/distinct.py).
-- One row per hour record: the volunteer as volunteer_no (its pseudonym, pipelines/pseudonym.py), the indexes of the
-- municipality and its region (mart_municipality_index), and the month as the number of months since
-- January of the calendar's first year (so that month // 3 counts quarters and month // 12 years).
SELECT
    h.volunteer_no AS entity,
    m.municipality_index,
    m.region_index,
    CAST(datediff('month', (SELECT min(period_start) FROM mart_calendar), h.work_date) AS SMALLINT) AS month
FROM volunteer_hours h
JOIN mart_municipality_index m USING (municipality_code)
