"""The explorer: two indicators of the municipalities side by side, in one period, for a region or peer group.

Values come from the published indicator table (``civhub.indicators.table``), so a withheld cell
stays "<5" in the table and is left out of the charts.
"""

from __future__ import annotations

import datetime as dt
import html
import re

import duckdb
import numpy as np
import pandas as pd
import plotly.express as px
import plotly.graph_objects as go

from civhub import db, i18n
from civhub.indicators.registry import BY_KEY, UNITS, indicator
from civhub.indicators.table import indicator_table
from civhub.peers import PEER_GROUP_LABELS, PEER_GROUPS
from civhub.text import fold

ALL = "all"
COLOURS = ("peer_group", "region")
SCALES = ("linear", "log")
DIGITS = 2
# The frame columns the charts and the table are built from.
FRAME_COLUMNS = ["area_code", "name", "region", "peer_group", "population"]
_WORD = re.compile(r"[^\W_]+(?:[.,][0-9]+)*")  # a word, or a number written with its separators


def periods(con: duckdb.DuckDBPyConnection, period_type: str) -> dict[str, str]:
    """The periods of ``period_type`` with municipality indicators, latest first: ISO start -> label."""
    frame = db.query_df(con, "explore_periods", period_type=period_type)
    starts = [pd.Timestamp(start).date().isoformat() for start in frame["period_start"]]
    return dict(zip(starts, frame["period"], strict=True))


def group_choices(con: duckdb.DuckDBPyConnection, language: str) -> dict[str, str]:
    """What the selection can be narrowed to: everything, a peer group, or a region (NUTS-2 code), named in
    ``language``."""
    lang = language
    regions = db.query_df(con, "explore_regions")
    choices = {ALL: i18n.t("explore.all_municipalities", lang)}
    choices.update({key: PEER_GROUP_LABELS[key][lang] for key in PEER_GROUPS})
    names = regions["region_en" if lang == "en" else "region_el"]
    choices.update(dict(zip(regions["region_code"], names, strict=True)))
    return choices


def selection(
    con: duckdb.DuckDBPyConnection,
    *,
    period_type: str,
    period_start: dt.date,
    group: str = ALL,
    language: str = "el",
) -> pd.DataFrame:
    """One row per municipality of ``group`` in one period: names (in ``language``), region, peer group,
    population and every published indicator column ("<5" where withheld)."""
    lang = language
    table = indicator_table(con, "municipality", period_type, period_start=period_start, lang=lang)
    areas = db.query_df(con, "explore_areas")
    frame = table.merge(areas, on="area_code", how="left")
    if group != ALL:
        frame = frame[(frame["peer_group"] == group) | (frame["region_code"] == group)]
    frame = frame.assign(
        name=frame["area_name"],
        region=frame["region_en" if lang == "en" else "region_el"],
        peer_group=frame["peer_group"].map(lambda key: PEER_GROUP_LABELS.get(key, {}).get(lang, key)),
    )
    return frame.reset_index(drop=True)


def plotted(frame: pd.DataFrame, *keys: str) -> pd.DataFrame:
    """The rows where every one of ``keys`` is a published number, with those columns as floats."""
    numbers = frame.assign(**{key: pd.to_numeric(frame[key], errors="coerce") for key in keys})
    return numbers.dropna(subset=list(keys)).reset_index(drop=True)


def on_scale(frame: pd.DataFrame, x: str, y: str, scale: str) -> pd.DataFrame:
    """The rows ``scatter`` draws: both values published, and both above 0 on a logarithmic scale."""
    points = plotted(frame, x, y)
    if scale == "log":
        points = points[(points[x] > 0) & (points[y] > 0)].reset_index(drop=True)
    return points


