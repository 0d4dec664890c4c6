-- What the small-number protection decides on (civhub/indicators/published.py: withheld_flags):
-- every row of mart_indicators, with its region and its volunteers in the period and the one before.
SELECT level, area_code, region_code, period_type, period_start, volunteers, volunteers_prev
FROM mart_indicators
ORDER BY level, area_code, period_type, period_start
