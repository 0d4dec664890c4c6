-- The months in which each organization led or partnered an activity running in a municipality, for
-- counting distinct organizations (pipelines/marts/organizations.py joins them to the months of their hours).
-- One row per (activity, organization, month) of activity_months and activity_partners: the organization
-- numbered as in mart_record_orgs, the municipality's index (mart_municipality_index) and the month as the
-- number of months since January of the calendar's first year, as the records pass counts it
-- (pipelines/marts/records.py).
WITH taking_part AS (
    SELECT org_id, municipality_code, month FROM activity_months
    UNION ALL
    SELECT p.org_id, a.municipality_code, a.month
    FROM activity_months a
    JOIN activity_partners p USING (activity_id)
)

SELECT
    o.org_index,
    m.municipality_index,
    CAST(datediff('month', (SELECT min(period_start) FROM mart_calendar), t.month) AS SMALLINT) AS month
FROM taking_part t
JOIN mart_record_orgs o USING (org_id)
JOIN mart_municipality_index m USING (municipality_code)
