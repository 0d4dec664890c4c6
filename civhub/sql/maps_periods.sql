-- The periods of one type that have indicators, oldest first, with their labels (2023, 2023-Q2, 2023-04).
-- $period_type: year, quarter or month.
-- Grain of the result: one row per period_start.
SELECT DISTINCT period_start, period
FROM mart_indicators
WHERE level = 'national' AND period_type = $period_type
ORDER BY period_start
