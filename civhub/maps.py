"""The choropleth map of Greece: the shipped boundaries and the figure drawn from them.

Municipalities are drawn on the 2011 (Kallikratis) polygons of ``data/reference/municipalities.geojson``,
joined through ``municipalities.elstat_code_2011``. The 12 municipalities created in 2019 have no
polygon of their own: they share their 2011 parent's, so a polygon may stand for several municipalities.
Such a polygon is coloured by the members' combined value where one can be computed from the published
cells (a sum, or a rate per resident over their combined population) and left uncoloured otherwise; its
hover lists every member with its own value. Regions (NUTS-2) are drawn as one outline each, dissolved from
their regional units (``data/reference/regional_units.geojson``; ``civhub.outlines``).

The outlines are simplified once, when first read (Douglas-Peucker): every redraw of the map sends them
to the browser, and the full 118,000 points of the municipalities weigh 2.2 MB there. A figure carries each
polygon's id and outline only, and shares the outline's points with the boundaries instead of copying them.

The map is drawn in SVG on a geographic projection (plotly's ``geo``), with no map tiles and no base
layer: a filter change redraws it in about 0.75 s in a software-rendered browser at national scale,
where the WebGL map (``choroplethmap``) took 1.0-1.5 s. Plotly's geo maps read a world outline (TopoJSON)
before drawing, from a CDN unless told otherwise; ``PLOTLY_CONFIG`` points them to an empty one the
dashboard serves itself (``static/topojson/world_110m.json``, served at ``app/static/``), so the map draws
with no network at all. The outlines are wound for the sphere the projection draws on (``boundaries``).
"""

from __future__ import annotations

import html
import json
from functools import cache

import duckdb
import numpy as np
import pandas as pd
import plotly.graph_objects as go
from plotly import colors

from civhub import config, db, outlines
from civhub.charts import cell_text, numbers, separators

# A click on the map is read as on any chart of the dashboard; the name is kept for the map's callers.
from civhub.charts import clicked_code as clicked_code
from civhub.indicators.registry import PER_RESIDENT_UNITS, indicator

LEVELS = ("municipality", "region")
_FILES = {"municipality": "municipalities.geojson", "region": "regional_units.geojson"}
_CENTRE = {"lat": 38.4, "lon": 24.4}
_NO_VALUE = "#d9d9d9"
# ColorBrewer's Blues without its two lightest shades: those are all but white, and an area of the least value
# drawn in them vanished into the white page, outline and all.
_SCALE = colors.make_colorscale(colors.sequential.Blues[2:])
# The configuration every map is drawn with (``st.plotly_chart(..., config=PLOTLY_CONFIG)``): the world outline
# plotly reads first is the empty one in static/topojson/, relative to the page, so never fetched from a CDN.
PLOTLY_CONFIG = {"topojsonURL": "app/static/topojson/"}
# The colour scale runs from the least value to this percentile of the values: a few tiny municipalities have
# rates per resident ten times everyone else's, and a scale stretched to them paints the rest of the map white.
# Values above it take the darkest shade (``capped_at`` says from where); hovering shows each exact value.
COLOUR_PERCENTILE = 95
_HOVER = "%{customdata[1]}<extra></extra>"
# A point is dropped when the outline moves by less than this: 0.002 degrees is about 200 m, a tenth of a pixel
# at the map's opening zoom, and never more than 2% of the extent of the stretch of border it lies on, so that
# a small municipality (a few in Athens are about 1 km across) keeps its shape when zoomed in.
SIMPLIFY_DEGREES = 0.002
SIMPLIFY_SHARE = 0.02


