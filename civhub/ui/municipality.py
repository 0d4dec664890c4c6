"""Municipality page: the profile of one municipality (``?muni=<code>``): its indicators beside its peers,
the value of its volunteer work, its organizations, activities and spaces, and its Pact and Centre."""

from __future__ import annotations

import streamlit as st

from civhub import charts, i18n, maps, profile
from civhub.indicators.registry import INDICATORS, indicator
from civhub.indicators.table import PERIOD_TYPES
from civhub.ui import banner, connection, downloads, language
from civhub.ui.url_state import url_select


def t(key: str, **params: object) -> str:
    return i18n.t(f"municipality.{key}", lang, **params)


def date_or(value, missing: str) -> str:
    return t(missing) if value is None else i18n.fmt_date(value, lang)


def table_with_downloads(frame, title: str, empty: str, key: str, chart_value: str | None = None) -> None:
    """A section: its title, a bar chart of ``chart_value`` when given, the table and its downloads."""
    st.subheader(title)
    if frame.empty:
        st.info(t(empty))
        return
    if chart_value is not None:
        label = frame.columns[0]
        st.plotly_chart(charts.bars(frame, label, chart_value, chart_value, lang), key=f"{key}_chart")
    st.dataframe(frame, hide_index=True)
    downloads.download_buttons(frame, f"{title} {name}", lang, key=key)


def indicator_sections(history, period: str) -> None:
    """The indicators of ``period`` beside the peers, the value of volunteer work, and one indicator's trend."""
    st.subheader(t("indicators", period=period))
    table = profile.indicators(history, period, lang)
    st.dataframe(table, hide_index=True, column_config={t("column_trend"): st.column_config.LineChartColumn()})
    st.caption(t("indicators_caption"))
    downloads.download_buttons(table.drop(columns=t("column_trend")), f"{name} {period}", lang,
                               key="profile_indicators")

    st.subheader(t("value", period=period))
    bounds = profile.value_range(history, period)
    for column, label, cell in zip(st.columns(3), ("value_low", "value_central", "value_high"), bounds, strict=True):
        column.metric(t(label), charts.cell_text(cell, lang))
    st.caption(t("value_caption"))

    key = url_select(st, t("trend_indicator"), [e.key for e in INDICATORS], "ind", lambda k: indicator(k).label(lang))
    label = indicator(key).label(lang)
    st.subheader(t("trend", indicator=label))
    lines = profile.trend(history, key, name, lang)
    if charts.drawable(lines["value"]):
        st.plotly_chart(charts.trend(lines, label, lang), key="profile_trend")
        downloads.download_buttons(lines, f"{name} {label}", lang, key="profile_trend")
    else:
        st.info(t("no_trend"))


lang = language.current()
banner.synthetic_banner(lang)
st.title(t("title"))

if not connection.read_or_stop(maps.indicators_ready, lang):
    st.info(t("no_indicators"))
    st.stop()

areas = connection.read_or_stop(maps.areas, lang)
names = dict(zip(areas["area_code"], areas["name_en" if lang == "en" else "name_el"], strict=True))
requested = st.query_params.get("muni")
if requested and requested not in names:
    st.warning(t("unknown", code=requested))
code = url_select(st, t("choose"), list(names), "muni", lambda c: f"{names[c]} ({c})", None,
                  placeholder=t("choose_prompt"))
if code is None:
    st.info(t("empty"))
    st.stop()
name = names[code]

summary = connection.read_or_stop(profile.summary, lang, code=code, language=lang)
# Each fact as wide as its value, wrapping to a new line when the row is full: in fixed columns long values
# (a peer group, "Not signed") were cut short.
facts = st.container(horizontal=True, gap="medium")
facts.metric(t("region"), summary.region, width="content")
facts.metric(t("population"), i18n.fmt_int(summary.population, lang), width="content")
facts.metric(t("peer_group"), summary.peer_group or t("no_peer_group"), width="content")
facts.metric(t("pact"), date_or(summary.pact_signed_on, "not_signed"), width="content")
facts.metric(t("centre"), date_or(summary.centre_opened_on, "not_opened"), width="content")

choose_type, choose_period = st.columns(2)
period_type = url_select(choose_type, t("period_type"), list(PERIOD_TYPES), "period", lambda p: t(f"period_type_{p}"))
history = connection.read_or_stop(profile.indicator_history, lang, code=code, period_type=period_type)
periods = connection.read_or_stop(maps.periods, lang, period_type=period_type)
labels = {d.isoformat(): p for d, p in zip(periods["period_start"], periods["period"], strict=True)
          if p in set(history["period"])}
if labels:
    at = url_select(choose_period, t("at"), list(labels), "at", labels.__getitem__, len(labels) - 1)
    indicator_sections(history, labels[at])
else:
    # Its organizations, activities and spaces may still have been loaded: they follow.
    st.info(t("no_periods"))

organizations = connection.read_or_stop(profile.organizations_by_type, lang, code=code, language=lang)
table_with_downloads(organizations, t("organizations"), "no_organizations", "profile_organizations",
                     chart_value=t("column_organizations"))
activities = connection.read_or_stop(profile.activities_by_category, lang, code=code, language=lang)
table_with_downloads(activities, t("activities"), "no_activities", "profile_activities",
                     chart_value=t("column_activities"))
spaces = connection.read_or_stop(profile.spaces, lang, code=code, language=lang)
table_with_downloads(spaces, t("spaces"), "no_spaces", "profile_spaces")
