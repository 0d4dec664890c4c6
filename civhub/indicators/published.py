"""What of the indicator table may be published, and the peer comparison built from what is.

Every read path passes its rows through ``publish``, which applies ``civhub.privacy.suppress``:
a volunteer-based cell built from 1 to 4 volunteers shows as "<5". Cells that add up over areas
(sums, and rates per resident, which times the population are sums again) get secondary
suppression too, within each period and region for municipalities (whose sums make the region's)
and within each period for regions (whose sums make the nation's). Ratios of two sums, such as
hours per volunteer, cannot be recomputed by differencing and get primary suppression only.
Retention is built from the volunteers of two periods and is withheld when either is small.

Peer medians and ranks are computed from the published cells only, so that they reveal nothing
of a withheld one.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from civhub.indicators.registry import INDICATORS
from civhub.privacy import SUPPRESSED, suppress

# The rows of each level that add up to a total published elsewhere.
SUM_GROUPS: dict[str, list[str] | None] = {
    "municipality": ["period_type", "period_start", "region_code"],
    "region": ["period_type", "period_start"],
    "national": None,
}
RETENTION = "volunteer_retention"


def summed_columns() -> list[str]:
    """Volunteer-based columns whose values add up over areas."""
    return [c for i in INDICATORS if i.volunteer_based and i.adds_up for c in i.columns]


def ratio_columns() -> list[str]:
    """Volunteer-based columns that are ratios of sums."""
    return [c for i in INDICATORS if i.volunteer_based and not i.adds_up for c in i.columns]


def publish(frame: pd.DataFrame, level: str) -> pd.DataFrame:
    """A copy of ``frame`` (rows of ``mart_indicators`` of one ``level``) fit to publish.

    ``frame`` must hold every row of the groups of ``SUM_GROUPS[level]`` that it holds any row of.
    """
    groups = SUM_GROUPS[level]
    # suppress() copies what it is given: it gets only the columns it reads.
    summed = suppress(frame[["volunteers", *(groups or []), *summed_columns()]], volunteers_column="volunteers",
                      value_columns=summed_columns(), group_column=groups)
    ratios = suppress(frame[["volunteers", *ratio_columns()]], volunteers_column="volunteers",
                      value_columns=ratio_columns())
    previous = suppress(frame[["volunteers_prev", RETENTION]], volunteers_column="volunteers_prev",
                        value_columns=[RETENTION])
    out = frame.copy()
    for column in ["volunteers", *summed_columns()]:
        out[column] = summed[column]
    for column in ratio_columns():
        out[column] = ratios[column]
    out.loc[previous[RETENTION].eq(SUPPRESSED).to_numpy(), RETENTION] = SUPPRESSED
    return out


def peer_stats(published: pd.DataFrame, peer_groups: pd.Series) -> pd.DataFrame:
    """For each row: every indicator's median over the row's peer group in its period, and the rank in it.

    Rank 1 is the best value (the highest, or the lowest where lower is better; the highest where
    neither is). Withheld and empty cells take no part and get no rank.
    """
    stats = published[["area_code", "period_type", "period_start"]].reset_index(drop=True)
    keys = stats.assign(peer_group=stats["area_code"].map(peer_groups))
    groups = keys.groupby(["period_type", "period_start", "peer_group"], dropna=False, sort=False).ngroup()
    values = pd.DataFrame({i.key: _numbers(published[i.column]) for i in INDICATORS})
    # Ranking the negated values ranks the highest first; lower-is-better values are ranked as they are.
    signs = pd.Series({i.key: 1.0 if i.higher_is_better is False else -1.0 for i in INDICATORS})
    medians = values.groupby(groups).transform("median")
    codes = groups.to_numpy()
    ranks = pd.DataFrame({key: _min_ranks(values[key].to_numpy() * signs[key], codes) for key in values.columns})
    columns = {}
    for indicator in INDICATORS:
        columns[f"{indicator.key}_peer_median"] = medians[indicator.key]
        columns[f"{indicator.key}_peer_rank"] = ranks[indicator.key]
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
    return [f"{i.key}_peer_{what}" for i in INDICATORS for what in ("median", "rank")]
