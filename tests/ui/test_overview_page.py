"""The overview's map, national change, ranking and trend, driven through dashboard.py on the demo database."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

DASHBOARD = Path(__file__).resolve().parents[2] / "dashboard.py"


def run(lang: str) -> AppTest:
    at = AppTest.from_file(str(DASHBOARD), default_timeout=120)
    at.query_params["lang"] = lang
    return at.run()


def charts(at: AppTest) -> list[str]:
    return [chart.proto.spec for chart in at.get("plotly_chart")]


def subheaders(at: AppTest) -> list[str]:
    return [s.value for s in at.subheader]


@pytest.mark.parametrize(
    ("lang", "map_title", "ranking", "rank"),
    [("el", "Χάρτης: Ενεργές οργανώσεις ανά 10.000 κατοίκους, 2025", "Κατάταξη", "Θέση"),
     ("en", "Map: Active organizations per 10,000 residents, 2025", "Ranking", "Rank")],
)
def test_renders_map_ranking_and_trend_in_both_languages(demo, lang, map_title, ranking, rank):
    at = run(lang)
    assert not at.exception
    assert map_title in subheaders(at) and ranking in subheaders(at)
    assert len(charts(at)) == 2  # the map and the trend
    table = at.dataframe[1].value
    assert table.columns[0] == rank
    # At most the 332 municipalities (those with a row in the period), each once, ranked from 1;
    # ranks never go up further down the table.
    assert 0 < len(table) <= 332 and table["area_code"].is_unique and table[rank].iloc[0] == 1
    ranks = table[rank].dropna().tolist()
    assert ranks == sorted(ranks)


def test_peer_ranks_say_out_of_how_many(demo):
    table = run("en").dataframe[1].value
    # Counted from the table itself: the municipalities of each peer group with a value shown.
    shown = table.groupby("Peer group")["Value"].count()
    assert (table["Ranked in peer group"] == table["Peer group"].map(shown)).all()
    ranked = table.dropna(subset=["Rank in peer group"])
    assert len(ranked) > 0 and (ranked["Rank in peer group"] <= ranked["Ranked in peer group"]).all()


def test_the_map_says_where_its_colour_scale_stops(demo):
    at = run("en")
    spec = charts(at)[0]
    assert '"cmax"' in spec  # the scale stops short of the outliers...
    capped = [c.value for c in at.caption if c.value.startswith("The colour scale stops at ")]
    assert len(capped) == 1 and "the top 5% of values" in capped[0]  # ...and the page says so


def test_national_change_is_shown_with_a_sign(demo):
    at = run("en")
    changes = {m.label: m.delta for m in at.metric if m.delta}
    assert set(changes) == {"Volunteers", "Value of volunteer work (€)", "Value of services (€)",
                            "People served per 1,000 residents"}
    assert all(delta[0] in "+-" for delta in changes.values())


def test_changing_the_indicator_changes_the_map(demo):
    at = run("en")
    before = charts(at)[0]
    at.selectbox(key="ind").set_value("municipal_support_eur").run()
    assert not at.exception
    assert charts(at)[0] != before
    assert "Map: Municipal support (€), 2025" in subheaders(at)


def test_region_level_ranks_the_13_regions(demo):
    at = run("el")
    at.selectbox(key="level").set_value("region").run()
    assert not at.exception
    table = at.dataframe[1].value
    assert len(table) == 13
    assert set(table.columns) == {"Θέση", "area_code", "Περιοχή", "Τιμή"}


def test_quarter_and_period_chosen(demo):
    at = run("en")
    at.selectbox(key="period").set_value("quarter").run()
    at.selectbox(key="at").set_value("2024-04-01").run()
    at.selectbox(key="ind").set_value("volunteers_per_1k").run()
    assert not at.exception
    assert "Map: Volunteers per 1,000 residents, 2024-Q2" in subheaders(at)
    assert "The country in 2024-Q2" in subheaders(at)


def test_trend_narrows_to_one_region(demo):
    at = run("en")
    everything = charts(at)[1]
    at.selectbox(key="overview_region").set_value("EL30").run()
    assert not at.exception
    narrowed = charts(at)[1]
    assert narrowed != everything
    assert '"Attica"' in narrowed and '"Greece"' in narrowed and '"Crete"' not in narrowed


@pytest.mark.parametrize("lang", ["el", "en"])
def test_without_indicators_the_page_says_so(test_db, lang):
    # The hand-made database has records but no marts.
    at = run(lang)
    assert not at.exception
    assert at.info[-1].value.startswith(
        "Οι δείκτες δεν έχουν υπολογιστεί" if lang == "el" else "The indicators have not been computed"
    )
    assert len(charts(at)) == 0
