"""Network page: the organizations of one municipality tied by the activities they co-organized."""

from __future__ import annotations

import streamlit as st

from civhub import i18n, network
from civhub.ui import banner, connection, downloads, language
from civhub.ui.url_state import url_select

lang = language.current()
banner.synthetic_banner(lang)
st.title(i18n.t("network.title", lang))
st.caption(i18n.t("network.intro", lang))

choices = connection.read_or_stop(network.municipalities, lang, language=lang)
if not choices:
    st.info(i18n.t("network.no_municipalities", lang))
    st.stop()
codes = list(choices)
busiest = connection.read_or_stop(network.busiest, lang)
muni = url_select(st, i18n.t("network.municipality", lang), codes, "muni", choices.__getitem__, codes.index(busiest))

net = connection.read_or_stop(network.network, lang, municipality_code=muni)
if net.nodes.empty:
    st.info(i18n.t("network.empty", lang))
    st.stop()
st.caption(i18n.t("network.summary", lang, organizations=i18n.fmt_int(len(net.nodes), lang),
                  ties=i18n.fmt_int(len(net.edges), lang)))
if net.edges.empty:
    st.info(i18n.t("network.no_ties", lang))
else:
    st.plotly_chart(network.figure(net, network.layout(net), lang), key="network_graph")
    st.caption(i18n.t("network.layout_note", lang))
    st.subheader(i18n.t("network.ties", lang))
    ties = network.ties_table(net, lang)
    st.dataframe(ties, hide_index=True)
    downloads.download_buttons(ties, f"network-ties-{muni}", lang, key="network_ties")

st.subheader(i18n.t("network.organizations", lang))
organizations = network.organizations_table(net, lang)
# st.dataframe shows names as text, never as HTML or markdown.
st.dataframe(organizations, hide_index=True)
downloads.download_buttons(organizations, f"network-organizations-{muni}", lang, key="network_organizations")
