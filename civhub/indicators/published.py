"""What of the indicator table may be published, and the peer comparison built from what is.

Which rows are withheld is decided once per rebuild of the marts, over every level and period at
once (``withheld_flags``, stored in ``mart_withheld``): a row built from 1 to 4 distinct volunteers
is withheld, and then more rows, until no withheld row can be recomputed from a total and the rows
beside it (``civhub.privacy.withhold_rows``). The totals are those the published figures obey:
the municipalities of a region add up to the region and the regions to the nation, in every period;
the months and the quarters of a year add up to the year, and the months of a quarter to the quarter,
for every area. A withheld row shows "<5" in every volunteer-based cell (the volunteer count too).
Retention is built from the volunteers of two periods and is withheld also when the previous period
had 1 to 4. Every read path passes its rows through ``publish``, which writes those marks.

Peer medians and ranks are computed from the published cells only, so that they reveal nothing
of a withheld one.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from civhub.indicators.registry import INDICATORS
from civhub.privacy import MIN_VOLUNTEERS, SUPPRESSED, mark, mark_columns, withhold_rows

RETENTION = "volunteer_retention"
FLAGS = ["withheld", "retention_withheld"]
_CELL = ["level", "area_code", "period_type", "period_start"]
_LEVELS = {"municipality": 0, "region": 1, "national": 2}
_PERIOD_TYPES = {"month": 0, "quarter": 1, "year": 2}
NATIONAL = "GR"


def protected_columns() -> list[str]:
    """The cells a withheld row hides: the volunteer count and every volunteer-based column but retention."""
    return ["volunteers", *(c for i in INDICATORS if i.volunteer_based for c in i.columns if c != RETENTION)]


def publish(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` (rows of ``indicators_table.sql``, with their flags) fit to publish, without the flags."""
    out = frame.drop(columns=FLAGS)
    withheld = frame["withheld"].to_numpy(dtype=bool)
    protected = protected_columns()
    out[protected] = mark_columns(frame[protected], withheld)
    out[RETENTION] = mark(frame[RETENTION], withheld | frame["retention_withheld"].to_numpy(dtype=bool))
    return out


def withheld_flags(rows: pd.DataFrame) -> pd.DataFrame:
    """For every row of ``mart_indicators`` (all levels and periods; the columns of ``_CELL``, region_code,
    volunteers and volunteers_prev): whether it is withheld, and whether its retention is."""
    rows = rows.reset_index(drop=True)
    volunteers = pd.to_numeric(rows["volunteers"]).to_numpy(dtype=float, na_value=np.nan)
    previous = pd.to_numeric(rows["volunteers_prev"]).to_numpy(dtype=float, na_value=np.nan)
    withheld = withhold_rows(volunteers, _equations(rows))
    return rows[_CELL].assign(withheld=withheld, retention_withheld=(previous > 0) & (previous < MIN_VOLUNTEERS))


def _equations(rows: pd.DataFrame) -> list[tuple[np.ndarray, int]]:
    """Every (parts, total) of the rows: areas within their region and nation, periods within their year
    and quarter (see the module docstring); parts in row order.

    Each row's cell (level, area, period type, period start) is one integer, and so is the cell of the
    total each row adds up to; rows are grouped by that total's cell, which is then looked up among the
    rows' own: tens of thousands of small groups cost what a few sorts do.
    """
    area, areas = pd.factorize(rows["area_code"])
    areas = pd.Index(areas)
    region = areas.get_indexer(rows["region_code"].fillna(""))
    level = rows["level"].map(_LEVELS).to_numpy(dtype=np.int64)
    kind = rows["period_type"].map(_PERIOD_TYPES).to_numpy(dtype=np.int64)
    month = pd.to_datetime(rows["period_start"]).to_numpy().astype("datetime64[M]")
    year_start = month.astype("datetime64[Y]").astype("datetime64[M]")
    quarter_start = month - (month.astype(np.int64) % 3)

    def cell(level, area, kind, month) -> np.ndarray:
        return ((np.asarray(level) * (len(areas) + 1) + area) * 3 + kind) * (1 << 24) + month.astype(np.int64)

    own = pd.Index(cell(level, area, kind, month))
    nation = np.full(len(rows), areas.get_indexer([NATIONAL])[0])
    equations = []
    for parts, total in (
        (kind == _PERIOD_TYPES["month"], cell(level, area, _PERIOD_TYPES["year"], year_start)),
        (kind == _PERIOD_TYPES["quarter"], cell(level, area, _PERIOD_TYPES["year"], year_start)),
        (kind == _PERIOD_TYPES["month"], cell(level, area, _PERIOD_TYPES["quarter"], quarter_start)),
        (level == _LEVELS["municipality"], cell(_LEVELS["region"], region, kind, month)),
        (level == _LEVELS["region"], cell(_LEVELS["national"], nation, kind, month)),
    ):
        members = np.flatnonzero(parts)
        if not len(members):
            continue
        members = members[np.argsort(total[members], kind="stable")]
        keys = total[members]
        first = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]])
        totals = own.get_indexer(keys[first])
        equations += list(zip(np.split(members, first[1:]), totals.tolist(), strict=True))
    return equations


