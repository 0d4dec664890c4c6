-- The activities, month by month: a working table of the rebuild, which area_periods.sql, pair_months.sql
-- and organization_activity_months.sql read. Temporary: stored in the database, its exact decimals cost
-- about a fifth of a second to write at national scale (200,000 activities), for rows nothing else reads.
-- Grain: one row per (activity_id, month) in which the activity runs.
-- An activity runs from start_date to end_date, both included (a one-day event when end_date is
-- empty); first_month is the month it starts in. share is the part of its days that fall in the month;
-- the people it served and the value of its service units (units × service_unit_costs) are shared
-- among its months in that proportion, as exact decimals (12 places), so that their sums never depend
-- on the order they are added in.
CREATE OR REPLACE TEMP TABLE activity_months AS
WITH spans AS (
    SELECT
        a.activity_id, a.org_id, a.municipality_code, a.category, a.space_id, a.beneficiaries,
        a.service_units * c.eur_per_unit AS services_value,
        a.start_date,
        greatest(a.start_date, coalesce(a.end_date, a.start_date)) AS last_day,
        EXISTS (SELECT 1 FROM activity_partners p WHERE p.activity_id = a.activity_id) AS has_partner
    FROM activities a
    LEFT JOIN service_unit_costs c ON c.service_unit = a.service_unit
),

months AS (
    SELECT
        s.*,
        CAST(unnest(generate_series(
            date_trunc('month', s.start_date), date_trunc('month', s.last_day), INTERVAL 1 MONTH
        )) AS DATE) AS month
    FROM spans s
),

shared AS (
    SELECT
        *,
        (least(last_day, CAST(month + INTERVAL 1 MONTH AS DATE) - 1) - greatest(start_date, month) + 1)
            / (last_day - start_date + 1) AS share
    FROM months
)

SELECT
    activity_id, org_id, municipality_code, month, CAST(date_trunc('month', start_date) AS DATE) AS first_month,
    category, space_id, has_partner, share,
    CAST(beneficiaries * share AS DECIMAL(38, 12)) AS beneficiaries,
    CAST(services_value * share AS DECIMAL(38, 12)) AS services_value
FROM shared
