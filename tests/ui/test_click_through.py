"""A click on a chart opens a municipality: the selection Streamlit hands back, read into the code to open.

The selections below are copied from what Streamlit 1.67 returned in a browser for a click on a
``px.scatter`` point and on a map area (of the map's earlier WebGL trace; the code is read from the
custom data alone, which the map's traces carry alike); the browser suite clicks the real pages.
"""

from __future__ import annotations

from civhub import charts, config, maps
from civhub.ui.click_through import MUNICIPALITY_PAGE

NOTHING = {"points": [], "point_indices": [], "box": [], "lasso": []}
SCATTER_CLICK = {
    "points": [{"curve_number": 1, "point_number": 0, "point_index": 0, "x": 2, "y": 2, "customdata": ["0102"],
                "marker_size": 20, "legendgroup": "b"}],
    "point_indices": [0], "box": [], "lasso": [],
}
MAP_CLICK = {
    "points": [{"curve_number": 0, "point_number": 0, "point_index": 0, "location": "1501", "z": 1,
                "ct": [21.4, 40.0], "customdata": ["1501", "Grevena: 0.47"]}],
    "point_indices": [0], "box": [], "lasso": [],
}


def test_a_scatter_click_names_the_point_s_municipality():
    assert charts.clicked_code(SCATTER_CLICK) == "0102"


def test_a_map_click_names_the_municipality_the_polygon_opens():
    assert charts.clicked_code(MAP_CLICK) == "1501"
    assert maps.clicked_code(MAP_CLICK) == "1501"


def test_no_click_names_nothing():
    assert charts.clicked_code(NOTHING) is None
    assert charts.clicked_code({}) is None
    assert charts.clicked_code(None) is None


def test_a_point_without_a_code_is_passed_over():
    # A box plot's point carries no custom data; the first point that carries a code decides.
    selection = {"points": [{"curve_number": 0, "point_index": 3, "y": 1.5},
                            {"curve_number": 1, "point_index": 0, "customdata": ["3201", "Κέρκυρα"]}]}
    assert charts.clicked_code(selection) == "3201"
    assert charts.clicked_code({"points": [{"point_index": 3, "customdata": []}]}) is None


def test_a_numeric_looking_code_stays_text():
    # Codes such as 0101 must keep their leading zero on the way to the URL.
    assert charts.clicked_code({"points": [{"customdata": ["0101"]}]}) == "0101"


def test_clicks_open_the_municipality_page():
    assert MUNICIPALITY_PAGE == "civhub/ui/municipality.py"
    assert (config.ROOT / MUNICIPALITY_PAGE).is_file()
