"""civhub dashboard: ``streamlit run dashboard.py`` (or ``make run``)."""

import streamlit as st

from civhub.ui import language, pages

st.set_page_config(page_title="civhub", layout="wide")
lang = language.choose()
st.navigation(pages.pages(lang)).run()