@cache
def boundaries(level: str) -> dict:
    """The GeoJSON of ``level``, each feature's ``id`` the key its rows are drawn with.

    Municipalities: the 2011 code (``elstat_code_2011``). Regions: the NUTS-2 code, one MultiPolygon of the
    region's outline, its regional units dissolved (``_regions``). The outlines are simplified (``simplified``).
    """
    if level not in LEVELS:
        raise ValueError(f"unknown map level {level!r}; expected one of {LEVELS}")
    with open(config.REFERENCE_DIR / _FILES[level], encoding="utf-8") as handle:
        features = json.load(handle)["features"]
    if level == "region":
        # Dissolved before simplifying: the file's units share their borders point for point, which a unit
        # simplified apart from its neighbour no longer does (a ring left whole, as it would keep fewer than four
        # points). The dissolved regions still share theirs, so ``simplified`` cuts each border between two regions
        # at the same points and simplifies it alike for both sides: no gap opens between regions.
        features = _regions(features)
    features = [_wound_for_the_sphere(f) for f in simplified(features)]
    if level == "municipality":
        features = [{**f, "id": f["properties"]["elstat_code_2011"]} for f in features]
    return {"type": "FeatureCollection", "features": features}


def _wound_for_the_sphere(feature: dict) -> dict:
    """``feature`` with each outer ring clockwise and each hole anticlockwise (in longitude, latitude).

    The map draws on a sphere (d3-geo), where a ring encloses the side to its right: an outer ring wound
    the other way (as GeoJSON files often are) would cover the whole globe but the municipality.
    """
    geometry = feature["geometry"]
    polygons = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    wound = [[_wound(ring, clockwise=(i == 0)) for i, ring in enumerate(polygon)] for polygon in polygons]
    coordinates = wound[0] if geometry["type"] == "Polygon" else wound
    return {**feature, "geometry": {**geometry, "coordinates": coordinates}}


def _wound(ring: list, clockwise: bool) -> list:
    points = np.asarray(ring, dtype=float)
    # Twice the signed area (shoelace): positive when the ring runs anticlockwise.
    area = float(np.sum(points[:-1, 0] * points[1:, 1] - points[1:, 0] * points[:-1, 1]))
    return ring[::-1] if (area > 0) == clockwise else ring


def simplified(features: list[dict], degrees: float = SIMPLIFY_DEGREES, share: float = SIMPLIFY_SHARE) -> list[dict]:
    """``features`` (GeoJSON Polygons and MultiPolygons) with their outlines simplified, all else as it was.

    Neighbours share the points of their common border, so each ring is cut where the rings it shares
    points with change, and every stretch between two cuts is simplified on its own (Douglas-Peucker,
    tolerance ``min(degrees, share * the stretch's extent)``, both ends kept): a border is simplified the
    same way for both its sides, and neighbours still meet with no gap or overlap. A ring that would keep
    fewer than four points (a closed triangle) stays whole, so no islet vanishes.
    """
    polygons = [_polygons(feature["geometry"]) for feature in features]
    rings = [[tuple(point) for point in ring[:-1]] for parts in polygons for polygon in parts for ring in polygon]
    owners: dict[tuple, set[int]] = {}
    for number, ring in enumerate(rings):
        for point in ring:
            owners.setdefault(point, set()).add(number)
    shapes = iter([_simplify_ring(ring, owners, degrees, share) for ring in rings])
    return [
        {**feature, "geometry": {"type": "MultiPolygon",
                                 "coordinates": [[next(shapes) for _ in polygon] for polygon in parts]}}
        for feature, parts in zip(features, polygons, strict=True)
    ]


def _polygons(geometry: dict) -> list:
    return geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]


def _simplify_ring(ring: list[tuple], owners: dict[tuple, set[int]], degrees: float, share: float) -> list:
    closed = [list(point) for point in [*ring, ring[0]]]
    cuts = _cuts(ring, owners)
    if len(ring) < 4 or len(cuts) < 2:
        return closed
    start = cuts[0]
    turned = ring[start:] + ring[:start]
    ends = [cut - start for cut in cuts] + [len(ring)]
    turned.append(turned[0])
    kept = [turned[0]]
    for first, last in zip(ends, ends[1:], strict=False):
        kept += _simplify_stretch(turned[first : last + 1], degrees, share)[1:]
    return closed if len(kept) < 4 else [list(point) for point in kept]


