-- Active organizations, for counting distinct organizations (pipelines/marts/distinct.py).
-- One row per row of mart_org_months: the organization numbered in org_id order, the indexes of the
-- municipality and its region, and the month counted as in keys_volunteers.sql.
WITH numbered AS (
    SELECT org_id, CAST(row_number() OVER (ORDER BY org_id) AS UBIGINT) AS entity
    FROM (SELECT DISTINCT org_id FROM mart_org_months)
)

SELECT
    n.entity,
    m.municipality_index,
    m.region_index,
    CAST(datediff('month', (SELECT min(period_start) FROM mart_calendar), o.month) AS SMALLINT) AS month
FROM mart_org_months o
JOIN numbered n USING (org_id)
JOIN mart_municipality_index m USING (municipality_code)
