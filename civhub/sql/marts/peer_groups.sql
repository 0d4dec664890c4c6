-- Mart: the peer group of each municipality (civhub/peers.py: metropolitan, island, mainland_large,
-- mainland_medium, mainland_small). Input: the relation peer_group_rows(code, peer_group).
-- Grain: one row per municipality (code).
CREATE OR REPLACE TABLE mart_peer_groups AS
SELECT CAST(code AS VARCHAR) AS code, CAST(peer_group AS VARCHAR) AS peer_group
FROM peer_group_rows
ORDER BY code
