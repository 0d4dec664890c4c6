-- Mart: which municipalities make up each area.
-- Grain: one row per (level, area_code, municipality_code); every municipality is in exactly one area
-- of each level (itself, its region, the nation).
CREATE OR REPLACE TABLE mart_area_members AS
SELECT 'municipality' AS level, code AS area_code, code AS municipality_code FROM municipalities
UNION ALL
SELECT 'region', region_code, code FROM municipalities
UNION ALL
SELECT 'national', 'GR', code FROM municipalities
