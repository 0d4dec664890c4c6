"""A copied link opens the same view: the URL carries codes, read the same in either language."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from civhub.ui.pages import DEFAULT, PAGES

DASHBOARD = Path(__file__).resolve().parents[2] / "dashboard.py"
DEFAULT_PAGE = next(path for url, path, _ in PAGES if url == DEFAULT)


def opened(page: str, **params: str) -> AppTest:
    """The app opened by a link to ``page`` carrying ``params``."""
    at = AppTest.from_file(str(DASHBOARD), default_timeout=120)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    # The first run shows the default page, as a link to the root does; switching to it again would be a page
    # change, which drops the link's choices.
    if page != DEFAULT_PAGE:
        at.switch_page(page).run()
    return at


@pytest.mark.parametrize("lang", ["el", "en"])
def test_overview_link_opens_its_indicator_and_level(demo, lang):
    at = opened("civhub/ui/overview.py", lang=lang, ind="collaboration_rate", level="region", period="year")
    assert not at.exception
    assert at.selectbox(key="ind").value == "collaboration_rate"
    assert at.selectbox(key="level").value == "region"
    assert at.query_params["ind"] == "collaboration_rate"


def test_an_unknown_code_in_the_link_falls_back_to_the_default(demo):
    at = opened("civhub/ui/overview.py", lang="en", ind="no_such_indicator")
    assert not at.exception
    assert at.selectbox(key="ind").value != "no_such_indicator"
