-- Mart: the activities of every area and period, for the collaboration rate and the activity diversity.
-- Grain: one row per (level, area_code, period_type, period_start) in which an activity of the area runs.
-- Activities are counted again for every period (one can run over several months); each takes place in
-- one municipality, so their counts add up over areas. category_entropy is Shannon's H over the activity
-- categories of the period, its terms added in category order, so that a rebuild gives the same number
-- digit for digit. It depends on the activities alone, so it is built while the hour records are counted.
CREATE OR REPLACE TABLE mart_activity_periods AS
WITH activity_spans AS (
    SELECT
        activity_id, municipality_code, category, start_date,
        greatest(start_date, coalesce(end_date, start_date)) AS last_day,
        activity_id IN (SELECT activity_id FROM activity_partners) AS has_partner
    FROM activities
),

municipality_categories AS (
    -- Each activity once in every month, quarter and year it runs in.
    SELECT municipality_code, period_type, period_start, category,
           count(*) AS activities, count(*) FILTER (WHERE has_partner) AS activities_with_partner
    FROM (
        SELECT
            s.municipality_code, s.category, s.has_partner, p.period_type,
            CAST(unnest(generate_series(
                date_trunc(p.period_type, s.start_date), date_trunc(p.period_type, s.last_day), p.step
            )) AS DATE) AS period_start
        FROM activity_spans s,
             (VALUES ('month', INTERVAL 1 MONTH), ('quarter', INTERVAL 3 MONTH), ('year', INTERVAL 1 YEAR))
                 AS p(period_type, step)
    )
    GROUP BY ALL
),

categories AS (
    SELECT a.level, a.area_code, c.period_type, c.period_start, c.category,
           sum(c.activities) AS activities, sum(c.activities_with_partner) AS activities_with_partner
    FROM municipality_categories c
    JOIN mart_area_members a USING (municipality_code)
    GROUP BY ALL
)

-- Shannon's H from the counts n of the categories: H = ln N - Σ n ln n / N, with N = Σ n.
SELECT level, area_code, period_type, period_start,
       sum(activities) AS activities,
       sum(activities_with_partner) AS activities_with_partner,
       CASE WHEN count(*) = 1 THEN 0.0
            ELSE ln(sum(activities)) - sum(activities * ln(activities) ORDER BY category) / sum(activities)
       END AS category_entropy
FROM categories
GROUP BY ALL;
