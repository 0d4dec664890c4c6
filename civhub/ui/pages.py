"""The dashboard's pages: page files beside this module, each at a stable ASCII URL path."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from civhub import config, i18n

# (url path, page file relative to dashboard.py, title key), in navigation order. No page icons: Streamlit
# fetches ":material/…:" page icons from a font CDN (civhub must run offline), and emoji need a font of their own.
PAGES = (
    ("overview", "civhub/ui/overview.py", "nav.overview"),
    ("municipality", "civhub/ui/municipality.py", "nav.municipality"),
    ("explore", "civhub/ui/explore.py", "nav.explore"),
    ("network", "civhub/ui/network.py", "nav.network"),
    ("data", "civhub/ui/data.py", "nav.data"),
    ("methodology", "civhub/ui/methodology.py", "nav.methodology"),
)


def pages(lang: str) -> list[st.Page]:
    """The pages in navigation order, titled in ``lang``; paths are relative to ``dashboard.py``."""
    return [
        st.Page(path, title=i18n.t(title, lang), url_path=url, default=url == "overview")
        for url, path, title in PAGES
        if (config.ROOT / Path(path)).exists()
    ]
