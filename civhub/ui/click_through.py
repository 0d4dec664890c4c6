"""A click on a chart that names a municipality (the explorer's scatter, the overview map) opens its profile."""

from __future__ import annotations

import streamlit as st

from civhub import charts
from civhub.ui.pages import PAGES

MUNICIPALITY_PAGE = next(path for url, path, _ in PAGES if url == "municipality")


def open_clicked(event, lang: str) -> None:
    """Switch to the Municipality page of the municipality clicked in ``event`` (what ``st.plotly_chart`` returned
    with ``on_select="rerun"``); nothing when nothing is selected.

    The code and the language go in the URL, so the opened profile is a link that can be copied. The page's
    other choices (kind of period, period) are the session's, which the profile keeps for the same keys.
    """
    code = charts.clicked_code(event.selection if event else None)
    if code:
        st.switch_page(MUNICIPALITY_PAGE, query_params={"muni": code, "lang": lang})
