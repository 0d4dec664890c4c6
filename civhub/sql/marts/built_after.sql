-- The last load the marts were rebuilt after (meta key 'marts_after_load', 0 before any load): a load that
-- changes no record keeps the marts when they are current (pipelines/marts/current.sql).
INSERT OR REPLACE INTO meta
SELECT 'marts_after_load', CAST(coalesce(max(load_id), 0) AS VARCHAR) FROM loads;
