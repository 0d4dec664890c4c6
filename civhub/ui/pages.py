"""The dashboard's pages: page files beside this module, each at a stable ASCII URL path."""

from __future__ import annotations

import streamlit as st

from civhub import i18n


def pages(lang: str) -> list[st.Page]:
    """The pages in navigation order, titled in ``lang``; paths are relative to ``dashboard.py``."""
    return [
        st.Page("civhub/ui/overview.py", title=i18n.t("nav.overview", lang), url_path="overview", default=True),
    ]
