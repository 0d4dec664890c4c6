-- Mart: when and where each organization was active.
-- Grain: one row per (org_id, municipality_code, month) in which the organization recorded volunteer
-- hours in that municipality, or led or partnered an activity running there that month.
CREATE OR REPLACE TABLE mart_org_months AS
WITH hour_months AS (
    SELECT h.org_id, h.municipality_code, CAST(h.year + to_months(m.bit) AS DATE) AS month
    FROM mart_org_hour_years h
    JOIN (SELECT unnest(range(12)) AS bit) m ON (h.months >> m.bit) & 1 = 1
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
