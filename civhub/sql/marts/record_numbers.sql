-- Marts: what the hour records name, numbered from 0 in name order, so that hour_numbers.sql can hand
-- the records to NumPy as small integers (pipelines/marts/hours.py).
--   mart_record_roles. Grain: one row per role_category found in volunteer_hours.
--   mart_record_places. Grain: one row per (org_id, municipality_code) found in volunteer_hours: an
--     organization and a municipality it recorded hours in, with the municipality's index.
CREATE OR REPLACE TABLE mart_record_roles AS
SELECT role_category, CAST(row_number() OVER (ORDER BY role_category) - 1 AS SMALLINT) AS role_index
FROM (SELECT DISTINCT role_category FROM volunteer_hours);

CREATE OR REPLACE TABLE mart_record_places AS
SELECT
    p.org_id,
    p.municipality_code,
    m.municipality_index,
    CAST(row_number() OVER (ORDER BY p.org_id, p.municipality_code) - 1 AS INTEGER) AS place_index
FROM (SELECT DISTINCT org_id, municipality_code FROM volunteer_hours) AS p
JOIN mart_municipality_index m USING (municipality_code);
