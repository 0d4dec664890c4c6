-- Mart: each municipality's 10 nearest neighbours by the CIPFA distance on z-scored log population
-- and log density (civhub/peers.py). Input: the relation neighbour_rows(code, neighbour_code, rank, distance).
-- Grain: one row per (code, rank).
CREATE OR REPLACE TABLE mart_neighbours AS
SELECT
    CAST(code AS VARCHAR) AS code,
    CAST(neighbour_code AS VARCHAR) AS neighbour_code,
    CAST(rank AS INTEGER) AS rank,
    CAST(distance AS DOUBLE) AS distance
FROM neighbour_rows
ORDER BY code, rank
