"""The boundaries, the polygons drawn for municipalities and regions, and the choropleth figure (civhub/maps.py)."""

from __future__ import annotations

import json
import math

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pytest

from civhub import config, maps

# Three municipalities: A on a polygon of its own, B and C split from one 2011 polygon "P".
AREAS = pd.DataFrame({
    "area_code": ["A", "B", "C"],
    "name_el": ["Δήμος Α", "Δήμος <i>Β</i>", "Δήμος Γ"],
    "name_en": ["A town", "B town", "C town"],
    "elstat_code_2011": ["A", "P", "P"],
    "population": [1000, 3000, 1000],
})


def polygons(key: str, cells: list) -> pd.DataFrame:
    values = pd.DataFrame({"area_code": ["A", "B", "C"], key: pd.Series(cells, dtype=object)})
    return maps.municipality_polygons(values, AREAS, key, "en")


def test_municipality_boundaries_have_one_feature_per_2011_code():
    features = maps.boundaries("municipality")["features"]
    ids = [f["id"] for f in features]
    assert len(ids) == 325 and len(set(ids)) == 325


def test_region_boundaries_are_one_feature_for_each_of_the_13_regions():
    features = maps.boundaries("region")["features"]
    assert len(features) == 13
    assert all(f["geometry"]["type"] == "MultiPolygon" for f in features)
    assert "EL30" in {f["id"] for f in features}


def test_unknown_level_is_refused():
    with pytest.raises(ValueError):
        maps.boundaries("village")


def test_shared_polygon_sums_an_additive_indicator():
    frame = polygons("volunteer_value_eur", [10.0, 20.0, 5.0]).set_index("location")
    assert list(frame.index) == ["A", "P"]
    assert frame.loc["A", "value"] == 10.0
    assert frame.loc["P", "value"] == 25.0
    # The most populous member is the one a click opens; the hover lists both, escaped.
    assert frame.loc["P", "code"] == "B"
    assert frame.loc["P", "hover"] == "B town: 20<br>C town: 5"


def test_shared_polygon_weights_a_rate_per_resident_by_population():
    frame = polygons("volunteers_per_1k", [1.0, 2.0, 6.0]).set_index("location")
    # (2 × 3000 + 6 × 1000) / 4000 = 3
    assert frame.loc["P", "value"] == 3.0


def test_shared_polygon_leaves_a_ratio_uncoloured():
    frame = polygons("hours_per_volunteer", [1.0, 2.0, 6.0]).set_index("location")
    assert math.isnan(frame.loc["P", "value"])
    assert frame.loc["A", "value"] == 1.0


def test_shared_polygon_with_a_withheld_member_is_uncoloured():
    frame = polygons("volunteer_value_eur", [10.0, "<5", 5.0]).set_index("location")
    assert math.isnan(frame.loc["P", "value"])
    assert frame.loc["P", "hover"] == "B town: &lt;5<br>C town: 5"


def test_greek_hover_escapes_names_from_the_data():
    values = pd.DataFrame({"area_code": ["A", "B", "C"], "volunteer_value_eur": [1.0, 2.5, 3.25]})
    frame = maps.municipality_polygons(values, AREAS, "volunteer_value_eur", "el").set_index("location")
    assert frame.loc["P", "hover"] == "Δήμος &lt;i&gt;Β&lt;/i&gt;: 2,50<br>Δήμος Γ: 3,25"


def test_region_polygons_keep_each_region():
    values = pd.DataFrame({"area_code": ["EL30", "EL41"], "area_name": ["Attica", "North Aegean"],
                           "volunteers_per_1k": pd.Series([0.5, "<5"], dtype=object)})
    frame = maps.region_polygons(values, "volunteers_per_1k", "en")
    assert frame["location"].tolist() == ["EL30", "EL41"]
    assert frame["value"].iloc[0] == 0.5 and math.isnan(frame["value"].iloc[1])


def national_polygons() -> pd.DataFrame:
    # Every 2011 polygon, one in three without a value.
    ids = [f["id"] for f in maps.boundaries("municipality")["features"]]
    return pd.DataFrame({
        "location": ids,
        "value": [float("nan") if i % 3 == 0 else float(i) for i in range(len(ids))],
        "code": ids,
        "hover": ids,
    })


