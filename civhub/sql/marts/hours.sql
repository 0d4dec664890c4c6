-- Marts from the hour records:
--   mart_hours: volunteer hours and their value. Grain: one row per (municipality_code, month) with hours.
--   mart_org_hour_years: when organizations recorded hours. Grain: one row per (org_id, municipality_code,
--     year) with hours; months holds bit m - 1 for each month m of the year with hours.
-- Each hour is valued at the rates in force on its work date (valid_to is exclusive) for its role
-- category: low = statutory minimum wage, central = generalist social-services wage, high = the
-- specialist wage of the role (ILO replacement-cost method). A category without rates of its own
-- takes the 'general' rates. The rates are laid out per (category, day), so that the records meet
-- them in one equality join, grouped on few keys. The two marts are two separate passes over the
-- records: one grouping with the groups of both (GROUPING SETS) measured twice as slow.
CREATE OR REPLACE TABLE mart_hours AS
WITH span AS (
    SELECT min(work_date) AS first_day, max(work_date) AS last_day FROM volunteer_hours
),

days AS (
    SELECT
        day,
        CAST(date_trunc('month', day) AS DATE) AS month
    FROM (
        SELECT CAST(unnest(generate_series(first_day, last_day, INTERVAL 1 DAY)) AS DATE) AS day
        FROM span
        WHERE first_day IS NOT NULL
    )
),

categories AS (
    SELECT c.role_category, coalesce(own.role_category, 'general') AS rated_as
    FROM (SELECT DISTINCT role_category FROM volunteer_hours) AS c
    LEFT JOIN (SELECT DISTINCT role_category FROM valuation_rates) AS own USING (role_category)
),

day_rates AS (
    -- Every (category, day) of the span, with its rates (none when no rate was in force).
    SELECT c.role_category, d.day, d.month, r.low_eur, r.central_eur, r.high_eur
    FROM categories c
    CROSS JOIN days d
    LEFT JOIN valuation_rates r
        ON r.role_category = c.rated_as AND d.day >= r.valid_from AND (r.valid_to IS NULL OR d.day < r.valid_to)
)

SELECT
    h.municipality_code,
    r.month,
    sum(h.hours) AS hours,
    sum(h.hours * r.low_eur) AS value_low,
    sum(h.hours * r.central_eur) AS value_central,
    sum(h.hours * r.high_eur) AS value_high
FROM volunteer_hours h
JOIN day_rates r ON r.role_category = h.role_category AND r.day = h.work_date
GROUP BY h.municipality_code, r.month;

CREATE OR REPLACE TABLE mart_org_hour_years AS
SELECT
    org_id, municipality_code, CAST(date_trunc('year', work_date) AS DATE) AS year,
    bit_or(CAST(1 AS SMALLINT) << (month(work_date) - 1)) AS months
FROM volunteer_hours
GROUP BY ALL;
