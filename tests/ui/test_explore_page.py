"""The Explore page through dashboard.py with AppTest, on the demo database built by the real pipeline."""

from __future__ import annotations

import base64
from pathlib import Path

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from tests.browser.demo_db import session_demo

DASHBOARD = Path(__file__).resolve().parents[2] / "dashboard.py"
PAGE = "civhub/ui/explore.py"


@pytest.fixture
def demo(tmp_path_factory, monkeypatch) -> Path:
    db = session_demo(tmp_path_factory)
    monkeypatch.setenv("CIVHUB_DB", str(db))
    return db


def explore(lang: str, **params: str) -> AppTest:
    at = AppTest.from_file(str(DASHBOARD), default_timeout=60)
    at.query_params.update({"lang": lang, **params})
    at.run()
    return at.switch_page(PAGE).run()


def scatter_axes(at: AppTest) -> tuple[str, str]:
    import json

    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    layout = spec["layout"]
    return layout["xaxis"]["title"]["text"], layout["yaxis"]["title"]["text"]


@pytest.mark.parametrize(("lang", "title", "x_label"), [
    ("el", "Εξερεύνηση δεικτών", "Ενεργές οργανώσεις ανά 10.000 κατοίκους"),
    ("en", "Explore the indicators", "Active organizations per 10,000 residents"),
])
def test_renders_in_both_languages(demo, lang, title, x_label):
    at = explore(lang)
    assert not at.exception
    assert at.title[0].value == title
    assert scatter_axes(at)[0] == x_label
    assert len(at.get("plotly_chart")) == 3  # the scatter and one spread per indicator
    assert len(at.dataframe) == 1


def test_changing_an_indicator_changes_the_scatter(demo):
    at = explore("en")
    at.selectbox(key="ind").set_value("volunteer_retention").run()
    assert not at.exception
    assert scatter_axes(at)[0] == "Volunteer retention — share (0 to 1)"
    assert at.query_params["ind"] == "volunteer_retention"


def test_a_peer_group_narrows_the_table(demo):
    # A switch to another page drops the URL in AppTest; the browser suite opens copied links.
    at = explore("en")
    at.selectbox(key="period").set_value("quarter").run()
    at.selectbox(key="group").set_value("island").run()
    assert not at.exception
    assert at.query_params["group"] == "island" and at.query_params["period"] == "quarter"
    regions = set(at.dataframe[0].value["Peer group"])
    assert regions == {"Island municipalities"}


@pytest.mark.parametrize(("lang", "words"), [("el", "Κανένας δήμος"), ("en", "No municipality")])
def test_empty_selection_explains_itself(demo, lang, words):
    # Retention compares a year's volunteers with the year before; the demo begins in 2019, so in its first
    # year no municipality has a retention to plot.
    at = explore(lang)
    at.selectbox(key="ind").set_value("volunteer_retention").run()
    periods = at.selectbox(key="at").options
    assert periods[-1] == "2019"  # the periods are listed latest first
    at.selectbox(key="at").select_index(len(periods) - 1).run()
    assert not at.exception
    infos = [info.value for info in at.info]
    assert len(infos) == 1 and infos[0].startswith(words)
    assert len(at.get("plotly_chart")) == 0
    # The municipalities are still listed, with what was published for them.
    assert len(at.dataframe) == 1 and len(at.dataframe[0].value) > 0


def _points(trace: dict) -> int:
    # Plotly sends long arrays as typed binary ({"dtype", "bdata"}) and short ones as lists.
    values = trace["x"]
    if isinstance(values, dict):
        return len(base64.b64decode(values["bdata"])) // np.dtype(values["dtype"]).itemsize
    return len(values)


def _number(cell: str) -> float:
    return float(cell.replace(",", "")) if cell not in ("", "<5") else float("nan")


def test_a_logarithmic_scale_draws_the_municipalities_above_0(demo):
    import json

    at = explore("en")
    at.selectbox(key="ind2").set_value("collaboration_rate").run()
    at.selectbox(key="scale").set_value("log").run()
    assert not at.exception
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    assert spec["layout"]["xaxis"]["type"] == spec["layout"]["yaxis"]["type"] == "log"
    # Counted from the page's own table: rows whose two values are published and above 0.
    table = at.dataframe[0].value
    x = table["Active organizations per 10,000 residents"].map(_number)
    y = table["Collaboration rate"].map(_number)
    above_0 = int(((x > 0) & (y > 0)).sum())
    published = int((x.notna() & y.notna()).sum())
    assert sum(_points(trace) for trace in spec["data"]) == above_0
    assert published > above_0  # some municipality had no activity with a partner: the caption says so
    caption = " ".join(c.value for c in at.caption)
    assert f"{published - above_0} municipalities with a value of 0 are not drawn" in caption
    assert at.query_params["scale"] == "log"
