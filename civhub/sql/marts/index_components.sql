-- The components of the social capital index, per municipality and period (pipelines/marts/derived.py).
-- One row per (area_code, period_type, period_start) of the municipality level of mart_indicators.
SELECT
    area_code, period_type, period_start, volunteers,
    volunteers_per_1k, volunteer_hours_per_capita, active_organizations_per_10k,
    volunteer_retention, collaboration_rate, ties_per_organization
FROM mart_indicators
WHERE level = 'municipality'
ORDER BY period_type, period_start, area_code
