-- The periods of one type with municipality indicators, latest first. $period_type: year, quarter or month.
-- Grain of the result: one row per period (period_start, its label).
SELECT DISTINCT period_start, period
FROM mart_indicators
WHERE level = 'municipality' AND period_type = $period_type
ORDER BY period_start DESC
