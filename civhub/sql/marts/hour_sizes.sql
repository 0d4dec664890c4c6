-- The sizes of the hour sums' arrays (pipelines/marts/hours.py): how many municipalities and
-- (organization, municipality) places there are to number, and how many months the calendar spans from
-- January of its first year (the months of hour_numbers.sql run from 0 to months - 1).
SELECT
    (SELECT count(*) FROM mart_municipality_index) AS municipalities,
    (SELECT count(*) FROM mart_record_places) AS places,
    (SELECT coalesce(datediff('month', min(period_start), max(period_start)) + 1, 0) FROM mart_calendar) AS months
