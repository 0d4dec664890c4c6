-- Mart: the rates an hour of each role is valued at, day by day, grouped into segments.
-- Grain: one row per (role_index, day) of the calendar's months; day counts days since the calendar's
-- first day, as in hour_records.sql. A segment is the days of one month on which one role category is valued
-- at the same rates (valid_from names the row of valuation_rates in force; NULL: none), so that hours
-- summed per (municipality, segment) are valued exactly by hours.sql.
-- Each hour is valued at the rates in force on its work date (valid_to is exclusive) for its role
-- category; a category without rates of its own takes the 'general' rates.
CREATE OR REPLACE TABLE mart_hour_segments AS
WITH span AS (
    -- From January of the calendar's first year, as in hour_records.sql.
    SELECT min(period_start) AS first_day, max(period_end) AS end_day FROM mart_calendar
),

days AS (
    SELECT CAST(unnest(generate_series(first_day, end_day - 1, INTERVAL 1 DAY)) AS DATE) AS day
    FROM span
    WHERE first_day IS NOT NULL
),

roles AS (
    SELECT r.role_index, coalesce(own.role_category, 'general') AS rated_as
    FROM mart_record_roles r
    LEFT JOIN (SELECT DISTINCT role_category FROM valuation_rates) AS own USING (role_category)
),

day_rates AS (
    SELECT
        ro.role_index,
        CAST(d.day - s.first_day AS SMALLINT) AS day,
        CAST(date_trunc('month', d.day) AS DATE) AS month,
        ro.rated_as,
        r.valid_from
    FROM roles ro
    CROSS JOIN days d
    CROSS JOIN span s
    LEFT JOIN valuation_rates r
        ON r.role_category = ro.rated_as AND d.day >= r.valid_from AND (r.valid_to IS NULL OR d.day < r.valid_to)
)

SELECT
    role_index, day, month, rated_as, valid_from,
    CAST(dense_rank() OVER (ORDER BY role_index, month, valid_from) - 1 AS INTEGER) AS segment
FROM day_rates
ORDER BY role_index, day
