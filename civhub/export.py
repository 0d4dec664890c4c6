"""Tables written as files people open in a spreadsheet: CSV (UTF-8 with BOM) and XLSX.

A spreadsheet runs a cell that starts with ``=``, ``+``, ``-`` or ``@`` as a formula, and one
that starts with a TAB or CR can be turned into one; a name typed by a submitter must never
run on an analyst's machine. ``neutralise`` puts an apostrophe before such text, so it shows
as written. Numbers are left as numbers: a negative figure is data, not a formula.

Small-number protection is not done here: the tables handed over are already published ones
(``civhub.indicators.published.publish``, the one read path of volunteer-based figures), whose
withheld cells hold ``"<5"``.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import re

import numpy as np
import pandas as pd
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

DANGEROUS_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
_SHEET_MAX = 31


def neutralise(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` in which no text cell (nor column name) starts as a formula would.

    A cell holding a list (a DuckDB array) becomes its items joined by ", ", then is checked as text.
    """
    safe = frame.copy()
    safe.columns = [_safe_text(c) if isinstance(c, str) else c for c in frame.columns]
    for position, column in enumerate(frame.columns):
        series = frame.iloc[:, position]
        if _holds_text(series):
            cells = [_safe_cell(v) for v in series.astype(object)]
            safe.isetitem(position, pd.Series(cells, index=frame.index, dtype=object, name=column))
    return safe


def to_csv_bytes(frame: pd.DataFrame) -> bytes:
    """CSV in UTF-8 with a byte-order mark, so Greek Excel reads the Greek as Greek."""
    text = neutralise(frame).to_csv(index=False, lineterminator="\r\n")
    return text.encode("utf-8-sig")


def to_xlsx_bytes(frame: pd.DataFrame, sheet: str) -> bytes:
    """One worksheet named ``sheet`` (cut to what Excel allows) with a header row and the table's cells."""
    table = neutralise(frame)
    book = Workbook()
    ws = book.active
    ws.title = sheet_name(sheet)
    ws.append([_text_cell(str(c)) for c in table.columns])
    for row in table.itertuples(index=False, name=None):
        ws.append([_cell(v) for v in row])
    ws.freeze_panes = "A2"
    for row in ws.iter_rows():
        for cell in row:
            if isinstance(cell.value, str):
                # openpyxl stores a string starting with "=" as a formula unless told it is text.
                cell.data_type = "s"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def sheet_name(name: str) -> str:
    """``name`` without the characters Excel forbids in a sheet name, at most 31 characters, never empty."""
    cleaned = _SHEET_FORBIDDEN.sub(" ", name).strip().strip("'")[:_SHEET_MAX].strip()
    return cleaned or "data"


def _holds_text(series: pd.Series) -> bool:
    if pd.api.types.is_bool_dtype(series) or pd.api.types.is_numeric_dtype(series):
        return False
    return not pd.api.types.is_datetime64_any_dtype(series)


def _safe_text(text: str) -> str:
    return "'" + text if text.startswith(DANGEROUS_PREFIXES) else text


def _safe_cell(value: object) -> object:
    if isinstance(value, list | tuple | np.ndarray):
        value = ", ".join(map(str, value))
    return _safe_text(value) if isinstance(value, str) else value


def _text_cell(text: str) -> str:
    # Control characters other than TAB, LF and CR make the workbook unreadable; taking them out
    # may bare a formula prefix, so the text is checked again.
    return _safe_text(ILLEGAL_CHARACTERS_RE.sub("", text))


def _cell(value: object) -> object:
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, str):
        return _text_cell(value)
    if isinstance(value, pd.Timestamp):
        value = value.to_pydatetime()
    if isinstance(value, dt.datetime) and value.tzinfo is not None:
        # Excel has no time zones: the time is written as UTC.
        return value.astimezone(dt.UTC).replace(tzinfo=None)
    if isinstance(value, np.generic):
        return value.item()
    return value
