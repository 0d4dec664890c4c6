-- Active organizations, for counting distinct organizations (pipelines/marts/distinct.py).
-- One row per row of mart_org_months: the organization numbered in org_id order, the indexes of the
-- municipality and its region, and the month as the number of months since January of the calendar's
-- first year (so that month // 3 counts quarters and month // 12 years; the volunteers' months are
-- counted so too, pipelines/marts/records.py).
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
