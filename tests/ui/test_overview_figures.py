"""The Overview's figures are built once per choice and database version (civhub/ui/overview_figures.py)."""

from __future__ import annotations

import datetime as dt
import os

import pandas as pd

from civhub.ui import connection, overview_figures

# Grevena (2011 and 2021 code 1501) and Deskati (1502), each on a polygon of its own.
AREAS = pd.DataFrame({
    "area_code": ["1501", "1502"],
    "name_el": ["Δήμος Γρεβενών", "Δήμος Δεσκάτης"],
    "name_en": ["Grevena", "Deskati"],
    "elstat_code_2011": ["1501", "1502"],
    "population": [31_000, 6_500],
})
TABLE = pd.DataFrame({
    "area_code": ["1501", "1502"],
    "volunteers_per_1k": pd.Series([2.5, "<5"], dtype=object),
    "volunteer_value_eur": pd.Series([None, None], dtype=object),
})
YEAR = dt.date(2025, 1, 1)


def draw(key: str, lang: str = "en"):
    return overview_figures.overview_map(TABLE, AREAS, key, "municipality", "year", YEAR, lang, connection.version())


def replace_live_file(path) -> None:
    # As a load does: a new file swapped in for the old one, so the database's version changes.
    fresh = path.with_name("fresh.duckdb")
    fresh.write_bytes(b"another version")
    os.replace(fresh, path)


def test_the_same_choice_is_drawn_from_the_figure_already_built(tmp_path, live):
    live(tmp_path / "civhub.duckdb").write_bytes(b"one version")
    first = draw("volunteers_per_1k")
    assert draw("volunteers_per_1k") is first
    # Grevena is coloured by its 2.5; Deskati's withheld cell leaves it grey, its hover saying so.
    coloured, blank = first.data
    assert list(coloured.locations) == ["1501"] and list(coloured.z) == [2.5]
    assert list(blank.locations) == ["1502"] and blank.customdata[0][1] == "Deskati: &lt;5"


def test_another_choice_or_language_is_another_figure(tmp_path, live):
    live(tmp_path / "civhub.duckdb").write_bytes(b"one version")
    english = draw("volunteers_per_1k")
    greek = draw("volunteers_per_1k", "el")
    assert greek is not english
    assert greek.layout.separators == ",." and english.layout.separators == ".,"


def test_a_new_load_builds_the_figure_again(tmp_path, live):
    db = live(tmp_path / "civhub.duckdb")
    db.write_bytes(b"one version")
    before = draw("volunteers_per_1k")
    replace_live_file(db)
    assert draw("volunteers_per_1k") is not before


def test_a_figure_drawn_from_rows_read_before_a_load_is_not_kept_for_the_new_version(tmp_path, live):
    db = live(tmp_path / "civhub.duckdb")
    db.write_bytes(b"one version")
    read_before = connection.version()  # the page's rows were read under this version...
    replace_live_file(db)  # ...and a load landed before the figure was built
    stale = overview_figures.overview_map(TABLE, AREAS, "volunteers_per_1k", "municipality", "year", YEAR, "en",
                                          read_before)
    assert draw("volunteers_per_1k") is not stale  # the next run, under the new version, builds its own


def test_an_indicator_with_no_value_anywhere_has_no_figure(tmp_path, live):
    live(tmp_path / "civhub.duckdb").write_bytes(b"one version")
    assert draw("volunteer_value_eur") is None


def test_the_trend_is_kept_per_indicator_and_region(tmp_path, live):
    live(tmp_path / "civhub.duckdb").write_bytes(b"one version")
    lines = pd.DataFrame({"period": ["2024", "2025"], "value": [1.0, 2.0], "series": ["Greece", "Greece"]})
    version = connection.version()
    first = overview_figures.trend(lines, "volunteers_per_1k", "year", None, "en", version)
    assert overview_figures.trend(lines, "volunteers_per_1k", "year", None, "en", version) is first
    assert overview_figures.trend(lines, "volunteers_per_1k", "year", "EL30", "en", version) is not first
    assert [list(trace.y) for trace in first.data] == [[1.0, 2.0]]
