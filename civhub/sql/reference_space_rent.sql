-- The imputed monthly rent of municipal space. Grain: one row per (space kind, size unit).
SELECT kind, size_unit, eur_per_unit_month, is_assumption, source
FROM space_rent
ORDER BY kind, size_unit
