"""View state kept in the URL as codes, so that a copied link opens the same view in either language."""

from __future__ import annotations

import contextlib

import streamlit as st
from streamlit.errors import StreamlitAPIException


def url_select(where, label: str, options: list, key: str, format_func, default_index: int | None = 0, **widget):
    """A drop-down whose choice lives in the URL under ``key`` as the option itself (a code, not its label).

    Streamlit's own binding writes the shown label to the URL, which would tie a link to one language.
    ``default_index=None`` starts with nothing chosen (pass a ``placeholder``).
    """
    if st.session_state.get(key) not in options:
        wanted = st.query_params.get(key)
        if wanted in options:
            st.session_state[key] = wanted
        elif default_index is not None:
            st.session_state[key] = options[default_index]
        else:
            st.session_state.pop(key, None)
    if key not in st.session_state:
        widget["index"] = None
    value = where.selectbox(label, options, key=key, format_func=format_func, **widget)
    # Another page of this session may have bound the same key to its widget; its binding keeps the URL.
    with contextlib.suppress(StreamlitAPIException):
        if value is None:
            st.query_params.pop(key, None)
        else:
            st.query_params[key] = value
    return value
