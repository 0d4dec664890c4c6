"""Distinct volunteers, organizations and pairs of organizations per area and month, at every level.

A distinct count per (area, period), and the count of those active again after the previous period,
need each (entity, area) pair's months of activity in order. Grouping or windowing 10 million hour
records by (volunteer, area) once per level costs DuckDB about a second each; instead each record
becomes one 64-bit integer, entity | area | month, and NumPy's vectorised sort puts every pair's months
together in order in about 0.1 s. Comparing each key with the one before it gives its gap: how many
months after the pair's previous record it lies (0 for a repeat in the same month). The keys are
counted per (area, month, gap), and ``distinct_flags.sql`` turns those few counts into distinct and
returning entities per month, quarter and year.

Organizations and pairs are numbered exactly. A volunteer is the top bits of a 64-bit hash of its
``volunteer_key`` (itself a pseudonym): two volunteers share a 64-bit hash with probability below
1e-7 at a million volunteers, and when two share the top bits they are numbered exactly instead.
"""

from __future__ import annotations

import duckdb
import numpy as np
import pandas as pd

from civhub.db import sql_text

COUNTS_RELATION = "entity_month_counts"  # what distinct_counts.sql reads
GAPS_RELATION = "gap_counts"  # what distinct_flags.sql reads
# The gap of a key with no earlier key of its pair, or whose previous one is this many months back or more:
# 24 months reach back past the start of the previous year from any month of a year.
NO_PREVIOUS = 24
# entity -> (query of its keys, parameters)
ENTITIES = {
    "volunteers": ("marts/keys_volunteers", {}),
    "organizations": ("marts/keys_organizations", {}),
    "pairs": ("marts/keys_pairs", {"bridging_only": False}),
    "bridging_pairs": ("marts/keys_pairs", {"bridging_only": True}),
}
LEVELS = (("municipality", "municipality_index"), ("region", "region_index"), ("national", None))

_U64 = np.uint64


def count_distinct(con: duckdb.DuckDBPyConnection) -> None:
    """Register ``entity_month_counts``: the counts of distinct_flags.sql per entity, level, area index and month."""
    gaps = [_entity_gaps(con, entity, query, params) for entity, (query, params) in ENTITIES.items()]
    con.register(GAPS_RELATION, pd.concat(gaps, ignore_index=True))
    try:
        counts = con.execute(sql_text("marts/distinct_flags"), {"no_previous": NO_PREVIOUS}).df()
    finally:
        con.unregister(GAPS_RELATION)
    con.register(COUNTS_RELATION, counts)


def _entity_gaps(con: duckdb.DuckDBPyConnection, entity: str, query: str, params: dict) -> pd.DataFrame:
    records = con.sql(sql_text(query), params=params or None).to_arrow_table()
    if not records.num_rows:
        return _empty_gaps()
    month = _column(records, "month")
    month_bits = max(1, int(month.max()).bit_length())
    areas = max(int(_column(records, c).max()) for c in ("municipality_index", "region_index"))
    area_bits = max(1, areas.bit_length())
    packed = _entity_bits(_column(records, "entity"), 64 - month_bits - area_bits) << _U64(area_bits + month_bits)
    frames = []
    for level, column in LEVELS:
        area = _column(records, column) << _U64(month_bits) if column else _U64(0)
        frames.append(_gaps(packed | area | month, month_bits, area_bits).assign(level=level))
    return pd.concat(frames, ignore_index=True).assign(entity=entity)


def _column(records, name: str) -> np.ndarray:
    return records.column(name).to_numpy().astype(_U64)


def _entity_bits(entity: np.ndarray, bits: int) -> np.ndarray:
    """The entities as ``bits``-bit numbers: as they are when small enough, else their top bits, else numbered."""
    if int(entity.max()) >> bits == 0:
        return entity
    shift = _U64(64 - bits)
    ordered = np.sort(entity)
    # In sorted order, the top bits change at most where the whole value does; as often only if none collide.
    distinct = np.count_nonzero(ordered[1:] != ordered[:-1])
    if np.count_nonzero((ordered[1:] >> shift) != (ordered[:-1] >> shift)) == distinct:
        return entity >> shift
    codes, _ = pd.factorize(entity)
    return codes.astype(_U64)


def _gaps(keys: np.ndarray, month_bits: int, area_bits: int) -> pd.DataFrame:
    """Per (area, month): how many keys lie how many months after their pair's previous key (``gap``)."""
    keys.sort()
    same_pair = np.zeros(len(keys), dtype=bool)
    # Consecutive keys of one (entity, area) pair differ in the month bits only (or not at all: a repeat).
    np.less(keys[1:] ^ keys[:-1], _U64(1 << month_bits), out=same_pair[1:])
    month = (keys & _U64((1 << month_bits) - 1)).astype(np.int32)
    gap = np.full(len(keys), NO_PREVIOUS, dtype=np.int32)
    gap[1:] = np.minimum(month[1:] - month[:-1], NO_PREVIOUS)
    gap[~same_pair] = NO_PREVIOUS
    cells = (keys & _U64((1 << (area_bits + month_bits)) - 1)).astype(np.int64)
    counts = np.bincount(cells * (NO_PREVIOUS + 1) + gap, minlength=(NO_PREVIOUS + 1) << (area_bits + month_bits))
    found = np.flatnonzero(counts)
    cell, gaps = np.divmod(found, NO_PREVIOUS + 1)
    return pd.DataFrame({
        "area_index": cell >> month_bits, "month": cell & ((1 << month_bits) - 1), "gap": gaps, "n": counts[found],
    })


def _empty_gaps() -> pd.DataFrame:
    columns = {name: pd.Series(dtype="int64") for name in ("area_index", "month", "gap", "n")}
    return pd.DataFrame(columns).assign(level=pd.Series(dtype="str"), entity=pd.Series(dtype="str"))
