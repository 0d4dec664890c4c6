"""What the overview shows beside the map: the ranking of the areas, the nation's change from the previous
period, and the national and regional trend of an indicator.

Cells come from ``civhub.indicators.table`` (suppression applied); a withheld cell ranks nowhere and
has no change.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import duckdb
import numpy as np
import pandas as pd

from civhub import i18n
from civhub.charts import cell_text, numbers
from civhub.indicators.registry import indicator
from civhub.indicators.table import indicator_table, published_rows
from civhub.peers import PEER_GROUP_LABELS

# The national figures shown with their change: (column of the published rows, catalogue key).
NATIONAL_FIGURES = (
    ("volunteers", "overview.period_volunteers"),
    ("volunteer_value_eur", "overview.period_value"),
    ("services_value_eur", "overview.period_services"),
    ("beneficiaries_per_1k", "overview.period_served"),
)


@dataclass(frozen=True)
class Change:
    label: str
    value: str  # the figure in the period, as text
    delta: str | None  # the signed change from the previous period, None when either is not published


def national_changes(con: duckdb.DuckDBPyConnection, period_type: str, period_start: dt.date,
                     language: str) -> list[Change]:
    """The national figures of one period and their change from the period before; empty without that period."""
    lang = language
    rows = published_rows(con, "national", period_type)
    starts = pd.to_datetime(rows["period_start"]).dt.date
    current = rows[starts == period_start]
    if current.empty:
        return []
    earlier = rows[starts < period_start]
    previous = earlier.iloc[-1] if len(earlier) else None
    changes = []
    for column, key in NATIONAL_FIGURES:
        now = current.iloc[0][column]
        before = None if previous is None else previous[column]
        changes.append(Change(i18n.t(key, lang), cell_text(now, lang), _delta(now, before, lang)))
    return changes


def _delta(now: object, before: object, lang: str) -> str | None:
    values = numbers(pd.Series([now, before], dtype=object))
    if np.isnan(values).any():
        return None
    change = float(values[0] - values[1])
    text = cell_text(change, lang)
    return text if change < 0 else f"+{text}"


def ranking(table: pd.DataFrame, areas: pd.DataFrame | None, key: str, lang: str) -> pd.DataFrame:
    """The areas of ``table`` (rows of one period of the indicator table) ranked by ``key``, best first.

    With ``areas`` (municipalities, from ``civhub.maps.areas``) the rows gain the region, the peer group,
    the peer median, the rank within the peer group and how many of the group were ranked. Numbers stay
    numbers so the table sorts; a withheld or empty cell is empty and ranks last.
    """
    entry = indicator(key)
    values = numbers(table[key])
    # Lower is better only where the registry says so; where neither is, the highest comes first.
    order = values if entry.higher_is_better is False else -values
    ranks = pd.Series(order).rank(method="min", na_option="keep").astype("Int64")
    frame = pd.DataFrame({
        _t("column_rank", lang): ranks.to_numpy(),
        "area_code": table["area_code"].to_numpy(),
        _t("column_name", lang): table["area_name"].to_numpy(),
        _t("column_value", lang): values,
    })
    if areas is not None:
        by_code = areas.set_index("area_code")
        codes = table["area_code"]
        frame.insert(3, _t("column_region", lang),
                     codes.map(by_code["region_en" if lang == "en" else "region_el"]).to_numpy())
        frame.insert(4, _t("column_peer_group", lang),
                     codes.map(by_code["peer_group"]).map(lambda g: _peer_label(g, lang)).to_numpy())
        frame[_t("column_peer_median", lang)] = numbers(table[f"{key}_peer_median"])
        frame[_t("column_peer_rank", lang)] = pd.array(table[f"{key}_peer_rank"], dtype="Int64")
        frame[_t("column_peer_count", lang)] = pd.array(table[f"{key}_peer_count"], dtype="Int64")
    return frame.sort_values([_t("column_rank", lang), "area_code"], na_position="last").reset_index(drop=True)


def _peer_label(group: object, lang: str) -> str | None:
    return None if group is None or pd.isna(group) else PEER_GROUP_LABELS[group][lang]


def period_table(con: duckdb.DuckDBPyConnection, level: str, period_type: str, period_start: dt.date,
                 language: str) -> pd.DataFrame:
    """The published indicator table of one level and period, areas named in ``language``."""
    return indicator_table(con, level, period_type, period_start=period_start, lang=language)


def trend_table(con: duckdb.DuckDBPyConnection, key: str, period_type: str, language: str) -> pd.DataFrame:
    """The national and every region's values of ``key`` over the periods: ``area_code``, ``series``
    (the area's name), ``period`` and ``value`` (published cells), the nation first."""
    frames = []
    for level in ("national", "region"):
        table = indicator_table(con, level, period_type, lang=language)
        frames.append(pd.DataFrame({
            "area_code": table["area_code"], "series": table["area_name"], "period": table["period"],
            "value": table[key],
        }))
    return pd.concat(frames, ignore_index=True)


def trend_lines(trends: pd.DataFrame, region: str | None) -> pd.DataFrame:
    """The lines to draw: the nation, with one region (its code) or every region (None)."""
    keep = trends["area_code"].eq("GR") | (trends["area_code"].eq(region) if region else True)
    return trends[keep].reset_index(drop=True)


def _t(key: str, lang: str) -> str:
    return i18n.t(f"overview.{key}", lang)
