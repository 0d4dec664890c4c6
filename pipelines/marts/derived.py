"""The marts computed in Python after the SQL ones: the small-number protection of every row
(``civhub.indicators.published.withheld_flags``), peer groups, nearest neighbours, the social capital
index (``civhub.composite``) and the peer medians and ranks of the published cells.

Each result is registered as a relation and stored by the SQL file that states its grain.
"""

from __future__ import annotations

import duckdb
import numpy as np
import pandas as pd

from civhub.composite import composite_arrays
from civhub.db import sql_text
from civhub.indicators.published import peer_stats, withheld_flags
from civhub.indicators.registry import INDEX_COMPONENTS, INDICATORS
from civhub.indicators.table import published_rows
from civhub.peers import nearest_neighbours, peer_groups
from civhub.privacy import MIN_VOLUNTEERS
from pipelines.marts.steps import run, store

NEIGHBOURS = 10
_PERIOD = ["period_type", "period_start"]


def peers_and_index(con: duckdb.DuckDBPyConnection) -> None:
    """Build mart_withheld, mart_peer_groups, mart_neighbours, mart_index, mart_index_loadings,
    mart_indicator_rows and mart_peer_stats."""
    store(con, "withheld", withheld_rows=withheld_flags(con.sql(sql_text("marts/withheld_source")).df()))
    traits = con.sql(sql_text("marts/municipality_traits")).df()
    groups = peer_groups(traits)
    store(con, "peer_groups", peer_group_rows=groups.reset_index())
    _neighbours(con, traits)
    scores, loadings = social_capital_index(con.sql(sql_text("marts/index_components")).df())
    store(con, "index", index_rows=scores)
    store(con, "index_loadings", loading_rows=loadings)
    run(con, ("indicator_rows",))
    published = published_rows(con, "municipality", columns=[i.column for i in INDICATORS])
    store(con, "peer_stats", peer_stat_rows=peer_stats(published, groups))


def social_capital_index(components: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The index of every municipality and period by both methods, and the loadings of the principal component.

    A municipality with 1 to 4 volunteers takes no part: its figures are not published, and the
    others' percentiles would tell where it stands.
    """
    shown = components[~components["volunteers"].between(1, MIN_VOLUNTEERS - 1)]
    shown = shown.sort_values([*_PERIOD, "area_code"], ignore_index=True)
    matrix = shown[list(INDEX_COMPONENTS)].to_numpy(dtype=float)
    zmean, pca = np.full(len(shown), np.nan), np.full(len(shown), np.nan)
    loadings = []
    for start, stop in _runs(shown[_PERIOD]):
        zmean[start:stop], raw, _, _ = composite_arrays(matrix[start:stop], "zmean")
        pca[start:stop], _, weights, explained = composite_arrays(matrix[start:stop], "pca")
        period = (shown.at[start, "period_type"], shown.at[start, "period_start"])
        areas = int(np.count_nonzero(~np.isnan(raw)))
        loadings += [(*period, component, float(loading), explained, areas)
                     for component, loading in zip(INDEX_COMPONENTS, weights, strict=True)]
    scores = shown[["area_code", *_PERIOD]].assign(social_capital_index=zmean, social_capital_index_pca=pca)
    columns = [*_PERIOD, "component", "loading", "explained_variance", "municipalities"]
    return scores, pd.DataFrame(loadings, columns=columns)


def _runs(keys: pd.DataFrame) -> list[tuple[int, int]]:
    """The (start, stop) of each run of equal rows of the sorted ``keys``."""
    if keys.empty:
        return []
    # Compared as integer codes: comparing the columns' objects row by row costs a hundred times more.
    codes = np.column_stack([pd.factorize(keys[column])[0] for column in keys.columns])
    changed = (codes[1:] != codes[:-1]).any(axis=1)
    starts = [0, *(np.flatnonzero(changed) + 1)]
    return list(zip(starts, [*starts[1:], len(keys)], strict=True))


def _neighbours(con: duckdb.DuckDBPyConnection, traits: pd.DataFrame) -> None:
    """Build mart_neighbours, unless it was built from these very traits (loads never change them).

    The table's comment holds a fingerprint of the traits it was computed from.
    """
    fingerprint = str(int(pd.util.hash_pandas_object(traits, index=False).sum()))
    if con.execute(sql_text("marts/neighbours_source")).fetchall() == [(fingerprint,)]:
        return
    store(con, "neighbours", neighbour_rows=nearest_neighbours(traits, k=NEIGHBOURS))
    con.execute(f"COMMENT ON TABLE mart_neighbours IS '{fingerprint}'")  # digits only
