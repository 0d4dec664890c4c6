-- Mart: the loadings of the principal-component social capital index and the share of the variance
-- it explains, published beside the index. Input: the relation loading_rows.
-- Grain: one row per (period_type, period_start, component).
CREATE OR REPLACE TABLE mart_index_loadings AS
SELECT
    CAST(period_type AS VARCHAR) AS period_type,
    CAST(period_start AS DATE) AS period_start,
    CAST(component AS VARCHAR) AS component,
    CAST(loading AS DOUBLE) AS loading,
    CAST(explained_variance AS DOUBLE) AS explained_variance,
    CAST(municipalities AS INTEGER) AS municipalities
FROM loading_rows