def peer_stats(published: pd.DataFrame, peer_groups: pd.Series) -> pd.DataFrame:
    """For each row: every indicator's median over the row's peer group in its period, the rank in it, and
    how many of the group were ranked (``_peer_count``: a rank says little without it).

    Rank 1 is the best value (the highest, or the lowest where lower is better; the highest where
    neither is). Withheld and empty cells take no part, get no rank and are not counted.
    """
    stats = published[["area_code", "period_type", "period_start"]].reset_index(drop=True)
    keys = stats.assign(peer_group=stats["area_code"].map(peer_groups))
    groups = keys.groupby(["period_type", "period_start", "peer_group"], dropna=False, sort=False).ngroup()
    values = pd.DataFrame({i.key: _numbers(published[i.column]) for i in INDICATORS})
    # Ranking the negated values ranks the highest first; lower-is-better values are ranked as they are.
    signs = pd.Series({i.key: 1.0 if i.higher_is_better is False else -1.0 for i in INDICATORS})
    medians = values.groupby(groups).transform("median")
    counts = values.groupby(groups).transform("count")
    codes = groups.to_numpy()
    ranks = pd.DataFrame({key: _min_ranks(values[key].to_numpy() * signs[key], codes) for key in values.columns})
    columns = {}
    for indicator in INDICATORS:
        columns[f"{indicator.key}_peer_median"] = medians[indicator.key]
        columns[f"{indicator.key}_peer_rank"] = ranks[indicator.key]
        columns[f"{indicator.key}_peer_count"] = counts[indicator.key].astype("int64")
    return pd.concat([stats, pd.DataFrame(columns)], axis=1)


def _min_ranks(values: np.ndarray, groups: np.ndarray) -> pd.Series:
    """Each value's rank within its group, lowest first, ties given the lowest rank of the tie; NaN unranked.

    The same as pandas' ``groupby(groups).rank(method="min")``, in one sort (pandas' costs ten times more).
    """
    order = np.lexsort((values, groups))  # by group, then value; NaN last in its group
    value, group = values[order], groups[order]
    position = np.arange(len(order))
    group_start = np.r_[True, group[1:] != group[:-1]]
    tie_start = group_start | np.r_[True, value[1:] != value[:-1]]
    first_of_group = np.maximum.accumulate(np.where(group_start, position, 0))
    first_of_tie = np.maximum.accumulate(np.where(tie_start, position, 0))
    ranks = np.empty(len(order), dtype=np.int64)
    ranks[order] = first_of_tie - first_of_group + 1
    return pd.Series(ranks, dtype="Int64").mask(np.isnan(values))


def _numbers(cells: pd.Series) -> np.ndarray:
    """The published numbers of a column; withheld and empty cells are NaN."""
    values = cells.to_numpy(dtype=object, na_value=np.nan, copy=True)
    values[values == SUPPRESSED] = np.nan
    return values.astype(float)


def peer_columns() -> list[str]:
    return [f"{i.key}_peer_{what}" for i in INDICATORS for what in ("median", "rank", "count")]
