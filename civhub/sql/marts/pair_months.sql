-- Ties between organizations: a working table of the rebuild, which keys_pairs.sql reads. Temporary, like
-- activity_months: nothing else reads it, and storing it would only lengthen each load's commit.
-- Grain: one row per (org_a, org_b, municipality_code, month), org_a < org_b: the two organizations
-- co-organized (as lead or partners) at least one activity running in that municipality that month.
-- bridging: the two organizations are of different types.
-- Only activities with a partner can make a pair: the pairs are formed from those alone, before they
-- meet the activities' months (the planner otherwise joins every activity's months first).
CREATE OR REPLACE TEMP TABLE pair_months AS
WITH participants AS (
    SELECT a.activity_id, a.org_id FROM activities a
    WHERE a.activity_id IN (SELECT activity_id FROM activity_partners)
    UNION
    SELECT activity_id, org_id FROM activity_partners
),

pairs AS MATERIALIZED (
    SELECT a.activity_id, a.org_id AS org_a, b.org_id AS org_b, ta.type <> tb.type AS bridging
    FROM participants a
    JOIN participants b ON b.activity_id = a.activity_id AND a.org_id < b.org_id
    JOIN organizations ta ON ta.org_id = a.org_id
    JOIN organizations tb ON tb.org_id = b.org_id
)

SELECT DISTINCT
    p.org_a,
    p.org_b,
    m.municipality_code,
    m.month,
    p.bridging
FROM pairs p
JOIN activity_months m USING (activity_id)
