-- Mart: distinct volunteers, organizations and pairs of organizations per area and period; for each,
-- those also active in the previous period of the same length, and the count of that previous period.
-- Grain: one row per (entity, level, area_code, period_type, period_start) with at least one active;
-- entity is 'volunteers', 'organizations', 'pairs' or 'bridging_pairs'.
-- Input: the relation entity_month_counts(entity, level, area_index, month, entities, retained_month,
-- new_quarter, retained_quarter, new_year, retained_year) that pipelines/marts/distinct.py counts from
-- the records with distinct_flags.sql. Regions and the nation are counted from the records too, never
-- summed over municipalities: one volunteer or organization may be active in several.
CREATE OR REPLACE TABLE mart_distinct_counts AS
WITH counted AS (
    SELECT
        c.entity,
        c.level,
        a.area_code,
        CAST((SELECT min(period_start) FROM mart_calendar) + to_months(c.month) AS DATE) AS month_start,
        c.entities, c.retained_month, c.new_quarter, c.retained_quarter, c.new_year, c.retained_year
    FROM entity_month_counts c
    JOIN mart_areas a ON a.level = c.level AND a.area_index = c.area_index
),

per_period AS (
    SELECT entity, level, area_code, 'month' AS period_type, month_start AS period_start,
           entities AS active, retained_month AS retained
    FROM counted
    UNION ALL
    SELECT entity, level, area_code, 'quarter', CAST(date_trunc('quarter', month_start) AS DATE),
           sum(new_quarter), sum(retained_quarter)
    FROM counted
    GROUP BY ALL
    UNION ALL
    SELECT entity, level, area_code, 'year', CAST(date_trunc('year', month_start) AS DATE),
           sum(new_year), sum(retained_year)
    FROM counted
    GROUP BY ALL
)

SELECT
    p.entity,
    p.level,
    p.area_code,
    p.period_type,
    p.period_start,
    CAST(p.active AS BIGINT) AS active,
    CAST(p.retained AS BIGINT) AS retained,
    -- NULL when the previous period lies before the calendar; 0 when none was active there then.
    CASE WHEN cal_prev.period_start IS NOT NULL THEN coalesce(prev.active, 0) END AS active_prev
FROM per_period p
JOIN mart_calendar cal ON cal.period_type = p.period_type AND cal.period_start = p.period_start
LEFT JOIN mart_calendar cal_prev
    ON cal_prev.period_type = p.period_type AND cal_prev.period_start = cal.previous_start
LEFT JOIN per_period prev
    ON prev.entity = p.entity AND prev.level = p.level AND prev.area_code = p.area_code
    AND prev.period_type = p.period_type AND prev.period_start = cal.previous_start
