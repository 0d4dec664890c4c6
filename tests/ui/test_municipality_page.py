"""The municipality profile, driven through dashboard.py on the demo database and on the hand-made one."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest
from streamlit.testing.v1 import AppTest

from civhub import profile as profile_data
from civhub.indicators.registry import INDICATORS

from .conftest import build_test_db, execute

DASHBOARD = Path(__file__).resolve().parents[2] / "dashboard.py"
PAGE = "civhub/ui/municipality.py"
CORFU = "3201"  # one of the 2019 municipalities


def profile(lang: str, code: str | None = None) -> AppTest:
    at = AppTest.from_file(str(DASHBOARD), default_timeout=120)
    at.query_params["lang"] = lang
    at.run()
    at.switch_page(PAGE).run()
    if code is not None:
        at.selectbox(key="muni").set_value(code).run()
    return at


def metrics(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def charts(at: AppTest) -> list[str]:
    return [chart.proto.spec for chart in at.get("plotly_chart")]


@pytest.mark.parametrize(
    ("lang", "empty"),
    [("el", "Επιλέξτε έναν δήμο για να δείτε το προφίλ του"), ("en", "Choose a municipality to see its profile")],
)
def test_without_a_municipality_the_page_asks_for_one(demo, lang, empty):
    at = profile(lang)
    assert not at.exception
    assert at.info[0].value.startswith(empty)
    assert len(at.dataframe) == 0


@pytest.mark.parametrize(
    ("lang", "labels", "indicator_column"),
    [("el", ("Περιφέρεια", "Πληθυσμός 2021", "Ομάδα ομοίων", "Σύμφωνο Συνεργασίας", "Κέντρο Ενεργών Πολιτών",
             "Κατώτερη εκτίμηση (€)", "Κεντρική εκτίμηση (€)", "Ανώτερη εκτίμηση (€)"), "Δείκτης"),
     ("en", ("Region", "Population 2021", "Peer group", "Cooperation Pact", "Centre of Active Citizens",
             "Low estimate (€)", "Central estimate (€)", "High estimate (€)"), "Indicator")],
)
def test_profile_renders_in_both_languages(demo, lang, labels, indicator_column):
    at = profile(lang, CORFU)
    assert not at.exception
    shown = metrics(at)
    assert tuple(shown) == labels
    # Corfu's 2021 census population, from data/reference/municipalities.csv.
    assert shown[labels[1]] == ("65.237" if lang == "el" else "65,237")
    assert shown[labels[2]] == ("Νησιωτικοί δήμοι" if lang == "el" else "Island municipalities")
    indicators = at.dataframe[0].value
    assert indicators[indicator_column].tolist() == [entry.label(lang) for entry in INDICATORS]


def test_value_range_is_ordered_low_central_high(demo):
    at = profile("en", CORFU)
    shown = metrics(at)
    low, central, high = (float(shown[k].replace(",", "")) for k in
                          ("Low estimate (€)", "Central estimate (€)", "High estimate (€)"))
    assert low <= central <= high


def test_changing_the_indicator_changes_the_trend(demo):
    at = profile("en", CORFU)
    before = charts(at)[0]
    at.selectbox(key="ind").set_value("volunteers_per_1k").run()
    assert not at.exception
    after = charts(at)[0]
    assert after != before
    assert "Trend: Volunteers per 1,000 residents" in [s.value for s in at.subheader]
    assert '"Peer group median"' in after


def test_changing_the_municipality_changes_the_profile(demo):
    at = profile("en", CORFU)
    before = metrics(at)["Population 2021"]
    at.selectbox(key="muni").set_value("0101").run()
    assert not at.exception
    # Komotini's 2021 census population.
    assert metrics(at)["Population 2021"] == "65,107" != before


@pytest.mark.parametrize("lang", ["el", "en"])
def test_without_indicators_the_page_says_so(tmp_path, monkeypatch, lang):
    monkeypatch.setenv("CIVHUB_DB", str(build_test_db(tmp_path / "civhub.duckdb")))
    at = profile(lang)
    assert not at.exception
    assert at.info[0].value.startswith(
        "Οι δείκτες δεν έχουν υπολογιστεί" if lang == "el" else "The indicators have not been computed"
    )


def test_profile_tables_counted_from_the_records(tmp_path):
    path = build_test_db(tmp_path / "civhub.duckdb")
    execute(path, "INSERT INTO spaces VALUES ('S1', '0101', 'farmland', 'Αγρός <Νέα>', 2.5, 'stremma', "
                  "DATE '2023-02-01', NULL, 'O1', 5)")
    execute(path, "UPDATE activities SET space_id = 'S1' WHERE activity_id = 'A1'")
    con = duckdb.connect(str(path), read_only=True)
    try:
        # 0101 has O1 (social cooperative) and O3 (solidarity house); ties sorted by name.
        organizations = profile_data.organizations_by_type(con, "0101", "en")
        assert organizations.values.tolist() == [["Social cooperative enterprise (KoinSEp)", 1],
                                                 ["Solidarity house", 1]]
        activities = profile_data.activities_by_category(con, "0101", "el")
        assert activities.columns.tolist() == ["Κατηγορία", "Δράσεις", "Ωφελούμενοι"]
        # A1 food support served 1200, A2 housing 45: one activity each, ordered by category code.
        assert activities.values.tolist() == [["Επισιτιστική στήριξη", 1, 1200], ["Στεγαστική στήριξη", 1, 45]]
        spaces = profile_data.spaces(con, "0101", "el")
        assert spaces.values.tolist() == [
            ["Αγρός <Νέα>", "Αγροτεμάχιο", "2,5 στρέμματα", "1 Φεβρουαρίου 2023", "–", "ΚοινΣΕπ Κομοτηνής", 1]
        ]
        assert profile_data.spaces(con, "0102", "en").empty
    finally:
        con.close()
