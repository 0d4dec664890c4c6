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
# from the navigation serves the same file at its public path, so that a link to /overview still opens it.
_DEFAULT_INTERNAL = "home"


def pages(lang: str) -> list[st.Page]:
    """The pages in navigation order, titled in ``lang``, then the hidden one that serves the default page at
    its own path; paths are relative to ``dashboard.py``."""
    shown, alias = [], []
    for url, path, title in PAGES:
        if not (config.ROOT / Path(path)).exists():
            continue
        name = i18n.t(title, lang)
        if url == DEFAULT:
            shown.append(st.Page(path, title=name, url_path=_DEFAULT_INTERNAL, default=True))
            alias.append(st.Page(path, title=name, url_path=url, visibility="hidden"))
        else:
            shown.append(st.Page(path, title=name, url_path=url))
    return shown + alias
