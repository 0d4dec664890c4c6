"""Overview page: the national headline figures, the nation's change in a period, the map of any indicator,
the ranking of the areas and the national and regional trend."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from civhub import charts, i18n, maps, overview, ranking
from civhub.indicators.registry import INDICATORS, UNITS, indicator
from civhub.indicators.table import PERIOD_TYPES
from civhub.ui import banner, click_through, connection, downloads, language, overview_figures
from civhub.ui.url_state import url_select

# The type column's width: pixels per character of the longest type name at the table's font, and the cell's padding.
TYPE_CHAR_PX, TYPE_PAD_PX = 8, 24

lang = language.current()
# Taken before any read, so that the figures kept for this run are never filed under a newer database.
version = connection.version()
banner.synthetic_banner(lang)
st.title(i18n.t("overview.title", lang))
st.caption(i18n.t("overview.intro", lang))

figures = connection.read_or_stop(overview.headline, lang, as_of=dt.date.today())

if figures.first_date is None:
    st.caption(i18n.t("overview.no_dates", lang))
else:
    start, end = (i18n.fmt_date(d, lang) for d in (figures.first_date, figures.last_date))
    st.caption(i18n.t("overview.date_range", lang, start=start, end=end))

withheld = i18n.t("overview.suppressed", lang)
pact, centres, organizations = st.columns(3)
pact.metric(i18n.t("overview.pact", lang), i18n.fmt_int(figures.municipalities_in_pact, lang))
centres.metric(i18n.t("overview.centres", lang), i18n.fmt_int(figures.centres_open, lang))
organizations.metric(i18n.t("overview.organizations", lang), i18n.fmt_int(figures.organizations, lang))

volunteers, hours, served = st.columns(3)
volunteers.metric(
    i18n.t("overview.volunteers", lang),
    withheld if figures.volunteers is None else i18n.fmt_int(figures.volunteers, lang),
    help=i18n.t("overview.volunteers_help", lang),
)
hours.metric(
    i18n.t("overview.hours", lang),
    withheld if figures.volunteer_hours is None else i18n.fmt_dec(figures.volunteer_hours, lang, 1),
)
served.metric(
    i18n.t("overview.served", lang),
    i18n.fmt_int(figures.people_served, lang),
    help=i18n.t("overview.served_help", lang),
)
if figures.volunteers is None:
    st.caption(i18n.t("overview.suppressed_note", lang, min=overview.MIN_VOLUNTEERS))

st.subheader(i18n.t("overview.by_type", lang))
if figures.organizations_by_type:
    by_type = overview.organizations_table(figures, lang)
    # st.dataframe renders cells as text, never as HTML, whatever a type was written as. Its own guess of the
    # column's width cut "Κοινωνική συνεταιριστική επιχείρηση" short: the width is set from the longest name.
    type_column = by_type.columns[0]
    longest = int(by_type[type_column].str.len().max())
    st.dataframe(by_type, hide_index=True, width="content",
                 column_config={type_column: st.column_config.TextColumn(width=TYPE_CHAR_PX * longest + TYPE_PAD_PX)})
    downloads.download_buttons(by_type, i18n.t("overview.by_type", lang), lang, key="overview_by_type")
else:
    st.caption(i18n.t("overview.no_organizations", lang))

if not connection.read_or_stop(maps.indicators_ready, lang):
    st.info(i18n.t("overview.no_indicators", lang))
    st.stop()

choose_indicator, choose_type, choose_period, choose_level = st.columns([3, 1, 1, 1])
key = url_select(choose_indicator, i18n.t("overview.indicator", lang), [e.key for e in INDICATORS], "ind",
                 lambda k: indicator(k).label(lang))
period_type = url_select(choose_type, i18n.t("overview.period_type", lang), list(PERIOD_TYPES), "period",
                         lambda p: i18n.t(f"overview.period_type_{p}", lang))
periods = connection.read_or_stop(maps.periods, lang, period_type=period_type)
if periods.empty:
    st.info(i18n.t("overview.no_periods", lang))
    st.stop()
labels = dict(zip((d.isoformat() for d in periods["period_start"]), periods["period"], strict=True))
at = url_select(choose_period, i18n.t("overview.at", lang), list(labels), "at", labels.__getitem__, len(labels) - 1)
level = url_select(choose_level, i18n.t("overview.level", lang), list(maps.LEVELS), "level",
                   lambda v: i18n.t(f"overview.level_{v}", lang))
period_start, period, entry = dt.date.fromisoformat(at), labels[at], indicator(key)

st.subheader(i18n.t("overview.changes", lang, period=period))
changes = connection.read_or_stop(ranking.national_changes, lang, period_type=period_type, period_start=period_start,
                                  language=lang)
for column, change in zip(st.columns(max(len(changes), 1)), changes, strict=False):
    column.metric(change.label, change.value, delta=change.delta)
st.caption(i18n.t("overview.changes_help", lang))

table = connection.read_or_stop(ranking.period_table, lang, level=level, period_type=period_type,
                                period_start=period_start, language=lang)
areas = connection.read_or_stop(maps.areas, lang) if level == "municipality" else None

st.subheader(i18n.t("overview.map", lang, indicator=entry.label(lang), period=period))
st.caption(i18n.t("overview.unit", lang, unit=UNITS[entry.unit][lang]))
figure = overview_figures.overview_map(table, areas, key, level, period_type, period_start, lang, version)
if figure is None:
    # An all-grey map and a ranking of blanks would say nothing the sentence does not.
    st.info(i18n.t("overview.no_values", lang, period=period))
else:
    # A region is not a municipality: its areas do nothing when clicked.
    clickable = {"on_select": "rerun", "selection_mode": "points"} if level == "municipality" else {}
    event = st.plotly_chart(figure, key=f"overview_map_{level}", config=maps.PLOTLY_CONFIG, **clickable)
    cap = maps.capped_at(figure)
    if cap is not None:
        st.caption(i18n.t("overview.map_capped", lang, value=charts.cell_text(cap, lang),
                          share=100 - maps.COLOUR_PERCENTILE))
    st.caption(i18n.t(f"overview.map_caption_{level}", lang))
    if level == "municipality":
        click_through.open_clicked(event, lang)

    st.subheader(i18n.t("overview.ranking", lang))
    ranked = ranking.ranking(table, areas, key, lang)
    st.dataframe(
        ranked, hide_index=True,
        column_config={
            "area_code": st.column_config.TextColumn(i18n.t("overview.column_code", lang)),
            i18n.t("overview.column_value", lang): st.column_config.NumberColumn(format="localized"),
            i18n.t("overview.column_peer_median", lang): st.column_config.NumberColumn(format="localized"),
        },
    )
    st.caption(i18n.t("overview.ranking_caption", lang))
    downloads.download_buttons(ranked, f"{entry.label(lang)} {period}", lang, key="overview_ranking")

st.subheader(i18n.t("overview.trend", lang, indicator=entry.label(lang)))
trends = connection.read_or_stop(ranking.trend_table, lang, key=key, period_type=period_type, language=lang)
if not charts.drawable(trends["value"]):
    st.info(i18n.t("overview.no_trend", lang))
else:
    regions = dict(zip(trends["area_code"], trends["series"], strict=True))
    regions.pop("GR", None)
    region = st.selectbox(i18n.t("overview.trend_region", lang), [None, *regions], key="overview_region",
                          format_func=lambda c: i18n.t("overview.all_regions", lang) if c is None else regions[c])
    lines = ranking.trend_lines(trends, region)
    if charts.drawable(lines["value"]):
        st.plotly_chart(overview_figures.trend(lines, key, period_type, region, lang, version),
                        key="overview_trend")
        st.caption(i18n.t("overview.trend_caption", lang))
        downloads.download_buttons(lines, i18n.t("overview.trend", lang, indicator=entry.label(lang)), lang,
                                   key="overview_trend")
    else:
        st.info(i18n.t("overview.no_trend_region", lang))
