"""The boundaries, the polygons drawn for municipalities and regions, and the choropleth figure (civhub/maps.py)."""

from __future__ import annotations

import json
import math

import pandas as pd
import pytest

from civhub import maps

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


def test_region_boundaries_gather_the_regional_units_of_each_of_the_13_regions():
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
    fig = maps.choropleth(national_polygons(), maps.boundaries("municipality"), "Τιμή", "el")
    locations = [loc for trace in fig.data for loc in trace.locations]
    assert len(locations) == 325 and len(set(locations)) == 325
    assert all(trace.type == "choroplethmap" for trace in fig.data)
    # Each trace carries only the polygons it draws, so the boundaries are sent once.
    shipped = [f["id"] for trace in fig.data for f in trace.geojson["features"]]
    assert sorted(shipped) == sorted(locations)


def test_figure_uses_no_tiles_and_no_external_resource():
    fig = maps.choropleth(national_polygons(), maps.boundaries("municipality"), "Value", "en")
    spec = json.loads(fig.to_json())
    assert spec["layout"]["map"]["style"] == "white-bg"
    assert not spec["layout"]["map"].get("layers")
    text = json.dumps(spec)
    assert "http://" not in text and "https://" not in text
    assert spec["layout"]["separators"] == ".,"


def test_clicked_code_reads_the_first_point():
    assert maps.clicked_code({"points": [{"customdata": ["3201", "hover"]}]}) == "3201"
    assert maps.clicked_code({"points": []}) is None
    assert maps.clicked_code(None) is None
