"""What the Methodology page shows: the indicators of the registry and the reference values behind them.

Indicator texts come from ``civhub.indicators.registry`` (which holds both languages); the words
around them, and the names of role categories, service units and space kinds, from the catalogue
(``locales/<lang>/methodology.json``). The language parameter is called ``language`` because
``civhub.ui.connection.read_or_stop`` takes ``lang`` for its own message.
"""

from __future__ import annotations

import datetime as dt

import duckdb
import pandas as pd

from civhub import db, i18n
from civhub.indicators.registry import GROUPS, INDICATORS, SOURCES, UNITS

_DIRECTIONS = {True: "higher", False: "lower", None: "neither"}
# A Greek ";" is a question mark: lists take the ano teleia.
_SEPARATORS = {"el": "· ", "en": "; "}


def indicators(language: str, group: str | None = None) -> pd.DataFrame:
    """Every indicator (of ``group``, when given) in registry order: key, label, group, definition, unit,
    direction and sources in ``language``."""
    lang = i18n.language(language)
    rows = [
        {
            "key": ind.key,
            "label": ind.label(lang),
            "group": GROUPS[ind.group][lang],
            "definition": ind.formula(lang),
            "unit": UNITS[ind.unit][lang],
            "direction": i18n.t(f"methodology.direction.{_DIRECTIONS[ind.higher_is_better]}", lang),
            "sources": _SEPARATORS[lang].join(SOURCES[source][lang] for source in ind.sources),
        }
        for ind in INDICATORS
        if group is None or ind.group == group
    ]
    return _named(pd.DataFrame(rows, columns=list(_COLUMNS_INDICATORS)), lang)


def rates_in_force(con: duckdb.DuckDBPyConnection, language: str, as_of: dt.date) -> pd.DataFrame:
    """The hourly valuation rates in force on ``as_of``, one row per role category."""
    lang = i18n.language(language)
    frame = db.query_df(con, "reference_rates", as_of=as_of)
    frame["role_category"] = [i18n.label("methodology.role", code, lang) for code in frame["role_category"]]
    frame["valid_from"] = [i18n.fmt_date(day, lang) for day in frame["valid_from"]]
    return _named(_euros(frame, ["low_eur", "central_eur", "high_eur"]), lang)


def service_unit_costs(con: duckdb.DuckDBPyConnection, language: str) -> pd.DataFrame:
    """The euro value of one unit of each service, with its source."""
    lang = i18n.language(language)
    frame = db.query_df(con, "reference_service_costs")
    frame["service_unit"] = [i18n.label("methodology.unit", code, lang) for code in frame["service_unit"]]
    frame["is_assumption"] = [_yes_no(flag, lang) for flag in frame["is_assumption"]]
    return _named(_euros(frame, ["eur_per_unit"]), lang)


def space_rents(con: duckdb.DuckDBPyConnection, language: str) -> pd.DataFrame:
    """The imputed monthly rent of municipal space per kind and size unit, with its source."""
    lang = i18n.language(language)
    frame = db.query_df(con, "reference_space_rent")
    frame["kind"] = [i18n.label("methodology.space", code, lang) for code in frame["kind"]]
    frame["size_unit"] = [i18n.label("methodology.size", code, lang) for code in frame["size_unit"]]
    frame["is_assumption"] = [_yes_no(flag, lang) for flag in frame["is_assumption"]]
    return _named(_euros(frame, ["eur_per_unit_month"]), lang)


_COLUMNS_INDICATORS = ("key", "label", "group", "definition", "unit", "direction", "sources")


def _euros(frame: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    # DECIMAL arrives as Python Decimal objects; as floats the tables sort and export as numbers.
    for column in columns:
        frame[column] = frame[column].astype(float)
    return frame


def _yes_no(flag: bool, lang: str) -> str:
    return i18n.t("methodology.yes" if flag else "methodology.no", lang)


def _named(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    return frame.rename(columns={column: i18n.t(f"methodology.col.{column}", lang) for column in frame.columns})
