"""Methodology page: every indicator of the registry, and the valuation rates, unit costs and rents in force."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from civhub import i18n, markdown, reference
from civhub.indicators.registry import GROUPS
from civhub.methodology import PRINCIPLES
from civhub.ui import banner, connection, downloads, language

lang = language.current()
banner.synthetic_banner(lang)
st.title(i18n.t("methodology.title", lang))
st.caption(i18n.t("methodology.intro", lang))

with st.expander(i18n.t("methodology.principles", lang)):
    # The principles are the project's own Markdown (civhub/methodology.py), never data.
    st.markdown("\n".join(f"- {paragraph}" for paragraph in PRINCIPLES[lang]))
    st.caption(i18n.t("methodology.document", lang))

st.subheader(i18n.t("methodology.indicators", lang))
group = st.segmented_control(
    i18n.t("methodology.group", lang), list(GROUPS), format_func=lambda key: GROUPS[key][lang], key="methodology_group"
)
table = reference.indicators(lang, group)
for entry in table.itertuples(index=False, name=None):
    key, label, group_name, definition, unit, direction, sources = entry
    with st.expander(markdown.escape(f"{label} ({group_name})")):
        fields = (("definition", definition), ("unit", unit), ("direction", direction), ("sources", sources))
        st.markdown("  \n".join(
            f"**{i18n.t(f'methodology.col.{name}', lang)}:** {markdown.escape(value)}" for name, value in fields
        ))
        st.caption(i18n.t("methodology.column", lang, column=key))
downloads.download_buttons(table, "indicators", lang, key="indicators")

st.subheader(i18n.t("methodology.rates", lang))
st.caption(i18n.t("methodology.rates_help", lang))
# Streamlit's default earliest day is ten years back; the rates go back to 2011 and earlier days explain themselves.
as_of = st.date_input(i18n.t("methodology.as_of", lang), value=dt.date.today(), min_value=dt.date(2000, 1, 1),
                      format="DD/MM/YYYY", key="methodology_as_of")
rates = connection.read_or_stop(reference.rates_in_force, lang, language=lang, as_of=as_of)
if rates.empty:
    st.info(i18n.t("methodology.no_rates", lang, day=i18n.fmt_date(as_of, lang)))
else:
    st.dataframe(rates, hide_index=True)
    downloads.download_buttons(rates, f"valuation_rates_{as_of.isoformat()}", lang, key="rates")

st.subheader(i18n.t("methodology.costs", lang))
costs = connection.read_or_stop(reference.service_unit_costs, lang, language=lang)
if costs.empty:
    st.info(i18n.t("common.empty_table", lang))
else:
    st.dataframe(costs, hide_index=True)
    downloads.download_buttons(costs, "service_unit_costs", lang, key="costs")

st.subheader(i18n.t("methodology.rents", lang))
rents = connection.read_or_stop(reference.space_rents, lang, language=lang)
if rents.empty:
    st.info(i18n.t("common.empty_table", lang))
else:
    st.dataframe(rents, hide_index=True)
    downloads.download_buttons(rents, "space_rent", lang, key="rents")
