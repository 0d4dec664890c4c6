-- Mart: volunteer hours and their value, per organization, municipality and month.
-- Grain: one row per (org_id, municipality_code, month) with at least one hour record.
-- Each hour is valued at the rates in force on its work date (valid_to is exclusive) for its role
-- category: low = statutory minimum wage, central = generalist social-services wage, high = the
-- specialist wage of the role (ILO replacement-cost method). A category without rates of its own
-- takes the 'general' rates. The rates are laid out per (category, day) and the records are grouped
-- by integer keys, which keeps the pass over millions of records to equality joins with small tables.
CREATE OR REPLACE TABLE mart_hours AS
WITH span AS (
    SELECT min(work_date) AS first_day, max(work_date) AS last_day FROM volunteer_hours
),

days AS (
    SELECT day, CAST(date_trunc('month', day) AS DATE) AS month
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
    SELECT c.role_category, d.day, r.low_eur, r.central_eur, r.high_eur
    FROM categories c
    JOIN valuation_rates r ON r.role_category = c.rated_as
    JOIN days d ON d.day >= r.valid_from AND (r.valid_to IS NULL OR d.day < r.valid_to)
),

organizations AS (
    SELECT org_id, CAST(row_number() OVER (ORDER BY org_id) AS INTEGER) AS org_index FROM organizations
),

cells AS (
    SELECT
        o.org_index,
        m.municipality_index,
        d.month,
        sum(h.hours) AS hours,
        sum(h.hours * r.low_eur) AS value_low,
        sum(h.hours * r.central_eur) AS value_central,
        sum(h.hours * r.high_eur) AS value_high
    FROM volunteer_hours h
    JOIN organizations o USING (org_id)
    JOIN mart_municipality_index m USING (municipality_code)
    JOIN days d ON d.day = h.work_date
    LEFT JOIN day_rates r ON r.role_category = h.role_category AND r.day = h.work_date
    GROUP BY ALL
)

SELECT o.org_id, m.municipality_code, c.month, c.hours, c.value_low, c.value_central, c.value_high
FROM cells c
JOIN organizations o USING (org_index)
JOIN mart_municipality_index m USING (municipality_index)
