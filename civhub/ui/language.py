"""The reader's language: kept in the URL (``?lang=el`` or ``?lang=en``) so a shared link keeps it."""

from __future__ import annotations

import streamlit as st

from civhub import i18n

_CHOSEN = "lang"
_SWITCH = "lang_switch"


def choose() -> str:
    """The language of this run, with the sidebar switch that changes it.

    The URL decides; without one (a first visit, or a page switch, which drops the query
    string) the session's last choice does, else Greek. The choice is written back to the URL.
    """
    lang = i18n.language(st.query_params.get("lang") or st.session_state.get(_CHOSEN))
    st.session_state[_CHOSEN] = lang
    if st.query_params.get("lang") != lang:
        st.query_params["lang"] = lang
    # Set before the widget is made, so a language arriving by URL also moves the switch.
    st.session_state[_SWITCH] = lang
    st.sidebar.segmented_control(
        i18n.t("app.language", lang),
        i18n.LANGUAGES,
        format_func=i18n.LANGUAGE_NAMES.__getitem__,
        key=_SWITCH,
        on_change=_switched,
    )
    return lang


def _switched() -> None:
    # A segmented control can be clicked off (None); that keeps the language as it was.
    lang = st.session_state[_SWITCH] or st.session_state[_CHOSEN]
    st.session_state[_CHOSEN] = lang
    st.query_params["lang"] = lang


def current() -> str:
    """The language ``choose`` settled on in this run (for page files)."""
    return i18n.language(st.session_state.get(_CHOSEN))
