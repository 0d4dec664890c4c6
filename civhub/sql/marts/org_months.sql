-- Mart: when and where each organization was active.
-- Grain: one row per (org_id, municipality_code, month) in which the organization recorded volunteer
-- hours in that municipality, or led or partnered an activity running there that month.
CREATE OR REPLACE TABLE mart_org_months AS
WITH hour_months AS (
    -- The relation org_hour_months(org_index, municipality_index, month): the months, counted as in
    -- keys_organizations.sql, in which an organization recorded hours in a municipality (mart_record_orgs,
    -- mart_municipality_index; pipelines/marts/hours.py).
    SELECT o.org_id, m.municipality_code, CAST(f.first_day + to_months(h.month) AS DATE) AS month
    FROM org_hour_months h
    CROSS JOIN (SELECT min(period_start) AS first_day FROM mart_calendar) f
    JOIN mart_record_orgs o USING (org_index)
    JOIN mart_municipality_index m USING (municipality_index)
)

SELECT DISTINCT org_id, municipality_code, month
FROM (
    SELECT org_id, municipality_code, month FROM hour_months
    UNION ALL
    SELECT org_id, municipality_code, month FROM mart_activity_months
    UNION ALL
    SELECT p.org_id, m.municipality_code, m.month
    FROM mart_activity_months m
    JOIN activity_partners p USING (activity_id)
)
