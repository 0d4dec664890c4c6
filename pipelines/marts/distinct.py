"""Distinct volunteers, organizations and pairs of organizations per area and month, at every level.

A distinct count per (area, period), and the count of those active again after the previous period,
need each (entity, area) pair's months of activity in order. Grouping or windowing 10 million hour
records by (volunteer, area) once per level costs DuckDB about a second each; instead each record
becomes one 64-bit integer, entity | area | month, and NumPy's vectorised sort puts every pair's months
together in order in about 0.1 s. Comparing each key with the one before it gives its gap: how many
months after the pair's previous record it lies (0 for a repeat in the same month). The keys are
counted per (area, month, gap), and ``distinct_flags.sql`` turns those few counts into distinct and
returning entities per month, quarter and year.

Organizations and pairs are numbered exactly. A volunteer is the top bits of its ``volunteer_no``, its
pseudonym (``pipelines.pseudonym``); when two volunteers share the top bits they are numbered exactly
instead.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import duckdb
import numpy as np
import pandas as pd

from civhub.db import sql_text

COUNTS_RELATION = "entity_month_counts"  # what distinct_counts.sql reads
GAPS_RELATION = "gap_counts"  # what distinct_flags.sql reads
# The gap of a key with no earlier key of its pair, or whose previous one is this many months back or more:
# 24 months reach back past the start of the previous year from any month of a year.
NO_PREVIOUS = 24
# entity -> (query of its keys, parameters); the volunteers' keys come from pipelines/marts/records.py and the
# organizations' from pipelines/marts/organizations.py.
ENTITIES = {
    "pairs": ("marts/keys_pairs", {"bridging_only": False}),
    "bridging_pairs": ("marts/keys_pairs", {"bridging_only": True}),
}
LEVELS = (("municipality", "municipality_index"), ("region", "region_index"), ("national", None))

_U64 = np.uint64
_SLICE = 1 << 20  # keys worked through at a time in _gap_after_previous and _add_bits


class Counting:
    """Distinct counting begun: the volunteers' keys are sorted and counted in a thread of their own while
    the caller builds other marts on the connection (DuckDB's queries and NumPy's sorting and arithmetic
    release the interpreter lock, so the two run side by side)."""

    def __init__(self, volunteers: dict[str, np.ndarray]) -> None:
        """Begin with the volunteers' keys (pipelines/marts/records.py), which the thread frees as it goes."""
        # Handed over in a box that the thread empties, so that the keys can be freed once used.
        box = [volunteers]
        self._pool = ThreadPoolExecutor(max_workers=1)
        self._volunteers = self._pool.submit(lambda: _entity_gaps(box.pop(), "volunteers"))

    def finish(self, con: duckdb.DuckDBPyConnection, organizations: dict[str, np.ndarray]) -> None:
        """Register ``entity_month_counts``: distinct_flags.sql's counts per entity, level, area index and month.

        ``organizations``: the organizations' keys (pipelines/marts/organizations.py), freed as they are used.
        """
        try:
            # The other entities are few: counted here while the thread may still be sorting the volunteers.
            gaps = [_entity_gaps(organizations, "organizations")]
            gaps += [_entity_gaps(_records(con, entity), entity) for entity in ENTITIES]
            gaps.append(self._volunteers.result())
        finally:
            self.close()
        con.register(GAPS_RELATION, pd.concat(gaps, ignore_index=True))
        try:
            counts = con.execute(sql_text("marts/distinct_flags"), {"no_previous": NO_PREVIOUS}).df()
        finally:
            con.unregister(GAPS_RELATION)
        con.register(COUNTS_RELATION, counts)

    def close(self) -> None:
        """Wait for the thread (when the caller gives up before ``finish``, its work is dropped)."""
        self._pool.shutdown(cancel_futures=True)


def _records(con: duckdb.DuckDBPyConnection, entity: str) -> dict[str, np.ndarray]:
    query, params = ENTITIES[entity]
    table = con.sql(sql_text(query), params=params or None).to_arrow_table()
    return {name: table.column(name).to_numpy() for name in ("entity", "municipality_index", "region_index", "month")}


