"""The choropleth map of Greece: the shipped boundaries and the figure drawn from them.

Municipalities are drawn on the 2011 (Kallikratis) polygons of ``data/reference/municipalities.geojson``,
joined through ``municipalities.elstat_code_2011``. The 12 municipalities created in 2019 have no
polygon of their own: they share their 2011 parent's, so a polygon may stand for several municipalities.
Such a polygon is coloured by the members' combined value where one can be computed from the published
cells (a sum, or a rate per resident over their combined population) and left uncoloured otherwise; its
hover lists every member with its own value. Regions (NUTS-2) are drawn as the union of their regional
units (``data/reference/regional_units.geojson``).

The figure uses a white background and no map tiles, so it draws with no network at all.
"""

from __future__ import annotations

import html
import json
from functools import cache

import duckdb
import numpy as np
import pandas as pd
import plotly.express as px
import plotly.graph_objects as go

from civhub import config, db
from civhub.charts import cell_text, numbers, separators
from civhub.indicators.registry import PER_RESIDENT_UNITS, indicator
from civhub.privacy import SUPPRESSED

LEVELS = ("municipality", "region")
_FILES = {"municipality": "municipalities.geojson", "region": "regional_units.geojson"}
_CENTRE = {"lat": 38.4, "lon": 24.4}
_NO_VALUE = "#d9d9d9"


@cache
def boundaries(level: str) -> dict:
    """The GeoJSON of ``level``, each feature's ``id`` the key its rows are drawn with.

    Municipalities: the 2011 code (``elstat_code_2011``). Regions: the NUTS-2 code, one MultiPolygon
    gathering the polygons of the region's regional units.
    """
    if level not in LEVELS:
        raise ValueError(f"unknown map level {level!r}; expected one of {LEVELS}")
    with open(config.REFERENCE_DIR / _FILES[level], encoding="utf-8") as handle:
        collection = json.load(handle)
    if level == "municipality":
        features = [{**f, "id": f["properties"]["elstat_code_2011"]} for f in collection["features"]]
        return {"type": "FeatureCollection", "features": features}
    return _regions(collection["features"])


def _regions(units: list[dict]) -> dict:
    parts: dict[str, list] = {}
    for unit in units:
        geometry = unit["geometry"]
        polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
        parts.setdefault(unit["properties"]["region_nuts2_2021"], []).extend(polygons)
    features = [
        {"type": "Feature", "id": code, "properties": {"region_code": code},
         "geometry": {"type": "MultiPolygon", "coordinates": polygons}}
        for code, polygons in sorted(parts.items())
    ]
    return {"type": "FeatureCollection", "features": features}


def indicators_ready(con: duckdb.DuckDBPyConnection) -> bool:
    """Whether the indicator marts exist in this database."""
    return bool(con.execute(db.sql_text("maps_ready")).fetchone()[0])


