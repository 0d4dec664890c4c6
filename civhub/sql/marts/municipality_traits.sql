-- What peer groups and nearest neighbours are built from (civhub/peers.py).
-- One row per municipality.
SELECT code, regional_unit_code, population_2021, area_km2
FROM municipalities
ORDER BY code
