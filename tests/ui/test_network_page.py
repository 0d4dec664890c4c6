"""The Network page on the demo database: both languages, a change of municipality (empty states: test_empty_states)."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from civhub.db import connect_read

DASHBOARD = Path(__file__).resolve().parents[2] / "dashboard.py"
PAGE = "civhub/ui/network.py"


def network_page(lang: str) -> AppTest:
    at = AppTest.from_file(str(DASHBOARD), default_timeout=120)
    at.query_params["lang"] = lang
    at.run()
    at.switch_page(PAGE).run()
    return at


def _municipalities(db: Path, sql: str) -> list[str]:
    con = connect_read(db)  # the page's own settings: one process may not open a file two ways
    try:
        return [code for (code,) in con.execute(sql).fetchall()]
    finally:
        con.close()


@pytest.mark.parametrize(("lang", "title"), [("el", "Δίκτυο"), ("en", "Co-organization network")])
def test_renders_in_both_languages_with_a_graph_and_tables(demo, lang, title):
    at = network_page(lang)
    assert not at.exception
    assert title in at.title[0].value
    assert at.get("plotly_chart"), "the busiest municipality has ties to draw"
    assert len(at.dataframe) == 2  # ties and organizations


def test_choosing_another_municipality_changes_the_organizations(demo):
    at = network_page("en")
    before = at.dataframe[-1].value
    current = at.selectbox(key="muni").value
    other = next(code for code in _municipalities(demo, "SELECT DISTINCT municipality_code FROM activities ORDER BY 1")
                 if code != current)
    at.selectbox(key="muni").set_value(other).run()
    assert at.selectbox(key="muni").value == other
    assert not at.exception
    assert not at.dataframe[-1].value.equals(before)
