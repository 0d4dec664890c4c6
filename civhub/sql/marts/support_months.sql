-- Municipal support, month by month: a working table of the rebuild, which area_periods.sql reads.
-- Temporary, like activity_months: nothing else reads it.
-- Grain: one row per (municipality_code, month) of the calendar with support or a space available.
-- support_eur spreads each year's amounts evenly over its 12 months. rent_eur is the imputed rent of
-- the municipal spaces made available: size × monthly rent per unit (space_rent, by kind and unit) ×
-- the share of the month's days on which the space was available (available_to included; a space
-- with no end date stays available to the end of the calendar). Amounts are exact decimals (12
-- places), so that their sums never depend on the order they are added in.
CREATE OR REPLACE TEMP TABLE support_months AS
WITH months AS (
    SELECT period_start AS month, period_end AS next_month
    FROM mart_calendar
    WHERE period_type = 'month'
),

support AS (
    SELECT s.municipality_code, m.month, CAST(sum(s.amount_eur) / 12 AS DECIMAL(38, 12)) AS support_eur
    FROM municipal_support s
    JOIN months m ON year(m.month) = s.year
    GROUP BY ALL
),

rent AS (
    SELECT
        s.municipality_code,
        m.month,
        sum(CAST(
            s.size * r.eur_per_unit_month
            * (least(coalesce(s.available_to, m.next_month - 1), m.next_month - 1)
               - greatest(s.available_from, m.month) + 1)
            / (m.next_month - m.month)
        AS DECIMAL(38, 12))) AS rent_eur
    FROM spaces s
    JOIN space_rent r ON r.kind = s.kind AND r.size_unit = s.size_unit
    JOIN months m
        ON s.available_from < m.next_month
        AND (s.available_to IS NULL OR s.available_to >= m.month)
    GROUP BY ALL
)

SELECT
    municipality_code,
    month,
    coalesce(support.support_eur, 0) AS support_eur,
    coalesce(rent.rent_eur, 0) AS rent_eur
FROM support
FULL OUTER JOIN rent USING (municipality_code, month)