def _cuts(ring: list[tuple], owners: dict[tuple, set[int]]) -> list[int]:
    """Where ``ring`` is cut: the points where the rings that share its sides change (a border begins or ends),
    and the points it shares with a ring that shares neither side (two areas touching at a corner).

    A ring shared with no other, or wholly with one (an enclave and its hole), has no such point: it is
    cut at its least point and the point farthest from that, which both sides of an enclave agree on.
    """
    count = len(ring)
    cuts = []
    for i in range(count):
        here = owners[ring[i]]
        before, after = owners[ring[i - 1]] & here, here & owners[ring[(i + 1) % count]]
        if before != after or here != before | after:
            cuts.append(i)
    if len(cuts) >= 2:
        return cuts
    anchor = cuts[0] if cuts else min(range(count), key=ring.__getitem__)
    far = max(range(count), key=lambda i: (np.hypot(ring[i][0] - ring[anchor][0], ring[i][1] - ring[anchor][1]),
                                           ring[i]))
    return sorted({anchor, far})


def _simplify_stretch(stretch: list[tuple], degrees: float, share: float) -> list[tuple]:
    # Simplified in one direction whichever ring it is read from, so both sides of a border keep the same points.
    backwards = stretch[-1] < stretch[0]
    line = np.asarray(stretch[::-1] if backwards else stretch, dtype=float)
    tolerance = min(degrees, share * float(np.hypot(*np.ptp(line, axis=0))))
    kept = [point for point, keep in zip(line.tolist(), _kept(line, tolerance), strict=True) if keep]
    points = [tuple(point) for point in kept]
    return points[::-1] if backwards else points


def _kept(line: np.ndarray, tolerance: float) -> np.ndarray:
    """Which points of an open ``line`` Douglas-Peucker keeps (always both ends)."""
    kept = np.zeros(len(line), dtype=bool)
    kept[[0, -1]] = True
    spans = [(0, len(line) - 1)]
    while spans:
        start, end = spans.pop()
        if end - start < 2:
            continue
        chord = line[end] - line[start]
        offsets = line[start + 1 : end] - line[start]
        length = np.hypot(*chord)
        if length == 0:
            distances = np.hypot(*offsets.T)
        else:
            distances = np.abs(offsets[:, 0] * chord[1] - offsets[:, 1] * chord[0]) / length
        worst = int(np.argmax(distances))
        if distances[worst] > tolerance:
            middle = start + 1 + worst
            kept[middle] = True
            spans += [(start, middle), (middle, end)]
    return kept


