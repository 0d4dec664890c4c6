"""Explore page: any two indicators of the municipalities side by side, their spread by peer group, the table."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from civhub import explore, i18n, maps
from civhub.indicators.registry import INDICATORS, indicator
from civhub.indicators.table import PERIOD_TYPES
from civhub.ui import banner, click_through, connection, downloads, language
from civhub.ui.url_state import url_select

lang = language.current()
banner.synthetic_banner(lang)
st.title(i18n.t("explore.title", lang))
st.caption(i18n.t("explore.intro", lang))

if not connection.read_or_stop(maps.indicators_ready, lang):
    st.info(i18n.t("explore.no_indicators", lang))
    st.stop()

keys = [entry.key for entry in INDICATORS]
first, second = st.columns(2)
x = url_select(first, i18n.t("explore.indicator_x", lang), keys, "ind", lambda key: indicator(key).label(lang))
y = url_select(second, i18n.t("explore.indicator_y", lang), keys, "ind2", lambda key: indicator(key).label(lang), 1)

kind, when, narrow, colour_by, axes = st.columns(5)
period_type = url_select(kind, i18n.t("explore.period_type", lang), list(PERIOD_TYPES), "period",
                         lambda p: i18n.t(f"explore.period_type_{p}", lang))
periods = connection.read_or_stop(explore.periods, lang, period_type=period_type)
if not periods:
    st.info(i18n.t("explore.no_periods", lang))
    st.stop()
at = url_select(when, i18n.t("explore.period_start", lang), list(periods), "at", periods.__getitem__)
choices = connection.read_or_stop(explore.group_choices, lang, language=lang)
group = url_select(narrow, i18n.t("explore.group", lang), list(choices), "group", choices.__getitem__)
colour = colour_by.selectbox(i18n.t("explore.colour", lang), explore.COLOURS, key="explore_colour",
                             format_func=lambda c: i18n.t(f"explore.colour_{c}", lang))
scale = url_select(axes, i18n.t("explore.scale", lang), list(explore.SCALES), "scale",
                   lambda s: i18n.t(f"explore.scale_{s}", lang))

frame = connection.read_or_stop(explore.selection, lang, period_type=period_type,
                                period_start=dt.date.fromisoformat(at), group=group, language=lang)
published = len(explore.plotted(frame, x, y))
shown = len(explore.on_scale(frame, x, y, scale))
if published == 0:
    st.info(i18n.t("explore.empty", lang))
else:
    st.subheader(i18n.t("explore.scatter", lang))
    help_text = i18n.t("explore.scatter_help", lang, shown=i18n.fmt_int(shown, lang),
                       total=i18n.fmt_int(len(frame), lang))
    if published > shown:
        help_text += " " + i18n.t("explore.log_left_out", lang, n=i18n.fmt_int(published - shown, lang))
    st.caption(help_text)
    event = st.plotly_chart(explore.scatter(frame, x, y, colour, lang, scale), key="explore_scatter",
                            on_select="rerun", selection_mode="points")
    click_through.open_clicked(event, lang)
    for key in dict.fromkeys((x, y)):
        st.subheader(i18n.t("explore.distributions", lang, indicator=indicator(key).label(lang)))
        st.plotly_chart(explore.distributions(frame, key, lang), key=f"explore_box_{key}")

# Rows without both values still show what was published for them ("<5" included); no row, no table.
if not frame.empty:
    st.subheader(i18n.t("explore.table", lang))
    selection = explore.table(frame, [x, y], lang)
    # st.dataframe shows every cell as text, whatever a name from the data holds.
    st.dataframe(selection, hide_index=True)
    downloads.download_buttons(selection, f"explore-{x}-{y}-{at}", lang, key="explore_table")
