"""The national headline figures behind the overview page (``civhub/sql/overview_headline.sql``)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

import duckdb
import pandas as pd

from civhub import db, i18n

# No figure built from fewer distinct volunteers than this is published (privacy rule of the project).
MIN_VOLUNTEERS = 5


@dataclass(frozen=True)
class Headline:
    """What the overview shows; volunteer figures are None when withheld (too few volunteers)."""

    municipalities_in_pact: int
    centres_open: int
    organizations_by_type: tuple[tuple[str, int], ...]  # (type, organizations), most first
    volunteers: int | None
    volunteer_hours: Decimal | None
    people_served: int
    first_date: dt.date | None
    last_date: dt.date | None
    synthetic: bool

    @property
    def organizations(self) -> int:
        return sum(count for _, count in self.organizations_by_type)


def headline(con: duckdb.DuckDBPyConnection, as_of: dt.date) -> Headline:
    """The headline figures of the whole database, with Pacts and Centres counted as of ``as_of``."""
    params = {"as_of": as_of, "min_volunteers": MIN_VOLUNTEERS}
    row = con.execute(db.sql_text("overview_headline"), params).fetchone()
    pact, centres, by_type, volunteers, hours, served, first, last, synthetic = row
    return Headline(
        municipalities_in_pact=pact,
        centres_open=centres,
        organizations_by_type=tuple((item["type"], item["organizations"]) for item in by_type or ()),
        volunteers=volunteers,
        volunteer_hours=hours,
        people_served=int(served),
        first_date=first,
        last_date=last,
        synthetic=synthetic,
    )


def organizations_table(figures: Headline, lang: str) -> pd.DataFrame:
    """Organizations per type, most first, with the type and the column names in ``lang``."""
    columns = [i18n.t("overview.type_column", lang), i18n.t("overview.count_column", lang)]
    rows = [(i18n.label("org_type", kind, lang), count) for kind, count in figures.organizations_by_type]
    return pd.DataFrame(rows, columns=columns)