def _regions(units: list[dict]) -> list[dict]:
    """One feature per region (NUTS-2 code), its regional units ``units`` dissolved into the region's outline.

    A region whose units would not dissolve (their borders not sharing their points) keeps its units' polygons:
    drawn with their inner borders, but whole.
    """
    parts: dict[str, list] = {}
    for unit in units:
        parts.setdefault(unit["properties"]["region_nuts2_2021"], []).extend(_polygons(unit["geometry"]))
    features = []
    for code, polygons in sorted(parts.items()):
        outline = outlines.dissolve(polygons)
        features.append({"type": "Feature", "id": code, "properties": {"region_code": code},
                         "geometry": {"type": "MultiPolygon", "coordinates": polygons if outline is None else outline}})
    return features


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
    # Plain lists, not a pandas group per polygon: this runs on every change of the map's indicator.
    groups: dict[str, list[tuple]] = {}
    for member in zip(members["elstat_code_2011"], members["area_code"], members[_name(lang)], members["cell"],
                      numbers(members["cell"]), members["population"], strict=True):
        groups.setdefault(member[0], []).append(member[1:])
    rows = [
        {
            "location": location,
            "value": _combined(group, key),
            "code": group[0][0],
            "hover": "<br>".join(_line(name, cell, lang) for _, name, cell, _, _ in group),
        }
        for location, group in groups.items()
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


def _combined(group: list[tuple], key: str) -> float:
    """The value a polygon is coloured by: its one member's, or what its members add up to.

    ``group`` holds each member's (code, name, cell, number, population), most populous first.
    """
    values = np.array([number for _, _, _, number, _ in group], dtype=float)
    if len(group) == 1:
        return float(values[0])
    if np.isnan(values).any():
        # A withheld cell ("<5") has no number either: combining with it would let it be recomputed from the
        # members shown beside it.
        return float("nan")
    entry = indicator(key)
    if entry.additive:
        return float(values.sum())
    if entry.unit in PER_RESIDENT_UNITS:
        weights = np.array([population for *_, population in group], dtype=float)
        return float((values * weights).sum() / weights.sum())
    return float("nan")


def _name(lang: str) -> str:
    return "name_en" if lang == "en" else "name_el"


def _line(name: str, cell: object, lang: str) -> str:
    # Plotly reads a little HTML in hover text: names from the data are escaped to stay text.
    return f"{html.escape(str(name))}: {html.escape(cell_text(cell, lang))}"


def choropleth(polygons: pd.DataFrame, geojson: dict, lang: str) -> go.Figure:
    """The map of ``polygons`` (rows of ``municipality_polygons`` or ``region_polygons``) on ``geojson``.

    Polygons with a value are coloured on one scale; those without are drawn grey, so every polygon
    appears exactly once. Each carries the code a click opens as its first custom datum. The page heads the map
    with the indicator's name; the colour bar carries no title of its own. Draw it with ``PLOTLY_CONFIG``.
    """
    coloured = polygons[polygons["value"].notna()]
    blank = polygons[polygons["value"].isna()]
    # Built from graph objects, not plotly express: express validates and copies the outlines several times
    # over, which costs more than the rest of the page's run.
    traces = [
        go.Choropleth(
            geojson=_subset(geojson, coloured["location"]), locations=coloured["location"].tolist(),
            z=coloured["value"].to_numpy(dtype=float), coloraxis="coloraxis", name="",
            customdata=coloured[["code", "hover"]].to_numpy().tolist(), hovertemplate=_HOVER,
            marker_line_width=0.3, marker_line_color="white",
        ),
        go.Choropleth(
            geojson=_subset(geojson, blank["location"]), locations=blank["location"].tolist(), z=[0] * len(blank),
            customdata=blank[["code", "hover"]].to_numpy().tolist(), hovertemplate=_HOVER,
            colorscale=[[0, _NO_VALUE], [1, _NO_VALUE]], showscale=False, marker_line_width=0.3,
            marker_line_color="white",
        ),
    ]
    layout = go.Layout(
        # No base layer (land, coasts, frame): only the polygons, fitted to the frame.
        geo={"visible": False, "fitbounds": "locations", "projection": {"type": "mercator"}},
        coloraxis={"colorbar": {"title": {"text": ""}}, "colorscale": _SCALE, "autocolorscale": False,
                   **_colour_range(coloured["value"].to_numpy(dtype=float))},
        legend={"tracegroupgap": 0}, margin={"l": 0, "r": 0, "t": 0, "b": 0}, separators=separators(lang),
        height=620,
    )
    return go.Figure(traces, layout)


def _colour_range(values: np.ndarray) -> dict:
    """The ends of the colour scale: the least value and the ``COLOUR_PERCENTILE``-th percentile (linear
    interpolation), or the greatest value where that percentile equals the least."""
    if len(values) == 0:
        return {}
    low, high = float(values.min()), float(np.percentile(values, COLOUR_PERCENTILE))
    return {"cmin": low, "cmax": high if high > low else float(values.max())}


def capped_at(figure: go.Figure) -> float | None:
    """The value from which ``figure``'s areas all take the darkest shade, when some lie above it; else None."""
    top = figure.layout.coloraxis.cmax
    values = figure.data[0].z if figure.data else None
    if top is None or values is None or len(values) == 0:
        return None
    return float(top) if float(np.max(values)) > top else None


def _subset(geojson: dict, locations: pd.Series) -> dict:
    """The features of ``locations`` only, each with its id and its outline and nothing else: each trace carries
    its own polygons, so none is sent twice, and plotly reads no properties."""
    wanted = set(locations)
    features = [
        {"type": "Feature", "id": f["id"],
         "geometry": {"type": f["geometry"]["type"], "coordinates": _Shared(f["geometry"]["coordinates"])}}
        for f in geojson["features"] if f["id"] in wanted
    ]
    return {"type": "FeatureCollection", "features": features}


class _Shared(list):
    """An outline's points, shared as they are by every figure drawn on them.

    Streamlit deep-copies a figure each time it is drawn (``Figure.to_dict``); the outlines are never changed,
    and copying their 36,000 points took longer than the rest of a redraw, so a copy of them is themselves.
    """

    def __deepcopy__(self, memo: dict) -> _Shared:
        return self