def test_figure_draws_every_polygon_exactly_once():
    fig = maps.choropleth(national_polygons(), maps.boundaries("municipality"), "el")
    locations = [loc for trace in fig.data for loc in trace.locations]
    assert len(locations) == 325 and len(set(locations)) == 325
    assert all(trace.type == "choropleth" for trace in fig.data)
    # Each trace carries only the polygons it draws, so the boundaries are sent once.
    shipped = [f["id"] for trace in fig.data for f in trace.geojson["features"]]
    assert sorted(shipped) == sorted(locations)


def test_figure_uses_no_tiles_and_no_external_resource():
    fig = maps.choropleth(national_polygons(), maps.boundaries("municipality"), "en")
    spec = json.loads(fig.to_json())
    assert spec["layout"]["geo"]["visible"] is False  # no land, coast or frame layer to read
    text = json.dumps(spec)
    assert "http://" not in text and "https://" not in text
    assert spec["layout"]["separators"] == ".,"


def test_the_world_outline_plotly_reads_first_is_the_empty_one_served_here():
    # Plotly asks for <topojsonURL>world_110m.json (scope world, resolution 110) before drawing a geo map.
    assert maps.PLOTLY_CONFIG == {"topojsonURL": "app/static/topojson/"}
    served = config.ROOT / "static" / "topojson" / "world_110m.json"
    assert json.loads(served.read_text(encoding="utf-8")) == {"type": "Topology", "objects": {}, "arcs": []}
    assert "enableStaticServing = true" in (config.ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8")


def test_outer_rings_run_clockwise_and_holes_anticlockwise():
    # On the sphere a ring encloses the side to its right; an anticlockwise outer ring would cover the globe.
    square = [[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]  # anticlockwise (shoelace area +1)
    hole = [[0.2, 0.2], [0.2, 0.8], [0.8, 0.8], [0.8, 0.2], [0.2, 0.2]]  # clockwise
    feature = {"type": "Feature", "id": "S", "geometry": {"type": "Polygon", "coordinates": [square, hole]}}
    outer, inner = maps._wound_for_the_sphere(feature)["geometry"]["coordinates"]
    assert outer == square[::-1] and inner == hole[::-1]
    for f in maps.boundaries("municipality")["features"]:
        geometry = f["geometry"]
        polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
        for polygon in polygons:
            ring = np.asarray(polygon[0], dtype=float)
            assert np.sum(ring[:-1, 0] * ring[1:, 1] - ring[1:, 0] * ring[:-1, 1]) < 0, f["id"]


def test_clicked_code_reads_the_first_point():
    assert maps.clicked_code({"points": [{"customdata": ["3201", "hover"]}]}) == "3201"
    assert maps.clicked_code({"points": []}) is None
    assert maps.clicked_code(None) is None


def test_shared_polygon_with_a_member_without_a_figure_is_uncoloured():
    frame = polygons("volunteer_value_eur", [10.0, None, 5.0]).set_index("location")
    assert math.isnan(frame.loc["P", "value"])
    assert frame.loc["P", "hover"] == "B town: –<br>C town: 5"


# Two unit squares side by side, as the boundaries give them: an id, properties and a polygon each.
SQUARES = {"type": "FeatureCollection", "features": [
    {"type": "Feature", "id": "L", "properties": {"name_el_2011": "ΑΡΙΣΤΕΡΑ"},
     "geometry": {"type": "MultiPolygon", "coordinates": [[[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]]]}},
    {"type": "Feature", "id": "R", "properties": {"name_el_2011": "ΔΕΞΙΑ"},
     "geometry": {"type": "MultiPolygon", "coordinates": [[[[1, 0], [2, 0], [2, 1], [1, 1], [1, 0]]]]}},
]}


def square_map(lang: str = "en") -> dict:
    rows = pd.DataFrame({"location": ["L", "R"], "value": [2.5, float("nan")], "code": ["0101", "0102"],
                         "hover": ["Left: 2.5", "Right: &lt;5"]})
    return json.loads(maps.choropleth(rows, SQUARES, lang).to_json())


def test_figure_colours_values_on_the_blues_and_draws_the_rest_grey():
    coloured, blank = square_map()["data"]
    assert coloured["locations"] == ["L"] and coloured["coloraxis"] == "coloraxis"
    assert coloured["customdata"] == [["0101", "Left: 2.5"]]
    assert blank["locations"] == ["R"] and blank["z"] == [0] and blank["showscale"] is False
    assert blank["colorscale"] == [[0, "#d9d9d9"], [1, "#d9d9d9"]]
    assert blank["customdata"] == [["0102", "Right: &lt;5"]]
    # The hover is the polygon's own text, with no trace name beside it.
    assert coloured["hovertemplate"] == blank["hovertemplate"] == "%{customdata[1]}<extra></extra>"


def test_figure_layout_is_the_bare_map_of_the_polygons_with_an_untitled_colour_bar():
    layout = square_map("el")["layout"]
    assert layout["geo"] == {"visible": False, "fitbounds": "locations", "projection": {"type": "mercator"}}
    # ColorBrewer's nine Blues but the two lightest (all but white on a white page): the least value is
    # rgb(198,219,239), the greatest rgb(8,48,107).
    scale = layout["coloraxis"]["colorscale"]
    assert len(scale) == 7 and scale[0] == [0.0, "rgb(198,219,239)"] and scale[-1] == [1.0, "rgb(8,48,107)"]
    assert layout["coloraxis"]["colorbar"]["title"]["text"] == ""
    assert layout["height"] == 620 and layout["margin"] == {"l": 0, "r": 0, "t": 0, "b": 0}
    assert layout["separators"] == ",."


def test_the_features_sent_carry_their_id_and_outline_only():
    coloured, blank = square_map()["data"]
    assert coloured["geojson"]["features"] == [
        {"type": "Feature", "id": "L",
         "geometry": {"type": "MultiPolygon", "coordinates": [[[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]]]}},
    ]
    assert [f["id"] for f in blank["geojson"]["features"]] == ["R"]


def test_a_redraw_shares_the_outlines_instead_of_copying_them():
    rows = pd.DataFrame({"location": ["L", "R"], "value": [1.0, 2.0], "code": ["L", "R"], "hover": ["l", "r"]})
    fig = maps.choropleth(rows, SQUARES, "en")
    # Streamlit draws a figure from its deep copy (Figure.to_dict): the points are the same objects, not copies.
    drawn = fig.to_dict()["data"][0]["geojson"]["features"][0]["geometry"]["coordinates"]
    assert drawn is fig.data[0].geojson["features"][0]["geometry"]["coordinates"]
    # The rest of the figure is copied as before: a copy's values can change without changing the figure.
    copied = fig.to_dict()
    copied["data"][0]["customdata"][0][1] = "changed"
    assert fig.data[0].customdata[0][1] == "l"


def ranked_map(values: list[float]) -> go.Figure:
    count = len(values)
    rows = pd.DataFrame({"location": [f"A{i}" for i in range(count)], "value": values,
                         "code": [f"{i:04d}" for i in range(count)], "hover": ["" for _ in range(count)]})
    square = SQUARES["features"][0]["geometry"]
    features = [{"type": "Feature", "id": f"A{i}", "geometry": square} for i in range(count)]
    return maps.choropleth(rows, {"type": "FeatureCollection", "features": features}, "en")


def test_the_colour_scale_stops_at_the_95th_percentile_so_outliers_do_not_whiten_the_map():
    # 1, 2, ..., 20: the 95th percentile lies 0.95 x 19 = 18.05 steps above 1, at 19.05; 20 lies above it.
    fig = ranked_map([float(v) for v in range(1, 21)])
    assert (fig.layout.coloraxis.cmin, fig.layout.coloraxis.cmax) == (1.0, pytest.approx(19.05))
    assert maps.capped_at(fig) == pytest.approx(19.05)


def test_a_scale_with_no_value_above_its_top_is_not_capped():
    # 5, 5, 5, 9: the 95th percentile is 5 + 0.85 x 4 = 8.4 (position 2.85 of 0..3) and 9 lies above it.
    assert maps.capped_at(ranked_map([5.0, 5.0, 5.0, 9.0])) == pytest.approx(8.4)
    # Equal values: the percentile equals the least, so the scale runs to the greatest and nothing is capped.
    fig = ranked_map([3.0, 3.0])
    assert (fig.layout.coloraxis.cmin, fig.layout.coloraxis.cmax) == (3.0, 3.0)
    assert maps.capped_at(fig) is None
