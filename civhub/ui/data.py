"""Data page: what was loaded, the rows refused and why, data-quality notes, and blank templates."""

from __future__ import annotations

import streamlit as st

from civhub import i18n, loads, templates
from civhub.ui import banner, connection, downloads, language

lang = language.current()
banner.synthetic_banner(lang)
st.title(i18n.t("data.title", lang))
st.caption(i18n.t("data.intro", lang))

totals = connection.read_or_stop(loads.summary, lang)
files, loaded, refused, notes = st.columns(4)
files.metric(i18n.t("data.files", lang), i18n.fmt_int(totals.files, lang))
loaded.metric(i18n.t("data.rows_loaded", lang), i18n.fmt_int(totals.rows_loaded, lang))
refused.metric(i18n.t("data.rows_quarantined", lang), i18n.fmt_int(totals.rows_quarantined, lang))
notes.metric(i18n.t("data.notes", lang), i18n.fmt_int(totals.notes, lang))

st.subheader(i18n.t("data.history", lang))
if totals.files == 0:
    st.info(i18n.t("data.no_loads", lang))
else:
    history = connection.read_or_stop(loads.load_history, lang, language=lang)
    st.dataframe(history, hide_index=True)
    downloads.download_buttons(history, "load_history", lang, key="history")

st.subheader(i18n.t("data.quarantine", lang))
st.caption(i18n.t("data.quarantine_help", lang))
refused_files = connection.read_or_stop(loads.quarantine_files, lang)
if refused_files.empty:
    st.info(i18n.t("data.no_quarantine", lang))
else:
    labels = {
        row.load_id: i18n.t("data.file_choice", lang, load_id=row.load_id, file=row.file_name,
                            rows=i18n.fmt_int(row.rows_quarantined, lang))
        for row in refused_files.itertuples()
    }
    chosen = st.selectbox(i18n.t("data.file", lang), list(labels), format_func=labels.__getitem__, key="data_file")
    rows = connection.read_or_stop(loads.quarantined_rows, lang, load_id=int(chosen), language=lang)
    st.dataframe(rows, hide_index=True)
    if len(rows) == loads.ROWS_SHOWN:
        st.caption(i18n.t("data.rows_cut", lang, shown=i18n.fmt_int(loads.ROWS_SHOWN, lang)))
    downloads.download_buttons(rows, f"quarantine_{chosen}", lang, key="quarantine")

st.subheader(i18n.t("data.quality", lang))
st.caption(i18n.t("data.quality_help", lang))
quality = connection.read_or_stop(loads.quality_notes, lang, language=lang)
if quality.empty:
    st.info(i18n.t("data.no_notes", lang))
else:
    st.dataframe(quality, hide_index=True)
    if len(quality) == loads.ROWS_SHOWN:
        st.caption(i18n.t("data.rows_cut", lang, shown=i18n.fmt_int(loads.ROWS_SHOWN, lang)))
    downloads.download_buttons(quality, "quality_notes", lang, key="quality")

st.subheader(i18n.t("data.templates", lang))
st.caption(i18n.t("data.templates_help", lang))
for template in templates.templates(lang):
    row = st.container(horizontal=True, vertical_alignment="center")
    row.text(i18n.label("data.kind", template.kind, lang))
    downloads.file_buttons(template.csv, template.xlsx, lang, key=f"template_{template.kind}", container=row)
