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
    rows = published_rows(con, level, period_type, period_start=period_start, area_code=area_code)
    rows["area_name"] = rows["name_en" if lang == "en" else "name_el"]
    table = rows[[*KEY_COLUMNS, "period_start", *indicator_columns()]]
    if level == "municipality":
        peers = db.query_df(
            con, "indicators_peers", period_type=period_type, period_start=period_start, area_code=area_code
        )
        table = _beside(table, peers[[*_PERIOD_KEY, *peer_columns()]])
    return table.drop(columns="period_start")


def _beside(table: pd.DataFrame, peers: pd.DataFrame) -> pd.DataFrame:
    """``table`` with the peer columns of its rows: set beside it when both list the same rows in the same
    order (as the two queries do), which costs a fraction of a merge; merged otherwise."""
    table = table.reset_index(drop=True)
    keys = peers[_PERIOD_KEY].reset_index(drop=True)
    if table[_PERIOD_KEY].equals(keys):
        return pd.concat([table, peers.drop(columns=_PERIOD_KEY).reset_index(drop=True)], axis=1)
    return table.merge(peers, on=_PERIOD_KEY, how="left")


def index_loadings(con: duckdb.DuckDBPyConnection, period_type: str | None = None,
                   period_start: dt.date | None = None) -> pd.DataFrame:
    """The loadings and explained variance of the principal-component index, per period."""
    return db.query_df(con, "indicators_loadings", period_type=period_type, period_start=period_start)


def _check(level: str, period_type: str | None) -> None:
    if level not in LEVELS:
        raise ValueError(f"unknown level {level!r}; expected one of {LEVELS}")
    if period_type is not None and period_type not in PERIOD_TYPES:
        raise ValueError(f"unknown period type {period_type!r}; expected one of {PERIOD_TYPES}")
