-- The sizes of the records pass (pipelines/marts/records.py): how many municipalities there are to
-- number; the calendar's first day (January of its first year, the day 0 of hour_records.sql), how many
-- days and months it spans from there; and at most how many records the pass reads.
SELECT
    (SELECT count(*) FROM mart_municipality_index) AS municipalities,
    (SELECT min(period_start) FROM mart_calendar) AS first_day,
    (SELECT coalesce(max(period_end) - min(period_start), 0) FROM mart_calendar) AS days,
    (SELECT coalesce(datediff('month', min(period_start), max(period_start)) + 1, 0) FROM mart_calendar) AS months,
    (SELECT count(*) FROM volunteer_hours) AS records
