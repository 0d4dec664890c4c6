"""Empty selections explain themselves: every page, on a database where the selection holds nothing, shows a
plain sentence and no empty chart, no empty table and no traceback.

The small database is loaded by the real pipeline from the three files below: three organizations, two
activities and six volunteers, all in two municipalities of Rhodope (East Macedonia and Thrace, EL51):
- Komotini (0101): O1 and O2, who co-organized A1 (one tie); six volunteers of O1 worked there.
- Arriana (0102): O3 alone, who ran A2 without a partner (an organization, but no tie).
- Iasmos (0103), and every municipality outside Rhodope: nothing at all.
No municipal support is loaded, so the leverage of municipal support (value per euro of support) has no
value anywhere.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from civhub.charts import drawable
from pipelines.ingest import ingest_files
from pipelines.store import create_database

DASHBOARD = Path(__file__).resolve().parents[2] / "dashboard.py"
FILES = {
    "organizations": """\
Organization ID,Name,Type,Municipality
O1,ΚοινΣΕπ Κομοτηνής,social cooperative,Κομοτηνής
O2,Οίκος Αλληλεγγύης Κομοτηνής,solidarity house,Κομοτηνής
O3,Σύλλογος Αρριανών,association,Αρριανών
""",
    "activities": """\
Activity ID,Lead organization,Partner organizations,Municipality,Date,Category,Title,Beneficiaries
A1,O1,O2,Κομοτηνής,2024-03-01,food support,Διανομή τροφίμων,40
A2,O3,,Αρριανών,2024-03-05,culture,Γιορτή,10
""",
    "hours": "Record ID,Volunteer ID,Organization ID,Municipality,Activity ID,Date,Hours\n"
    + "".join(f"r{n},v{n},O1,Κομοτηνής,A1,2024-03-01,2\n" for n in range(1, 7)),
}


def load(folder: Path, db: Path, kinds: tuple[str, ...]) -> Path:
    create_database(db, synthetic=False)
    for kind in kinds:
        path = folder / f"{kind}.csv"
        path.write_text(FILES[kind], encoding="utf-8")
        [report] = ingest_files(kind, [path], db)
        assert report.status == "loaded" and report.rows_quarantined == 0, report
    return db


@pytest.fixture(scope="module")
def small_db(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("small_empty_states")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("CIVHUB_KEY_FILE", str(folder / "pseudonym.key"))
        return load(folder, folder / "civhub.duckdb", tuple(FILES))


@pytest.fixture(scope="module")
def empty_db(tmp_path_factory) -> Path:
    """A database made and never loaded: the reference tables only."""
    folder = tmp_path_factory.mktemp("nothing_loaded")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("CIVHUB_KEY_FILE", str(folder / "pseudonym.key"))
        return load(folder, folder / "civhub.duckdb", ())


def open_page(page: str, lang: str, **choices: str) -> AppTest:
    """``page`` in ``lang``, then each drop-down of ``choices`` (by key) set in turn."""
    at = AppTest.from_file(str(DASHBOARD), default_timeout=120)
    at.query_params["lang"] = lang
    at.run()
    at.switch_page(page).run()
    for key, value in choices.items():
        at.selectbox(key=key).set_value(value).run()
    return at


def infos(at: AppTest) -> list[str]:
    return [element.value for element in at.info]


def charts(at: AppTest) -> int:
    return len(at.get("plotly_chart"))


def assert_plain(at: AppTest) -> None:
    assert not at.exception
    assert len(at.error) == 0


def test_a_chart_of_withheld_and_empty_cells_would_draw_nothing():
    assert not drawable(pd.Series([], dtype=object))
    assert not drawable(pd.Series(["<5", None, float("nan")], dtype=object))
    assert drawable(pd.Series(["<5", None, 0.0], dtype=object))  # zero is a value, drawn as one


def test_network_with_an_organization_but_no_tie(small_db, live):
    live(small_db)
    at = open_page("civhub/ui/network.py", "en", muni="0102")
    assert_plain(at)
    assert infos(at) == ["No activity here was co-organized, so there are no ties to draw. "
                         "The organizations are listed below."]
    assert charts(at) == 0
    [organizations] = [frame.value for frame in at.dataframe]
    assert organizations["Organization"].tolist() == ["Σύλλογος Αρριανών"]


def test_network_opens_on_the_municipality_with_a_tie(small_db, live):
    # The contrast that shows the fixture is not empty everywhere: Komotini's O1 and O2 share A1.
    live(small_db)
    at = open_page("civhub/ui/network.py", "en")
    assert at.selectbox(key="muni").value == "0101"
    assert charts(at) == 1
    assert at.dataframe[0].value["Activities together"].tolist() == [1]


@pytest.mark.parametrize(("page", "params", "lang", "words"), [
    # Iasmos (0103) has no organization registered.
    ("network", {"muni": "0103"}, "el", "Καμία οργάνωση δεν είναι καταχωρισμένη σε αυτόν τον δήμο"),
    ("network", {"muni": "0103"}, "en", "No organization is registered in this municipality"),
    # Attica (EL30) holds none of the two municipalities with indicators.
    ("explore", {"group": "EL30"}, "el", "Κανένας δήμος"),
    ("explore", {"group": "EL30"}, "en", "No municipality"),
])
def test_an_empty_selection_says_why_and_draws_nothing(small_db, live, page, params, lang, words):
    live(small_db)
    at = open_page(f"civhub/ui/{page}.py", lang, **params)
    assert_plain(at)
    assert len(infos(at)) == 1 and infos(at)[0].startswith(words)
    assert charts(at) == 0 and len(at.dataframe) == 0


def test_municipality_with_no_data_explains_each_section(small_db, live):
    live(small_db)
    at = open_page("civhub/ui/municipality.py", "en", muni="0103")
    assert_plain(at)
    assert infos(at) == [
        "This municipality has no indicators for this kind of period: no data about it covers such a period yet. "
        "Choose another kind of period; its organizations, activities and spaces, if any were loaded, are below.",
        "No organizations of this municipality have been loaded.",
        "No activities of this municipality have been loaded.",
        "The municipality has reported no municipal spaces made available.",
    ]
    assert charts(at) == 0 and len(at.dataframe) == 0
    # Its own facts still show: Iasmos's 2021 census population, from data/reference/municipalities.csv.
    assert {m.label: m.value for m in at.metric}["Population 2021"] == "12,346"


@pytest.mark.parametrize(("lang", "words"), [("el", "Ούτε ο δήμος ούτε η ομάδα ομοίων"),
                                             ("en", "Neither this municipality nor its peer group")])
def test_municipality_trend_of_an_indicator_with_no_value(small_db, live, lang, words):
    live(small_db)
    at = open_page("civhub/ui/municipality.py", lang, muni="0101", ind="leverage_ratio")
    assert_plain(at)
    assert [text for text in infos(at) if text.startswith(words)]
    # Only the bars of its organizations by type and its activities by category are drawn.
    assert charts(at) == 2


@pytest.mark.parametrize(("lang", "no_values", "no_trend"), [
    ("el", "Κανένας δήμος ή περιφέρεια δεν έχει τιμή αυτού του δείκτη στην περίοδο 2024", "Ούτε η χώρα"),
    ("en", "No municipality or region has a value of this indicator in 2024", "No region and not the country"),
])
def test_overview_of_an_indicator_with_no_value(small_db, live, lang, no_values, no_trend):
    live(small_db)
    at = open_page("civhub/ui/overview.py", lang, ind="leverage_ratio")
    assert_plain(at)
    texts = infos(at)
    assert len(texts) == 2 and texts[0].startswith(no_values) and texts[1].startswith(no_trend)
    assert charts(at) == 0
    assert len(at.dataframe) == 1  # organizations by type; no ranking of blanks


def test_overview_of_an_indicator_with_values_draws_the_map_and_trend(small_db, live):
    live(small_db)
    at = open_page("civhub/ui/overview.py", "en", ind="active_organizations_per_10k")
    assert_plain(at)
    assert infos(at) == []
    assert charts(at) == 2
    ranked = at.dataframe[1].value
    assert set(ranked["area_code"]) == {"0101", "0102"}


@pytest.mark.parametrize("lang", ["el", "en"])
@pytest.mark.parametrize("page", ["overview", "municipality", "explore", "network", "data"])
def test_every_page_explains_a_database_with_nothing_loaded(empty_db, live, page, lang):
    live(empty_db)
    at = open_page(f"civhub/ui/{page}.py", lang)
    assert_plain(at)
    assert infos(at), "a sentence says why there is nothing to show"
    assert charts(at) == 0 and len(at.dataframe) == 0
