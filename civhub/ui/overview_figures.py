"""The Overview page's map and trend figures, built once per choice and kept for every session.

A change of the map's indicator reruns the whole page, and building its two figures cost more than the
rest of the run: each figure is kept per choice and per database version, so a choice made before, by
anyone, is drawn again without being built again. The rows a figure is drawn from are the page's cached
reads of the same choice, so the choice and the version name them: they are passed along (underscored,
so Streamlit does not hash them) and are not part of the key.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from civhub import charts, maps
from civhub.indicators.registry import indicator
from civhub.ui import connection

# A kept map shares its outlines with the boundaries, so it weighs little more than its values and hover texts.
KEPT_FIGURES = 48


def overview_map(table: pd.DataFrame, areas: pd.DataFrame | None, key: str, level: str, period_type: str,
                 period_start: dt.date, lang: str, version: connection.Signature | None) -> go.Figure | None:
    """The map of ``key`` over ``table`` (``ranking.period_table`` of the other arguments; ``areas`` at the
    municipality level), or None when no area has a value to colour it by.

    ``version`` is ``connection.version()`` taken before ``table`` was read: should a load land in between,
    the figure is kept under the older version, and the next run, seeing the newer one, builds it again.
    """
    return _overview_map(table, areas, key, level, period_type, period_start, lang, version)


@st.cache_resource(show_spinner=False, max_entries=KEPT_FIGURES)
def _overview_map(_table: pd.DataFrame, _areas: pd.DataFrame | None, key: str, level: str, period_type: str,
                  period_start: dt.date, lang: str, version: connection.Signature | None) -> go.Figure | None:
    if _areas is None:
        polygons = maps.region_polygons(_table, key, lang)
    else:
        polygons = maps.municipality_polygons(_table, _areas, key, lang)
    if polygons["value"].isna().all():
        return None
    return maps.choropleth(polygons, maps.boundaries(level), lang)


def trend(lines: pd.DataFrame, key: str, period_type: str, region: str | None, lang: str,
          version: connection.Signature | None) -> go.Figure:
    """The trend chart of ``lines`` (``ranking.trend_lines`` of ``key``'s trend table and ``region``);
    ``version`` as for ``overview_map``."""
    return _trend(lines, key, period_type, region, lang, version)


@st.cache_resource(show_spinner=False, max_entries=KEPT_FIGURES)
def _trend(_lines: pd.DataFrame, key: str, period_type: str, region: str | None, lang: str,
           version: connection.Signature | None) -> go.Figure:
    return charts.trend(_lines, indicator(key).label(lang), lang)
