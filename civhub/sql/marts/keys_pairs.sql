-- Ties between organizations, for counting distinct pairs (pipelines/marts/distinct.py).
-- One row per row of pair_months (only the bridging pairs when $bridging_only): the pair numbered
-- in (org_a, org_b) order, the indexes of the municipality and its region, and the month counted as in
-- pipelines/marts/records.py.
WITH chosen AS (
    SELECT * FROM pair_months WHERE bridging OR NOT $bridging_only
),

numbered AS (
    SELECT org_a, org_b, CAST(row_number() OVER (ORDER BY org_a, org_b) AS UBIGINT) AS entity
    FROM (SELECT DISTINCT org_a, org_b FROM chosen)
)

SELECT
    n.entity,
    m.municipality_index,
    m.region_index,
    CAST(datediff('month', (SELECT min(period_start) FROM mart_calendar), p.month) AS SMALLINT) AS month
FROM chosen p
JOIN numbered n USING (org_a, org_b)
JOIN mart_municipality_index m USING (municipality_code)
