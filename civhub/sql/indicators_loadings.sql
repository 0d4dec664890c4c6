-- The loadings and explained variance of the principal-component social capital index.
-- $period_type, $period_start: NULL for all. Grain: one row per (period_type, period_start, component).
SELECT period_type, period_start, component, loading, explained_variance, municipalities
FROM mart_index_loadings
WHERE ($period_type IS NULL OR period_type = $period_type)
    AND ($period_start IS NULL OR period_start = CAST($period_start AS DATE))
ORDER BY period_type, period_start, component
