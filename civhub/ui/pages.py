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
DEFAULT = "overview"
# Streamlit serves the default page at the root and knows it by its own path only internally, so that its
# path in the address bar would find no page. The default page takes this internal path, and a page hidden
# from the navigation answers at its public path by sending the visitor on to the root (_to_default).
_DEFAULT_INTERNAL = "home"


def pages(lang: str) -> list[st.Page]:
    """The pages in navigation order, titled in ``lang``, then the hidden one that answers at the default
    page's own path; paths are relative to ``dashboard.py``."""
    shown, alias = [], []
    for url, path, title in PAGES:
        if not (config.ROOT / Path(path)).exists():
            continue
        name = i18n.t(title, lang)
        if url == DEFAULT:
            shown.append(st.Page(path, title=name, url_path=_DEFAULT_INTERNAL, default=True))
            alias.append(st.Page(_to_default, title=name, url_path=url, visibility="hidden"))
        else:
            shown.append(st.Page(path, title=name, url_path=url))
    return shown + alias


def _to_default() -> None:
    """Open the default page at the root, the link's query kept: served at its own path, it would not be
    marked as the current page in the navigation. The default page is the only page of its file (this
    page is a function), so the file names it."""
    path = next(path for url, path, _ in PAGES if url == DEFAULT)
    st.switch_page(path, query_params={key: st.query_params.get_all(key) for key in st.query_params})
