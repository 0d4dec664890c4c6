-- Mart: for every municipality and period, each indicator's median over the municipality's peer group
-- and the municipality's rank in it (1 = best), from the published cells only
-- (civhub/indicators/published.py). Input: the relation peer_stat_rows.
-- Grain: one row per (area_code, period_type, period_start) of the municipality level; stored in the order of
-- area, so that reading one municipality touches a few blocks of the table, not all of it.
CREATE OR REPLACE TABLE mart_peer_stats AS
SELECT * REPLACE (CAST(period_start AS DATE) AS period_start)
FROM peer_stat_rows
ORDER BY area_code, period_type, period_start
