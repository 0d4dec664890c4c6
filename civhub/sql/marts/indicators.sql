-- Mart: the indicators of every area and period (civhub/indicators/registry.py defines each one).
-- Grain: one row per (level, area_code, period_type, period_start) of area_periods.
-- A ratio whose denominator is 0 is NULL (undefined), never 0 or infinite. volunteers and
-- volunteers_prev are kept beside the indicators: they decide which cells may be published.
-- The variable activity_categories (set by pipelines/marts) is the number of activity categories of the
-- data model (pipelines/kinds.py); activity_diversity divides Shannon's H by its logarithm.
CREATE OR REPLACE TABLE mart_indicators AS
WITH base AS (
    SELECT
        *,
        support_eur + rent_eur AS municipal_support,
        value_central + services_value AS delivered_value
    FROM area_periods
)

SELECT
    b.level,
    b.area_code,
    b.period_type,
    b.period_start,
    cal.period,
    a.region_code,
    b.volunteers,
    b.volunteers_prev,
    b.active_organizations * 10000.0 / nullif(b.population, 0) AS active_organizations_per_10k,
    b.volunteers * 1000.0 / nullif(b.population, 0) AS volunteers_per_1k,
    b.hours / nullif(b.population, 0) AS volunteer_hours_per_capita,
    b.hours / nullif(b.volunteers, 0) AS hours_per_volunteer,
    b.retained / nullif(b.volunteers_prev, 0) AS volunteer_retention,
    b.activities_with_partner / nullif(b.activities, 0) AS collaboration_rate,
    b.pairs / nullif(b.active_organizations, 0) AS ties_per_organization,
    b.bridging_pairs / nullif(b.pairs, 0) AS bridging_share,
    b.category_entropy / ln(getvariable('activity_categories')) AS activity_diversity,
    b.value_central AS volunteer_value_eur,
    b.value_low AS volunteer_value_eur_low,
    b.value_high AS volunteer_value_eur_high,
    b.hours / (2080.0 * b.months / 12) AS fte_equivalent,
    b.services_value AS services_value_eur,
    b.municipal_support AS municipal_support_eur,
    b.delivered_value / nullif(b.municipal_support, 0) AS leverage_ratio,
    b.delivered_value / nullif(b.population, 0) AS value_per_resident,
    b.beneficiaries * 1000.0 / nullif(b.population, 0) AS beneficiaries_per_1k,
    b.municipal_support / nullif(b.beneficiaries, 0) AS cost_per_beneficiary
FROM base b
JOIN mart_calendar cal USING (period_type, period_start)
JOIN mart_areas a USING (level, area_code)
