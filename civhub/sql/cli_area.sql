-- Whether $area_code is an area of level $level (python -m civhub indicators --area). Grain: one row, or none.
SELECT area_code
FROM mart_areas
WHERE level = $level AND area_code = $area_code
