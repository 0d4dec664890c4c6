-- Mart: which rows of mart_indicators are withheld (their volunteer-based cells show "<5"), and whose
-- retention is, as decided by civhub/indicators/published.py (withheld_flags). Input: the relation
-- withheld_rows.
-- Grain: one row per (level, area_code, period_type, period_start) of mart_indicators.
CREATE OR REPLACE TABLE mart_withheld AS
SELECT level, area_code, CAST(period_type AS VARCHAR) AS period_type, CAST(period_start AS DATE) AS period_start,
       withheld, retention_withheld
FROM withheld_rows
