"""Overview page: the national headline figures of the current database."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from civhub import i18n, overview
from civhub.ui import connection, language

lang = language.current()
st.title(i18n.t("overview.title", lang))
st.caption(i18n.t("overview.intro", lang))

figures = connection.read_or_stop(overview.headline, lang, as_of=dt.date.today())

if figures.synthetic:
    st.warning(i18n.t("data.synthetic", lang))
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
    # st.dataframe renders cells as text, never as HTML, whatever a type was written as.
    st.dataframe(overview.organizations_table(figures, lang), hide_index=True, width="content")
else:
    st.caption(i18n.t("overview.no_organizations", lang))
