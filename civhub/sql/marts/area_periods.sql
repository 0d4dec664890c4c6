-- The base measures of every area and period, from which indicators.sql computes the indicators: a
-- working table of the rebuild. Temporary, like activity_months: nothing else reads it, and storing
-- it would only lengthen each load's commit.
-- Grain: one row per (level, area_code, period_type, period_start) with any data: an hour record, an
-- active organization, an activity running, municipal support or a space available in the area
-- during the period.
-- Sums (hours, values, people served, support) add up over municipalities and months. Distinct
-- volunteers, organizations and pairs come from mart_distinct_counts, counted for every area and
-- period from the records. Activities are counted again for every period (one can run over several
-- months); each takes place in one municipality, so their counts add up over areas.
-- category_entropy is Shannon's H over the activity categories of the period, its terms n ln n added as
-- exact decimals (12 places), as are the other sums. So a rebuild gives the same numbers, digit for digit,
-- in whatever order the rows are added (an ordered aggregate would cost a fifth of a second at national scale).
CREATE OR REPLACE TEMP TABLE area_periods AS
WITH month_periods AS MATERIALIZED (
    SELECT m.month, p.period_type, p.period_start
    FROM (SELECT period_start AS month FROM mart_calendar WHERE period_type = 'month') AS m,
    LATERAL (
        SELECT 'month' AS period_type, m.month AS period_start
        UNION ALL SELECT 'quarter', CAST(date_trunc('quarter', m.month) AS DATE)
        UNION ALL SELECT 'year', CAST(date_trunc('year', m.month) AS DATE)
    ) AS p
),

month_sums AS (
    SELECT
        municipality_code, month,
        sum(hours) AS hours, sum(value_low) AS value_low, sum(value_central) AS value_central,
        sum(value_high) AS value_high, sum(beneficiaries) AS beneficiaries,
        sum(services_value) AS services_value, sum(support_eur) AS support_eur, sum(rent_eur) AS rent_eur
    FROM (
        SELECT municipality_code, month, hours, value_low, value_central, value_high,
               NULL AS beneficiaries, NULL AS services_value, NULL AS support_eur, NULL AS rent_eur
        FROM mart_hours
        UNION ALL
        SELECT municipality_code, month, NULL, NULL, NULL, NULL, beneficiaries, services_value, NULL, NULL
        FROM activity_months
        UNION ALL
        SELECT municipality_code, month, NULL, NULL, NULL, NULL, NULL, NULL, support_eur, rent_eur
        FROM support_months
    )
    GROUP BY ALL
),

sums AS MATERIALIZED (
    SELECT
        a.level, a.area_code, mp.period_type, mp.period_start,
        sum(s.hours) AS hours, sum(s.value_low) AS value_low, sum(s.value_central) AS value_central,
        sum(s.value_high) AS value_high, sum(s.beneficiaries) AS beneficiaries,
        sum(s.services_value) AS services_value, sum(s.support_eur) AS support_eur, sum(s.rent_eur) AS rent_eur
    FROM month_sums s
    JOIN mart_area_members a USING (municipality_code)
    JOIN month_periods mp USING (month)
    GROUP BY ALL
),

month_categories AS (
    -- The activities of each municipality, category and month, told apart by whether the month is the
    -- activity's first (activity_months.first_month) in its quarter and in its year: a few rows for each
    -- municipality and month, which municipality_categories spreads over the periods.
    SELECT
        municipality_code, category, month,
        month = greatest(date_trunc('quarter', month), first_month) AS first_in_quarter,
        month = greatest(date_trunc('year', month), first_month) AS first_in_year,
        count(*) AS activities, count(*) FILTER (WHERE has_partner) AS activities_with_partner
    FROM activity_months
    GROUP BY ALL
),

municipality_categories AS MATERIALIZED (
    -- Each activity once in every month, quarter and year it runs in: counted in the first of its months
    -- that falls in the quarter or year.
    SELECT municipality_code, period_type, period_start, category,
           sum(activities) AS activities, sum(activities_with_partner) AS activities_with_partner
    FROM (
        SELECT municipality_code, category, 'month' AS period_type, month AS period_start,
               activities, activities_with_partner
        FROM month_categories
        UNION ALL
        SELECT municipality_code, category, 'quarter', CAST(date_trunc('quarter', month) AS DATE),
               activities, activities_with_partner
        FROM month_categories
        WHERE first_in_quarter
        UNION ALL
        SELECT municipality_code, category, 'year', CAST(date_trunc('year', month) AS DATE),
               activities, activities_with_partner
        FROM month_categories
        WHERE first_in_year
    )
    GROUP BY ALL
),