def scatter(frame: pd.DataFrame, x: str, y: str, colour: str, lang: str, scale: str = "linear") -> go.Figure:
    """Municipalities by two indicators: size = population, colour = region or peer group, name on hover.

    ``scale="log"`` draws both axes logarithmic, where a few municipalities far above the rest no longer
    squeeze the others into a corner."""
    points = on_scale(frame, x, y, scale).assign(hover=lambda f: f["name"].map(_as_text))
    labels = {
        x: _axis(x, lang),
        y: _axis(y, lang),
        "population": i18n.t("explore.population", lang),
        colour: i18n.t(f"explore.colour_{colour}", lang),
    }
    fig = px.scatter(
        points, x=x, y=y, size="population", color=colour, hover_name="hover", custom_data=["area_code"],
        hover_data={"population": True, colour: False}, labels=labels, size_max=40,
        category_orders={colour: sorted(points[colour].dropna().unique())}, log_x=scale == "log",
        log_y=scale == "log",
    )
    return _localized(fig, lang).update_layout(legend={"orientation": "h", "y": -0.2})


def distributions(frame: pd.DataFrame, key: str, lang: str) -> go.Figure:
    """The spread of one indicator in each peer group (box plots, every municipality as a point)."""
    points = plotted(frame, key).assign(hover=lambda f: f["name"].map(_as_text))
    order = [PEER_GROUP_LABELS[group][lang] for group in PEER_GROUPS]
    fig = px.box(
        points, x="peer_group", y=key, points="all", hover_name="hover", category_orders={"peer_group": order},
        labels={key: _axis(key, lang), "peer_group": i18n.t("explore.colour_peer_group", lang)},
    )
    return _localized(fig, lang)


def table(frame: pd.DataFrame, keys: list[str], lang: str) -> pd.DataFrame:
    """The selection as shown and exported: names, groups, population and the columns of ``keys``."""
    columns = list(dict.fromkeys(c for key in keys for c in indicator(key).columns))
    shown = frame[[*FRAME_COLUMNS, *columns]].sort_values("area_code")
    # Written out as the language writes numbers; a withheld "<5" and an empty cell stay as they are.
    shown = shown.assign(
        population=shown["population"].map(lambda n: i18n.fmt_int(n, lang)),
        **{column: shown[column].map(lambda cell: _cell(cell, lang)) for column in columns},
    )
    headers = {column: i18n.t(f"explore.column_{column}", lang) for column in FRAME_COLUMNS}
    headers.update({column: _column_label(column, lang) for column in columns})
    return shown.rename(columns=headers).reset_index(drop=True)


def _cell(cell: object, lang: str) -> str:
    if cell is None or (isinstance(cell, float) and np.isnan(cell)):
        return ""
    return cell if isinstance(cell, str) else i18n.fmt_dec(cell, lang, DIGITS)


def _as_text(name: str) -> str:
    # Plotly reads a few HTML tags in hover text; escaped, a name is shown exactly as written.
    return html.escape(name)


def _axis(key: str, lang: str) -> str:
    entry = indicator(key)
    label, unit = entry.label(lang), UNITS[entry.unit][lang]
    return label if _names_its_unit(label, unit) else f"{label} — {unit}"


def _names_its_unit(label: str, unit: str) -> bool:
    """Whether ``label`` already says ``unit`` ("Hours per volunteer", "Value per resident (€)"): each word of
    the unit is a word of the label, give or take an ending (a plural, a Greek case), "euro" being the "€"."""
    words = _WORD.findall(fold(label).replace("€", " euro ευρω "))
    return all(
        any(word[:stem] == other[:stem] and abs(len(word) - len(other)) <= 2 for other in words)
        for word in _WORD.findall(fold(unit))
        for stem in [max(3, len(word) - 2)]
    )


def _column_label(column: str, lang: str) -> str:
    if column in BY_KEY:
        return BY_KEY[column].label(lang)
    owner = next(entry for entry in BY_KEY.values() if column in entry.columns)
    bound = "low" if column == owner.low_column else "high"
    return f"{owner.label(lang)} ({i18n.t(f'explore.bound_{bound}', lang)})"


def _localized(fig: go.Figure, lang: str) -> go.Figure:
    # Plotly writes numbers with these decimal and thousands marks.
    return fig.update_layout(separators=",." if lang == "el" else ".,", margin={"t": 30})