def _entity_gaps(records: dict[str, np.ndarray], entity: str) -> pd.DataFrame:
    """The gap counts of one entity's keys: arrays of entity, municipality_index, region_index and month,
    taken out of ``records`` (so that each is freed once used)."""
    if not len(records["entity"]):
        return _empty_gaps()
    # Arrays of 8 bytes a record are made one at a time and dropped as soon as they are used: at 10
    # million records each is 80 MB, and this runs beside DuckDB within the writer's memory.
    areas = {column: records.pop(column) for column in ("municipality_index", "region_index")}
    month = records.pop("month")
    entities = _writable(records.pop("entity"))
    month_bits = max(1, int(month.max()).bit_length())
    area_bits = max(1, max(int(area.max()) for area in areas.values()).bit_length())
    packed = _entity_bits(entities, 64 - month_bits - area_bits)
    del entities
    packed <<= _U64(area_bits + month_bits)
    _add_bits(packed, month, 0)
    del month
    frames = []
    for number, (level, column) in enumerate(LEVELS):
        # The last level sorts the packed keys themselves: nothing needs them afterwards.
        keys = packed if number == len(LEVELS) - 1 else packed.copy()
        if column:
            _add_bits(keys, areas.pop(column), month_bits)
        frames.append(_gaps(keys, month_bits, area_bits).assign(level=level))
    return pd.concat(frames, ignore_index=True).assign(entity=entity)


def _add_bits(keys: np.ndarray, values: np.ndarray, shift: int) -> None:
    """Set ``values << shift`` in each key, in slices (so that the values' 64-bit copy stays small)."""
    for start in range(0, len(keys), _SLICE):
        part = values[start:start + _SLICE].astype(_U64)
        part <<= _U64(shift)
        keys[start:start + _SLICE] |= part


def _writable(array: np.ndarray) -> np.ndarray:
    return array if array.flags.writeable else array.copy()


def _entity_bits(entity: np.ndarray, bits: int) -> np.ndarray:
    """The entities as ``bits``-bit numbers: as they are when small enough, else their top bits, else
    numbered. The first two are worked out in ``entity`` itself, which is returned."""
    if int(entity.max()) >> bits == 0:
        return entity.astype(_U64, copy=False)
    shift = _U64(64 - bits)
    ordered = np.sort(entity)
    # In sorted order, the top bits change at most where the whole value does; as often only if none collide.
    distinct = np.count_nonzero(ordered[1:] != ordered[:-1])
    ordered >>= shift
    collide = np.count_nonzero(ordered[1:] != ordered[:-1]) != distinct
    del ordered
    if not collide:
        entity >>= shift
        return entity
    codes, _ = pd.factorize(entity)
    return codes.astype(_U64)


def _gaps(keys: np.ndarray, month_bits: int, area_bits: int) -> pd.DataFrame:
    """Per (area, month): how many keys lie how many months after their pair's previous key (``gap``).

    ``keys`` is sorted and then reused in place.
    """
    keys.sort()
    gap = _gap_after_previous(keys, month_bits)
    # From here on keys holds each record's cell (area | month), then its index among (cell, gap) counters.
    keys &= _U64((1 << (area_bits + month_bits)) - 1)
    keys *= _U64(NO_PREVIOUS + 1)
    keys[0] += _U64(NO_PREVIOUS)  # the first key has no previous one
    keys[1:] += gap
    del gap
    counts = np.bincount(keys.view(np.int64), minlength=(NO_PREVIOUS + 1) << (area_bits + month_bits))
    found = np.flatnonzero(counts)
    cell, gaps = np.divmod(found, NO_PREVIOUS + 1)
    return pd.DataFrame({
        "area_index": cell >> month_bits, "month": cell & ((1 << month_bits) - 1), "gap": gaps, "n": counts[found],
    })


def _gap_after_previous(keys: np.ndarray, month_bits: int) -> np.ndarray:
    """For each sorted key but the first, how many months after the previous key of its pair it lies
    (``NO_PREVIOUS`` when that key is of another pair or that far back).

    Consecutive keys of one (entity, area) pair differ in the month bits only (or not at all: a repeat);
    then their difference is the number of months between them. Worked through in slices, so that the
    temporary arrays stay small beside the keys.
    """
    gap = np.empty(max(len(keys) - 1, 0), dtype=np.uint8)
    other_pair_from = _U64(1 << month_bits)
    for start in range(0, len(gap), _SLICE):
        stop = min(start + _SLICE, len(gap))
        before, after = keys[start:stop], keys[start + 1:stop + 1]
        months = after - before
        np.minimum(months, _U64(NO_PREVIOUS), out=months)
        months[(after ^ before) >= other_pair_from] = NO_PREVIOUS
        gap[start:start + len(months)] = months
    return gap


def _empty_gaps() -> pd.DataFrame:
    columns = {name: pd.Series(dtype="int64") for name in ("area_index", "month", "gap", "n")}
    return pd.DataFrame(columns).assign(level=pd.Series(dtype="str"), entity=pd.Series(dtype="str"))
