-- Mart: when and where each organization was active.
-- Grain: one row per (org_id, municipality_code, month) in which the organization recorded volunteer
-- hours in that municipality, or led or partnered an activity running there that month.
CREATE OR REPLACE TABLE mart_org_months AS
SELECT DISTINCT org_id, municipality_code, month
FROM (
    SELECT org_id, municipality_code, month FROM mart_hours
    UNION ALL
    SELECT org_id, municipality_code, month FROM mart_activity_months
    UNION ALL
    SELECT p.org_id, m.municipality_code, m.month
    FROM mart_activity_months m
    JOIN activity_partners p USING (activity_id)
)
