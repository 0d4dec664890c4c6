"""Trend lines and bar charts of the dashboard (plotly figures), and the cell formats they share.

Published cells hold a number, None (no figure) or ``civhub.privacy.SUPPRESSED`` ("<5"); a chart
draws the numbers only, so a withheld cell is a gap in a line, never a zero.
"""

from __future__ import annotations

import html
import math

import numpy as np
import pandas as pd
import plotly.express as px
import plotly.graph_objects as go

from civhub import i18n
from civhub.privacy import SUPPRESSED

NO_FIGURE = "–"


def separators(lang: str) -> str:
    """Plotly's decimal and thousands marks for ``lang`` (1.234,5 in Greek)."""
    return ",." if lang == "el" else ".,"


def numbers(cells: pd.Series) -> np.ndarray:
    """The numbers of published cells as floats; withheld and empty cells are NaN."""
    return pd.to_numeric(pd.Series(cells, dtype=object).replace(SUPPRESSED, None), errors="coerce").to_numpy(
        dtype=float, na_value=np.nan
    )


def drawable(cells: pd.Series) -> bool:
    """Whether a chart of these published cells would draw anything: at least one is a number."""
    return bool((~np.isnan(numbers(cells))).any())


def clicked_code(selection: object) -> str | None:
    """The code a click on a chart names: the first custom datum of the first selected point that has one.

    ``selection`` is the ``selection`` of a Streamlit plotly chart's state (a dict with ``points``); the
    charts that open a municipality on a click (the explorer's scatter, the map) carry its code there.
    None when nothing is selected.
    """
    points = (selection or {}).get("points") or []
    for point in points:
        data = point.get("customdata")
        if data:
            return str(data[0])
    return None


def cell_text(cell: object, lang: str) -> str:
    """A published cell as text in ``lang``: "<5" as it is, "–" for no figure, numbers to a sensible precision."""
    if isinstance(cell, str):
        return cell
    if cell is None or pd.isna(cell):
        return NO_FIGURE
    value = float(cell)
    return i18n.fmt_dec(value, lang, _digits(value))


def _digits(value: float) -> int:
    """Decimals that keep about three significant digits, none for large amounts."""
    size = abs(value)
    if size == 0 or size >= 1000 or value.is_integer():
        return 0
    if size >= 100:
        return 1
    if size >= 1:
        return 2
    return min(6, 2 - math.floor(math.log10(size)))


def trend(series: pd.DataFrame, title: str, lang: str) -> go.Figure:
    """Lines of ``value`` over ``period`` (labels in time order), one per ``series`` name."""
    frame = series.assign(
        value=numbers(series["value"]),
        series=series["series"].map(lambda name: html.escape(str(name))),
    )
    fig = px.line(frame, x="period", y="value", color="series", markers=True, labels={"value": title})
    fig.update_layout(
        separators=separators(lang), xaxis_title=None, yaxis_title=title, legend_title_text="",
        margin={"l": 0, "r": 0, "t": 10, "b": 0}, height=380, hovermode="x unified",
    )
    fig.update_xaxes(type="category")
    return fig


def bars(frame: pd.DataFrame, label: str, value: str, title: str, lang: str) -> go.Figure:
    """Horizontal bars of ``value`` by ``label``, largest on top."""
    ordered = frame.assign(**{label: frame[label].map(lambda name: html.escape(str(name)))})
    ordered = ordered.sort_values(value, ascending=True)
    fig = px.bar(ordered, x=value, y=label, orientation="h", labels={value: title, label: ""})
    fig.update_layout(
        separators=separators(lang), margin={"l": 0, "r": 0, "t": 10, "b": 0},
        height=max(160, 60 + 32 * len(ordered)),
    )
    return fig