categories AS (
    -- A municipality's own rows as they are; its region's and the nation's added up from them.
    SELECT 'municipality' AS level, municipality_code AS area_code, period_type, period_start, category,
           activities, activities_with_partner
    FROM municipality_categories
    UNION ALL
    SELECT a.level, a.area_code, c.period_type, c.period_start, c.category,
           sum(c.activities) AS activities, sum(c.activities_with_partner) AS activities_with_partner
    FROM municipality_categories c
    JOIN mart_area_members a USING (municipality_code)
    WHERE a.level <> 'municipality'
    GROUP BY ALL
),

activities AS MATERIALIZED (
    -- Shannon's H from the counts n of the categories: H = ln N - Σ n ln n / N, with N = Σ n.
    SELECT level, area_code, period_type, period_start,
           sum(activities) AS activities,
           sum(activities_with_partner) AS activities_with_partner,
           CASE WHEN count(*) = 1 THEN 0.0
                ELSE ln(sum(activities))
                     - CAST(sum(CAST(activities * ln(activities) AS DECIMAL(38, 12))) AS DOUBLE) / sum(activities)
           END AS category_entropy
    FROM categories
    GROUP BY ALL
),

counts AS MATERIALIZED (
    SELECT
        level, area_code, period_type, period_start,
        sum(active) FILTER (WHERE entity = 'volunteers') AS volunteers,
        sum(retained) FILTER (WHERE entity = 'volunteers') AS retained,
        sum(active_prev) FILTER (WHERE entity = 'volunteers') AS volunteers_prev,
        sum(active) FILTER (WHERE entity = 'organizations') AS active_organizations,
        sum(active) FILTER (WHERE entity = 'pairs') AS pairs,
        sum(active) FILTER (WHERE entity = 'bridging_pairs') AS bridging_pairs
    FROM mart_distinct_counts
    GROUP BY ALL
),

cells AS (
    SELECT level, area_code, period_type, period_start FROM sums
    UNION SELECT level, area_code, period_type, period_start FROM counts
)

SELECT
    c.level,
    c.area_code,
    c.period_type,
    c.period_start,
    cal.months,
    area.population,
    CAST(coalesce(n.volunteers, 0) AS BIGINT) AS volunteers,
    CAST(coalesce(n.retained, 0) AS BIGINT) AS retained,
    CAST(n.volunteers_prev AS BIGINT) AS volunteers_prev,
    CAST(coalesce(s.hours, 0) AS DOUBLE) AS hours,
    CAST(coalesce(s.value_low, 0) AS DOUBLE) AS value_low,
    CAST(coalesce(s.value_central, 0) AS DOUBLE) AS value_central,
    CAST(coalesce(s.value_high, 0) AS DOUBLE) AS value_high,
    CAST(coalesce(n.active_organizations, 0) AS BIGINT) AS active_organizations,
    CAST(coalesce(act.activities, 0) AS BIGINT) AS activities,
    CAST(coalesce(act.activities_with_partner, 0) AS BIGINT) AS activities_with_partner,
    act.category_entropy,
    CAST(coalesce(n.pairs, 0) AS BIGINT) AS pairs,
    CAST(coalesce(n.bridging_pairs, 0) AS BIGINT) AS bridging_pairs,
    CAST(coalesce(s.beneficiaries, 0) AS DOUBLE) AS beneficiaries,
    CAST(coalesce(s.services_value, 0) AS DOUBLE) AS services_value,
    CAST(coalesce(s.support_eur, 0) AS DOUBLE) AS support_eur,
    CAST(coalesce(s.rent_eur, 0) AS DOUBLE) AS rent_eur
FROM cells c
JOIN mart_calendar cal USING (period_type, period_start)
JOIN mart_areas area USING (level, area_code)
LEFT JOIN counts n USING (level, area_code, period_type, period_start)
LEFT JOIN sums s USING (level, area_code, period_type, period_start)
LEFT JOIN activities act USING (level, area_code, period_type, period_start)
