-- The value of one unit of each service. Grain: one row per service unit.
SELECT service_unit, eur_per_unit, is_assumption, source
FROM service_unit_costs
ORDER BY service_unit
