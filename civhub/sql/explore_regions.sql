-- The regions (NUTS-2) with their names. Grain of the result: one row per region_code.
SELECT DISTINCT region_code, region_el_display AS region_el, region_en
FROM municipalities
ORDER BY region_code
