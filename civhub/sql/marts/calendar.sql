-- Mart: the periods the data covers.
-- Grain: one row per (period_type, period_start); period_type is 'month', 'quarter' or 'year'.
-- The months run from the first to the last month holding an hour record, an activity day or a year
-- of municipal support (a support year covers its 12 months). Quarters and years are those the months
-- fall in, always whole: a year is 12 months long even when the data cover only part of it.
CREATE OR REPLACE TABLE mart_calendar AS
WITH bounds AS (
    SELECT min(first_day) AS first_day, max(last_day) AS last_day
    FROM (
        SELECT min(work_date) AS first_day, max(work_date) AS last_day FROM volunteer_hours
        UNION ALL
        SELECT min(start_date), max(greatest(start_date, coalesce(end_date, start_date))) FROM activities
        UNION ALL
        SELECT make_date(min(year), 1, 1), make_date(max(year), 12, 31) FROM municipal_support
    )
),

months AS (
    SELECT CAST(unnest(generate_series(
        date_trunc('month', first_day), date_trunc('month', last_day), INTERVAL 1 MONTH
    )) AS DATE) AS month_start
    FROM bounds
    WHERE first_day IS NOT NULL
),

periods AS (
    SELECT DISTINCT 'month' AS period_type, month_start AS period_start, 1 AS months FROM months
    UNION ALL
    SELECT DISTINCT 'quarter', CAST(date_trunc('quarter', month_start) AS DATE), 3 FROM months
    UNION ALL
    SELECT DISTINCT 'year', CAST(date_trunc('year', month_start) AS DATE), 12 FROM months
)

SELECT
    period_type,
    period_start,
    CAST(period_start + to_months(months) AS DATE) AS period_end,      -- exclusive
    CAST(period_start - to_months(months) AS DATE) AS previous_start,  -- the previous period of the same length
    months,
    CASE period_type
        WHEN 'month' THEN strftime(period_start, '%Y-%m')
        WHEN 'quarter' THEN strftime(period_start, '%Y') || '-Q' || quarter(period_start)
        ELSE strftime(period_start, '%Y')
    END AS period
FROM periods
ORDER BY period_type, period_start
