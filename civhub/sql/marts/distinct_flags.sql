-- Distinct and returning entities (volunteers, organizations, pairs) per area and month, from the gap
-- counts of pipelines/marts/distinct.py.
-- Input: the relation gap_counts(entity, level, area_index, month, gap, n): n records of (entity, area)
-- pairs in that area and month lie gap months after the pair's previous record (0: a repeat within the month;
-- $no_previous: no previous record, or one at least that many months back). Months are counted from
-- January of the calendar's first year, so month // 3 numbers quarters and month // 12 years.
-- A record with gap > 0 is its pair's first in its month; it is its pair's first in its quarter (year)
-- when the previous record lies in an earlier quarter (year), and it returns from the previous month,
-- quarter or year when the previous record lies there.
-- Grain of the result: one row per (entity, level, area_index, month). The new_* and retained_* counts are put in the
-- month of the pair's first record of its quarter or year, so they add up over the months.
WITH firsts AS (
    SELECT entity, level, area_index, month, n, CASE WHEN gap < $no_previous THEN month - gap END AS previous_month
    FROM gap_counts
    WHERE gap > 0
)

SELECT
    entity,
    level,
    CAST(area_index AS INTEGER) AS area_index,
    CAST(month AS INTEGER) AS month,
    sum(n) AS entities,
    coalesce(sum(n) FILTER (WHERE previous_month = month - 1), 0) AS retained_month,
    coalesce(sum(n) FILTER (WHERE previous_month IS NULL OR previous_month // 3 <> month // 3), 0) AS new_quarter,
    coalesce(sum(n) FILTER (WHERE previous_month // 3 = month // 3 - 1), 0) AS retained_quarter,
    coalesce(sum(n) FILTER (WHERE previous_month IS NULL OR previous_month // 12 <> month // 12), 0) AS new_year,
    coalesce(sum(n) FILTER (WHERE previous_month // 12 = month // 12 - 1), 0) AS retained_year
FROM firsts
GROUP BY entity, level, area_index, month
