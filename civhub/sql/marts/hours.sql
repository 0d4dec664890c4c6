-- Marts from the hour records:
--   mart_hours: volunteer hours and their value. Grain: one row per (municipality_code, month) with hours.
--   mart_org_hour_years: when organizations recorded hours. Grain: one row per (org_id, municipality_code,
--     year) with hours; months holds bit m - 1 for each month m of the year with hours.
-- Each hour is valued at the rates in force on its work date (valid_to is exclusive) for its role
-- category: low = statutory minimum wage, central = generalist social-services wage, high = the
-- specialist wage of the role (ILO replacement-cost method). A category without rates of its own
-- takes the 'general' rates. Rates change on the first of a month almost always, so the records are
-- summed per (municipality, category, month) and each sum is valued at the rates of the month's first
-- day; only the records from the first to the last month in which a rate starts or ends on another
-- day are summed per day instead. The sums meet the rates, laid out per (category, day), in one
-- equality join. The two marts are two separate passes over the records: one grouping with the
-- groups of both (GROUPING SETS) measured twice as slow.

-- The span of months summed per day (empty when every rate starts and ends on a first of the month).
-- Constants to the records' pass, as variables: as subqueries they measured to keep that pass on one thread.
SET VARIABLE daily_from = (
    SELECT coalesce(min(CAST(date_trunc('month', boundary) AS DATE)), DATE '0001-01-01')
    FROM (SELECT valid_from AS boundary FROM valuation_rates UNION ALL SELECT valid_to FROM valuation_rates)
    WHERE day(boundary) <> 1
);
SET VARIABLE daily_to = (
    SELECT coalesce(max(CAST(date_trunc('month', boundary) AS DATE) + INTERVAL 1 MONTH), DATE '0001-01-01')
    FROM (SELECT valid_from AS boundary FROM valuation_rates UNION ALL SELECT valid_to FROM valuation_rates)
    WHERE day(boundary) <> 1
);

CREATE OR REPLACE TABLE mart_hours AS
WITH span AS (
    -- From the first of the first month: a month's sum is valued on its first day.
    SELECT CAST(date_trunc('month', min(work_date)) AS DATE) AS first_day, max(work_date) AS last_day
    FROM volunteer_hours
),

days AS (
    SELECT CAST(unnest(generate_series(first_day, last_day, INTERVAL 1 DAY)) AS DATE) AS day
    FROM span
    WHERE first_day IS NOT NULL
),

categories AS (
    SELECT c.role_category, coalesce(own.role_category, 'general') AS rated_as
    FROM (SELECT DISTINCT role_category FROM volunteer_hours) AS c
    LEFT JOIN (SELECT DISTINCT role_category FROM valuation_rates) AS own USING (role_category)
),

day_rates AS (
    -- Every (category, day) of the span, with its rates (none when no rate was in force).
    SELECT c.role_category, d.day, r.low_eur, r.central_eur, r.high_eur
    FROM categories c
    CROSS JOIN days d
    LEFT JOIN valuation_rates r
        ON r.role_category = c.rated_as AND d.day >= r.valid_from AND (r.valid_to IS NULL OR d.day < r.valid_to)
),

sums AS (
    SELECT municipality_code, role_category, CAST(date_trunc('month', work_date) AS DATE) AS day, sum(hours) AS hours
    FROM volunteer_hours
    WHERE NOT (work_date >= getvariable('daily_from') AND work_date < getvariable('daily_to'))
    GROUP BY ALL
    UNION ALL
    SELECT municipality_code, role_category, work_date AS day, sum(hours) AS hours
    FROM volunteer_hours
    WHERE work_date >= getvariable('daily_from') AND work_date < getvariable('daily_to')
    GROUP BY ALL
)

SELECT
    s.municipality_code,
    CAST(date_trunc('month', s.day) AS DATE) AS month,
    sum(s.hours) AS hours,
    sum(s.hours * r.low_eur) AS value_low,
    sum(s.hours * r.central_eur) AS value_central,
    sum(s.hours * r.high_eur) AS value_high
FROM sums s
JOIN day_rates r ON r.role_category = s.role_category AND r.day = s.day
GROUP BY ALL;

CREATE OR REPLACE TABLE mart_org_hour_years AS
SELECT
    org_id, municipality_code, CAST(date_trunc('year', work_date) AS DATE) AS year,
    bit_or(CAST(1 AS SMALLINT) << (month(work_date) - 1)) AS months
FROM volunteer_hours
GROUP BY ALL;

RESET VARIABLE daily_from;
RESET VARIABLE daily_to;
