"""The label every page shows first while the database holds synthetic (demo) data."""

from __future__ import annotations

import streamlit as st

from civhub import db, i18n, meta
from civhub.ui import connection


def synthetic_banner(lang: str) -> None:
    """A warning in ``lang`` when the live database is synthetic; nothing otherwise.

    A missing or unreadable database shows nothing here: the page's own read says so in words.
    """
    try:
        synthetic = connection.read(meta.is_synthetic)
    except (db.DatabaseMissing, connection.ReadFailed):
        return
    if synthetic:
        st.warning(i18n.t("data.synthetic", lang))
