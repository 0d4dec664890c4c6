-- Whether the marts were rebuilt after the last load before load $load_id that added or changed a record
-- (pipelines/marts/built_after.sql): false when a batch of loads left the rebuild to its end and stopped
-- before it, or when none was ever built.
SELECT coalesce(
    (SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'marts_after_load')
        >= (SELECT coalesce(max(load_id), 0) FROM loads WHERE load_id < $load_id AND rows_loaded + rows_updated > 0),
    false
) AS current;
