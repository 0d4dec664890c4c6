-- Schema 5 -> 6: each municipality carries its region's display name (data/reference/regions.csv, read from
-- the folder the variable reference_dir names); the marts gain mart_indicator_rows, built by the rebuild
-- that follows every upgrade.
ALTER TABLE municipalities ADD COLUMN region_el_display VARCHAR;
UPDATE municipalities SET region_el_display = r.region_el_display
FROM read_csv(getvariable('reference_dir') || '/regions.csv', header = true, all_varchar = true) AS r
WHERE municipalities.region_code = r.region_nuts2_2021;
ALTER TABLE municipalities ALTER COLUMN region_el_display SET NOT NULL;
