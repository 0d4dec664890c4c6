"""The indicator table as pages, exports and the command line show it.

One row per area and period, one column per indicator (and the bounds of a range), the cells
published through ``civhub.indicators.published.publish``; for municipalities, each indicator's
median over the peer group, the municipality's rank in it and how many of the group were ranked.
"""

from __future__ import annotations

import datetime as dt

import duckdb
import pandas as pd

from civhub import db
from civhub.indicators.published import FLAGS, RETENTION, peer_columns, protected_columns, publish
from civhub.indicators.registry import INDICATORS

LEVELS = ("municipality", "region", "national")
PERIOD_TYPES = ("year", "quarter", "month")
KEY_COLUMNS = ["level", "area_code", "area_name", "period_type", "period"]
_PERIOD_KEY = ["area_code", "period_type", "period_start"]


def indicator_columns() -> list[str]:
    """Every column of an indicator, in registry order."""
    return [column for indicator in INDICATORS for column in indicator.columns]


def published_rows(
    con: duckdb.DuckDBPyConnection,
    level: str,
    period_type: str | None = None,
    *,
    period_start: dt.date | None = None,
    area_code: str | None = None,
    columns: list[str] | None = None,
) -> pd.DataFrame:
    """Rows of ``mart_indicators`` (with the index) of ``level``, fit to publish; every period type when None.

    ``columns``: only these columns besides the area and period (what ``publish`` reads is read too), which
    costs less when the caller wants a few of them.
    """
    _check(level, period_type)
    params = {"level": level, "period_type": period_type, "period_start": period_start, "area_code": area_code}
    if columns is None:
        return publish(db.query_df(con, "indicators_table", **params))
    wanted = [*_PERIOD_KEY, *FLAGS, *protected_columns(), RETENTION, *columns]
    return publish(con.sql(db.sql_text("indicators_table"), params=params).select(*dict.fromkeys(wanted)).df())


def indicator_table(
    con: duckdb.DuckDBPyConnection,
    level: str,
    period_type: str,
    *,
    period_start: dt.date | None = None,
    area_code: str | None = None,
    lang: str = "el",
) -> pd.DataFrame:
    """The published indicator table of one level and period type (one period or area when given)."""
    _check(level, period_type)
    params = {"period_type": period_type, "period_start": period_start, "area_code": area_code}
    if level == "municipality":
        rows = publish(db.query_df(con, "indicators_peers", **params))
        peers = peer_columns()
    else:
        rows = publish(db.query_df(con, "indicators_table", level=level, **params))
        peers = []
    rows["area_name"] = rows["name_en" if lang == "en" else "name_el"]
    return rows[[*KEY_COLUMNS, *indicator_columns(), *peers]]


def index_loadings(con: duckdb.DuckDBPyConnection, period_type: str | None = None,
                   period_start: dt.date | None = None) -> pd.DataFrame:
    """The loadings and explained variance of the principal-component index, per period."""
    return db.query_df(con, "indicators_loadings", period_type=period_type, period_start=period_start)


def _check(level: str, period_type: str | None) -> None:
    if level not in LEVELS:
        raise ValueError(f"unknown level {level!r}; expected one of {LEVELS}")
    if period_type is not None and period_type not in PERIOD_TYPES:
        raise ValueError(f"unknown period type {period_type!r}; expected one of {PERIOD_TYPES}")
