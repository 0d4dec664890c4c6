-- Marts: what the hour records name, numbered from 0 in name order, so that hour_records.sql can hand
-- the records to NumPy as small integers (pipelines/marts/records.py).
--   mart_record_roles. Grain: one row per role_category found in volunteer_hours.
--   mart_record_orgs. Grain: one row per org_id of organizations or named by an hour record, an activity or
--   a partnership, so that the organizations' hours and activities are numbered alike
--   (pipelines/marts/organizations.py).
CREATE OR REPLACE TABLE mart_record_roles AS
SELECT role_category, CAST(row_number() OVER (ORDER BY role_category) - 1 AS SMALLINT) AS role_index
FROM (SELECT DISTINCT role_category FROM volunteer_hours);

CREATE OR REPLACE TABLE mart_record_orgs AS
SELECT org_id, CAST(row_number() OVER (ORDER BY org_id) - 1 AS INTEGER) AS org_index
FROM (
    SELECT org_id FROM organizations
    UNION SELECT org_id FROM volunteer_hours
    UNION SELECT org_id FROM activities
    UNION SELECT org_id FROM activity_partners
);

-- Earlier versions numbered (organization, municipality) pairs, stored the organizations' months of
-- activity for numbering them again in SQL (the records pass and pipelines/marts/organizations.py do both
-- now), and stored the activities' months, the pairs' months, the support's months and the areas' base
-- measures (now temporary tables of the rebuild: activity_months.sql, pair_months.sql,
-- support_months.sql, area_periods.sql).
DROP TABLE IF EXISTS mart_record_places;
DROP TABLE IF EXISTS mart_org_months;
DROP TABLE IF EXISTS mart_activity_months;
DROP TABLE IF EXISTS main.mart_pair_months;
DROP TABLE IF EXISTS main.mart_support_months;
DROP TABLE IF EXISTS main.mart_area_periods;
