-- Mart: ties between organizations.
-- Grain: one row per (org_a, org_b, municipality_code, month), org_a < org_b: the two organizations
-- co-organized (as lead or partners) at least one activity running in that municipality that month.
-- bridging: the two organizations are of different types.
CREATE OR REPLACE TABLE mart_pair_months AS
WITH participants AS (
    SELECT activity_id, org_id FROM activities
    UNION
    SELECT activity_id, org_id FROM activity_partners
),

pairs AS (
    SELECT a.activity_id, a.org_id AS org_a, b.org_id AS org_b
    FROM participants a
    JOIN participants b ON b.activity_id = a.activity_id AND a.org_id < b.org_id
)

SELECT DISTINCT
    p.org_a,
    p.org_b,
    m.municipality_code,
    m.month,
    ta.type <> tb.type AS bridging
FROM pairs p
JOIN activity_months m USING (activity_id)
JOIN organizations ta ON ta.org_id = p.org_a
JOIN organizations tb ON tb.org_id = p.org_b
