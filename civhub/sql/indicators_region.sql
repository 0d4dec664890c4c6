-- The region of one municipality ($area_code); no row for an unknown code.
SELECT region_code FROM mart_areas WHERE level = 'municipality' AND area_code = $area_code
