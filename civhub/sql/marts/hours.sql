-- Mart: volunteer hours and their value.
-- Grain: one row per (municipality_code, month) with hours.
-- Input: the relation hour_cells(municipality_index, segment, hundredths): the hours of the records of
-- each municipality and segment (mart_hour_segments), in hundredths, summed by pipelines/marts/hours.py.
-- Each hour is valued at the rates of its segment: low = statutory minimum wage, central = generalist
-- social-services wage, high = the specialist wage of the role (ILO replacement-cost method). The sums
-- are of exact decimals (hundredths of an hour × euros with cents), so they never depend on the order
-- of the records.
CREATE OR REPLACE TABLE mart_hours AS
WITH segments AS (
    SELECT DISTINCT segment, month, rated_as, valid_from FROM mart_hour_segments
),

cells AS (
    SELECT m.municipality_code, s.month, CAST(c.hundredths AS DECIMAL(18, 0)) AS hundredths, r.low_eur,
           r.central_eur, r.high_eur
    FROM hour_cells c
    JOIN mart_municipality_index m USING (municipality_index)
    JOIN segments s USING (segment)
    LEFT JOIN valuation_rates r ON r.role_category = s.rated_as AND r.valid_from = s.valid_from
)

SELECT
    municipality_code,
    month,
    CAST(sum(hundredths) * 0.01 AS DECIMAL(38, 2)) AS hours,
    CAST(sum(hundredths * low_eur) * 0.01 AS DECIMAL(38, 4)) AS value_low,
    CAST(sum(hundredths * central_eur) * 0.01 AS DECIMAL(38, 4)) AS value_central,
    CAST(sum(hundredths * high_eur) * 0.01 AS DECIMAL(38, 4)) AS value_high
FROM cells
GROUP BY municipality_code, month;

-- An earlier version kept the organizations' years of hours here; pipelines/marts/organizations.py now takes
-- them from the records pass.
DROP TABLE IF EXISTS mart_org_hour_years;
