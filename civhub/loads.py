"""What the loads did, as the Data page shows it: history, quarantined rows and data-quality notes.

Reasons and notes are stored as codes with parameters and rendered here in the reader's
language (``civhub.messages``); column names come from the catalogue (``locales/<lang>/data.json``).
The language parameter is called ``language`` because ``civhub.ui.connection.read_or_stop`` takes
``lang`` for its own message.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

import duckdb
import pandas as pd

from civhub import db, i18n
from civhub.messages import render

# A page lists this many rows at most; a file with more says so and the download holds the same rows.
ROWS_SHOWN = 5000


@dataclass(frozen=True)
class Summary:
    """Totals over every load."""

    files: int
    rows_loaded: int  # new or updated
    rows_quarantined: int
    notes: int


def summary(con: duckdb.DuckDBPyConnection) -> Summary:
    """How many files were loaded, rows loaded or updated, rows quarantined and notes written."""
    files, loaded, quarantined, notes = con.execute(db.sql_text("data_summary")).fetchone()
    return Summary(int(files), int(loaded), int(quarantined), int(notes))


def load_history(con: duckdb.DuckDBPyConnection, language: str) -> pd.DataFrame:
    """One row per loaded file, newest first, with the columns named in ``language``."""
    lang = language
    frame = db.query_df(con, "data_loads")
    frame["kind"] = [i18n.label("data.kind", kind, lang) for kind in frame["kind"]]
    frame["finished_at"] = [_when(ts, lang) for ts in frame["finished_at"]]
    frame["sheet"] = frame["sheet"].fillna("")  # a CSV has no sheet: an empty cell, not the word "None"
    return _named(frame, lang)


def quarantine_files(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """The loads with quarantined rows, newest first: ``load_id``, ``file_name``, ``kind``, ``rows_quarantined``."""
    return db.query_df(con, "data_quarantine_files")


def quarantined_rows(
    con: duckdb.DuckDBPyConnection, load_id: int, language: str, limit: int = ROWS_SHOWN
) -> pd.DataFrame:
    """The refused rows of one load, in file order, each with its reason in ``language``."""
    lang = language
    frame = db.query_df(con, "data_quarantine_rows", load_id=load_id, limit=limit)
    reasons = zip(frame["reason"], frame["params"], strict=True)
    frame["reason"] = [render(code, params, lang) for code, params in reasons]
    return _named(frame.drop(columns="params"), lang)


def quality_notes(con: duckdb.DuckDBPyConnection, language: str, limit: int = ROWS_SHOWN) -> pd.DataFrame:
    """Unknown role words and volunteers over 24 hours a day, most rows first, told in ``language``."""
    lang = language
    frame = db.query_df(con, "data_quality_notes", limit=limit)
    frame["note"] = [
        render(note, _localised(note, params, lang), lang)
        for note, params in zip(frame["note"], frame["params"], strict=True)
    ]
    return _named(frame.drop(columns="params"), lang)


def _localised(note: str, params: str, lang: str) -> dict:
    """The note's parameters, with hours and days written as ``lang`` writes them."""
    values = json.loads(params or "{}")
    if note == "over_24h_day":
        values["hours"] = i18n.fmt_dec(float(values["hours"]), lang, 2)
        values["date"] = i18n.fmt_date(dt.date.fromisoformat(values["date"]), lang)
    return values


def _when(moment: pd.Timestamp | None, lang: str) -> str | None:
    if moment is None or pd.isna(moment):
        return None
    return f"{i18n.fmt_date(moment.date(), lang)} {moment:%H:%M}"


def _named(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    return frame.rename(columns={column: i18n.t(f"data.col.{column}", lang) for column in frame.columns})