def areas(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Every municipality with its names, 2011 polygon, region, population and peer group."""
    return db.query_df(con, "maps_areas")


def periods(con: duckdb.DuckDBPyConnection, period_type: str) -> pd.DataFrame:
    """The periods of ``period_type`` with indicators (``period_start`` as a date, ``period`` label), oldest first."""
    frame = db.query_df(con, "maps_periods", period_type=period_type)
    frame["period_start"] = pd.to_datetime(frame["period_start"]).dt.date
    return frame


def municipality_polygons(values: pd.DataFrame, areas: pd.DataFrame, key: str, lang: str) -> pd.DataFrame:
    """One row per 2011 polygon of the municipalities in ``areas``: ``location``, ``value`` (NaN: none),
    ``code`` (the member a click opens: the most populous) and ``hover`` (every member and its value).

    ``values`` holds ``area_code`` and the published column ``key`` (numbers, None or "<5").
    """
    cells = values.set_index("area_code")[key]
    members = areas.assign(cell=areas["area_code"].map(cells))
    members = members.sort_values(["elstat_code_2011", "population", "area_code"], ascending=[True, False, True])
    rows = [
        {
            "location": location,
            "value": _combined(group, key),
            "code": group["area_code"].iloc[0],
            "hover": "<br>".join(
                _line(name, cell, lang) for name, cell in zip(group[_name(lang)], group["cell"], strict=True)
            ),
        }
        for location, group in members.groupby("elstat_code_2011", sort=True)
    ]
    return pd.DataFrame(rows, columns=["location", "value", "code", "hover"])


def region_polygons(values: pd.DataFrame, key: str, lang: str) -> pd.DataFrame:
    """One row per region of ``values`` (rows of the region indicator table), as ``municipality_polygons``."""
    return pd.DataFrame(
        {
            "location": values["area_code"].to_numpy(),
            "value": numbers(values[key]),
            "code": values["area_code"].to_numpy(),
            "hover": [_line(name, cell, lang) for name, cell in zip(values["area_name"], values[key], strict=True)],
        }
    )


def _combined(group: pd.DataFrame, key: str) -> float:
    """The value a polygon is coloured by: its one member's, or what its members add up to."""
    values = numbers(group["cell"])
    if len(group) == 1:
        return float(values[0])
    if (group["cell"] == SUPPRESSED).any() or np.isnan(values).any():
        # Combining with a withheld cell would let it be recomputed from the members shown beside it.
        return float("nan")
    entry = indicator(key)
    if entry.additive:
        return float(values.sum())
    if entry.unit in PER_RESIDENT_UNITS:
        weights = group["population"].to_numpy(dtype=float)
        return float((values * weights).sum() / weights.sum())
    return float("nan")


def _name(lang: str) -> str:
    return "name_en" if lang == "en" else "name_el"


def _line(name: str, cell: object, lang: str) -> str:
    # Plotly reads a little HTML in hover text: names from the data are escaped to stay text.
    return f"{html.escape(str(name))}: {html.escape(cell_text(cell, lang))}"


def choropleth(polygons: pd.DataFrame, geojson: dict, title: str, lang: str) -> go.Figure:
    """The map of ``polygons`` (rows of ``municipality_polygons`` or ``region_polygons``) on ``geojson``.

    Polygons with a value are coloured on one scale; those without are drawn grey, so every polygon
    appears exactly once. Each carries the code a click opens as its first custom datum.
    """
    coloured = polygons[polygons["value"].notna()]
    blank = polygons[polygons["value"].isna()]
    fig = px.choropleth_map(
        coloured, geojson=_subset(geojson, coloured["location"]), locations="location", color="value",
        custom_data=["code", "hover"], color_continuous_scale="Blues", map_style="white-bg", center=_CENTRE,
        zoom=5.3, labels={"value": title},
    )
    fig.update_traces(hovertemplate="%{customdata[1]}<extra></extra>")
    fig.add_trace(go.Choroplethmap(
        geojson=_subset(geojson, blank["location"]), locations=blank["location"].tolist(), z=[0] * len(blank),
        customdata=blank[["code", "hover"]].to_numpy().tolist(), hovertemplate="%{customdata[1]}<extra></extra>",
        colorscale=[[0, _NO_VALUE], [1, _NO_VALUE]], showscale=False, marker_line_width=0.5,
    ))
    fig.update_layout(separators=separators(lang), margin={"l": 0, "r": 0, "t": 0, "b": 0}, height=620,
                      coloraxis_colorbar={"title": {"text": ""}})
    return fig


def _subset(geojson: dict, locations: pd.Series) -> dict:
    """The features of ``locations`` only: each trace carries its own polygons, so none is sent twice."""
    wanted = set(locations)
    return {"type": "FeatureCollection", "features": [f for f in geojson["features"] if f["id"] in wanted]}


def clicked_code(selection: object) -> str | None:
    """The area code of the first polygon in a Streamlit plotly selection, or None when nothing is selected."""
    points = (selection or {}).get("points") or []
    for point in points:
        data = point.get("customdata")
        if data:
            return str(data[0])
    return None
