"""The profile of one municipality: who it is, every indicator beside its peers, and what its organizations do.

Indicator cells come from ``civhub.indicators.table.indicator_table``, so suppression is already applied;
the rest is counted from the records by the ``civhub/sql/profile_*.sql`` queries.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import duckdb
import pandas as pd

from civhub import db, i18n
from civhub.charts import NO_FIGURE, cell_text, numbers
from civhub.indicators.registry import INDICATORS, UNITS, indicator
from civhub.indicators.structures import structures
from civhub.indicators.table import indicator_table
from civhub.peers import PEER_GROUP_LABELS

VALUE = "volunteer_value_eur"


@dataclass(frozen=True)
class Summary:
    code: str
    name: str
    region: str
    population: int
    peer_group: str | None  # the label in the page's language
    pact_signed_on: dt.date | None
    centre_opened_on: dt.date | None


def summary(con: duckdb.DuckDBPyConnection, code: str, language: str) -> Summary | None:
    """Names, region, population, peer group and Pact and Centre dates of ``code``; None for an unknown code."""
    lang = language
    rows = db.query_df(con, "profile_summary", code=code)
    if rows.empty:
        return None
    row = rows.iloc[0]
    english = lang == "en"
    group = row["peer_group"]
    return Summary(
        code=row["code"],
        name=row["name_en" if english else "name_el"],
        region=row["region_en" if english else "region_el"],
        population=int(row["population"]),
        peer_group=None if pd.isna(group) else PEER_GROUP_LABELS[group][lang],
        pact_signed_on=_date(row["pact_signed_on"]),
        centre_opened_on=_date(row["centre_opened_on"]),
    )


def indicator_history(con: duckdb.DuckDBPyConnection, code: str, period_type: str) -> pd.DataFrame:
    """Every period of ``code`` in the published indicator table (with peer medians and ranks), oldest first."""
    table = indicator_table(con, "municipality", period_type, area_code=code)
    return table[table["area_code"] == code].reset_index(drop=True)


def indicators(history: pd.DataFrame, period: str, lang: str) -> pd.DataFrame:
    """One row per indicator for ``period`` (a label such as "2024"): value, unit, peer median, rank, trend.

    Values are text in ``lang`` ("<5" where withheld); the trend lists the published values of the
    periods in order, leaving out the withheld and empty ones (a table's line chart cannot draw a gap;
    the trend chart of the page shows them).
    """
    current = history[history["period"] == period]
    row = current.iloc[0] if len(current) else None
    records = []
    for entry in INDICATORS:
        rank = None if row is None else row[f"{entry.key}_peer_rank"]
        records.append({
            _t("column_indicator", lang): entry.label(lang),
            _t("column_value", lang): NO_FIGURE if row is None else cell_text(row[entry.key], lang),
            _t("column_unit", lang): UNITS[entry.unit][lang],
            _t("column_peer_median", lang): (
                NO_FIGURE if row is None else cell_text(row[f"{entry.key}_peer_median"], lang)
            ),
            _t("column_rank", lang): _rank_text(rank, None if row is None else row[f"{entry.key}_peer_count"], lang),
            _t("column_trend", lang): [float(v) for v in numbers(history[entry.key]) if not pd.isna(v)],
        })
    return pd.DataFrame(records)


def _rank_text(rank: object, ranked: object, lang: str) -> str:
    """'3 of 41': the rank and how many municipalities of the peer group were ranked."""
    if rank is None or pd.isna(rank):
        return NO_FIGURE
    numbers = {"rank": i18n.fmt_int(int(rank), lang), "ranked": i18n.fmt_int(int(ranked), lang)}
    return i18n.t("municipality.rank_of", lang, **numbers)


def value_range(history: pd.DataFrame, period: str) -> tuple[object, object, object] | None:
    """The value of volunteer work in ``period`` as published cells (low, central, high); None without a row."""
    current = history[history["period"] == period]
    if current.empty:
        return None
    entry = indicator(VALUE)
    row = current.iloc[0]
    return row[entry.low_column], row[entry.column], row[entry.high_column]


def trend(history: pd.DataFrame, key: str, name: str, lang: str) -> pd.DataFrame:
    """The lines of one indicator over the periods: the municipality's and its peer group's median."""
    municipality = pd.DataFrame({"period": history["period"], "value": history[key], "series": name})
    peers = pd.DataFrame(
        {"period": history["period"], "value": history[f"{key}_peer_median"], "series": _t("peer_median", lang)}
    )
    return pd.concat([municipality, peers], ignore_index=True)


def organizations_by_type(con: duckdb.DuckDBPyConnection, code: str, language: str) -> pd.DataFrame:
    """The organizations of ``code`` per type, most first, named in ``language``."""
    lang = language
    found = structures(con, code)
    counts = found[0].organizations if found else {}
    rows = sorted(((i18n.label("org_type", kind, lang), n) for kind, n in counts.items()), key=lambda r: (-r[1], r[0]))
    return pd.DataFrame(rows, columns=[_t("column_type", lang), _t("column_organizations", lang)])


def activities_by_category(con: duckdb.DuckDBPyConnection, code: str, language: str) -> pd.DataFrame:
    """The activities led in ``code`` per category (named in ``language``) with the people they served."""
    lang = language
    frame = db.query_df(con, "profile_activities", code=code)
    return pd.DataFrame({
        _t("column_category", lang): [_t(f"category.{c}", lang) for c in frame["category"]],
        _t("column_activities", lang): frame["activities"].astype("int64"),
        _t("column_beneficiaries", lang): frame["beneficiaries"].astype("int64"),
    })


def spaces(con: duckdb.DuckDBPyConnection, code: str, language: str) -> pd.DataFrame:
    """The municipal spaces of ``code``: name, kind, size, availability, the host and the activities held."""
    lang = language
    frame = db.query_df(con, "profile_spaces", code=code)
    return pd.DataFrame({
        _t("column_space", lang): frame["name"],
        _t("column_kind", lang): [_t(f"space_kind.{k}", lang) for k in frame["kind"]],
        _t("column_size", lang): [
            f"{i18n.fmt_dec(size, lang, 0 if float(size).is_integer() else 1)} {_t(f'size_unit.{unit}', lang)}"
            for size, unit in zip(frame["size"], frame["size_unit"], strict=True)
        ],
        _t("column_from", lang): [i18n.fmt_date(_date(d), lang) for d in frame["available_from"]],
        _t("column_to", lang): [NO_FIGURE if _date(d) is None else i18n.fmt_date(_date(d), lang)
                                for d in frame["available_to"]],
        _t("column_host", lang): frame["host"].fillna(NO_FIGURE),
        _t("column_activities", lang): frame["activities"].astype("int64"),
    })


def _t(key: str, lang: str) -> str:
    return i18n.t(f"municipality.{key}", lang)


def _date(value: object) -> dt.date | None:
    return None if value is None or pd.isna(value) else pd.Timestamp(value).date()
