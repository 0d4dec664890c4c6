"""CSV and XLSX exports: formula prefixes neutralised, Greek intact, numbers kept, small numbers withheld."""

from __future__ import annotations

import csv
import datetime as dt
import io
from decimal import Decimal

import numpy as np
import pandas as pd
import pytest
from openpyxl import load_workbook

from civhub import export

BOM = b"\xef\xbb\xbf"


def frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Δήμος": ["Κομοτηνής", "=HYPERLINK(\"http://x\")", "+30 2531", "-2+3", "@SUM(A1)", "\tTAB", "\rCR", "a=b"],
            "Ώρες": [19.5, -4.0, 0.0, 1.25, 3.0, 2.0, 1.0, 7.0],
            "Εθελοντές": [6, -1, 0, 12, 5, 7, 8, 9],
        }
    )


def read_csv(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def read_xlsx(data: bytes) -> list[tuple]:
    return list(load_workbook(io.BytesIO(data)).active.iter_rows(values_only=True))


@pytest.mark.parametrize("prefix", ["=", "+", "-", "@", "\t", "\r"])
def test_every_dangerous_prefix_gets_an_apostrophe(prefix):
    table = pd.DataFrame({"name": [f"{prefix}1+1", "safe", f"x{prefix}"]})
    assert list(export.neutralise(table)["name"]) == [f"'{prefix}1+1", "safe", f"x{prefix}"]


def test_neutralise_leaves_numbers_and_the_original_alone():
    table = frame()
    safe = export.neutralise(table)
    assert list(safe["Δήμος"]) == [
        "Κομοτηνής", "'=HYPERLINK(\"http://x\")", "'+30 2531", "'-2+3", "'@SUM(A1)", "'\tTAB", "'\rCR", "a=b",
    ]
    assert list(safe["Ώρες"]) == [19.5, -4.0, 0.0, 1.25, 3.0, 2.0, 1.0, 7.0]
    assert safe["Ώρες"].dtype == np.float64 and safe["Εθελοντές"].dtype == np.int64
    assert table.loc[1, "Δήμος"] == "=HYPERLINK(\"http://x\")"


def test_neutralise_covers_column_names_lists_and_empty_cells():
    table = pd.DataFrame({"=cmd": ["x", None], "cols": [["-a", "b"], ["c"]]})
    safe = export.neutralise(table)
    assert list(safe.columns) == ["'=cmd", "cols"]
    assert safe.loc[0, "'=cmd"] == "x" and pd.isna(safe.loc[1, "'=cmd"])
    assert list(safe["cols"]) == ["'-a, b", "c"]


def test_csv_starts_with_a_bom_and_keeps_greek():
    data = export.to_csv_bytes(frame())
    assert data.startswith(BOM)
    rows = read_csv(data)
    assert rows[0] == ["Δήμος", "Ώρες", "Εθελοντές"]
    assert rows[1] == ["Κομοτηνής", "19.5", "6"]
    assert "Κομοτηνής".encode() in data


def test_csv_has_no_cell_a_spreadsheet_would_run():
    rows = read_csv(export.to_csv_bytes(frame()))
    names = [row[0] for row in rows[1:]]
    assert names == [
        "Κομοτηνής", "'=HYPERLINK(\"http://x\")", "'+30 2531", "'-2+3", "'@SUM(A1)", "'\tTAB", "'\rCR", "a=b",
    ]
    # Negative numbers stay numbers: they are written as they are, in their own columns.
    assert rows[2][1:] == ["-4.0", "-1"]


def test_xlsx_cells_are_text_with_the_apostrophe_and_numbers_stay_numbers():
    rows = read_xlsx(export.to_xlsx_bytes(frame(), "Δήμοι"))
    assert rows[0] == ("Δήμος", "Ώρες", "Εθελοντές")
    assert rows[1] == ("Κομοτηνής", 19.5, 6)
    assert rows[2] == ("'=HYPERLINK(\"http://x\")", -4, -1)
    # XML reads a bare CR back as a line feed; the apostrophe in front is what matters.
    assert [row[0] for row in rows[3:]] == ["'+30 2531", "'-2+3", "'@SUM(A1)", "'\tTAB", "'\nCR", "a=b"]


def test_xlsx_holds_no_formula_cell():
    book = load_workbook(io.BytesIO(export.to_xlsx_bytes(frame(), "x")))
    types = {cell.data_type for row in book.active.iter_rows() for cell in row}
    assert "f" not in types
    assert types == {"s", "n"}


def test_xlsx_sheet_name_is_cut_to_what_excel_allows():
    book = load_workbook(io.BytesIO(export.to_xlsx_bytes(frame(), "Δείκτες: [2024/Q1] * όλοι οι δήμοι μαζί")))
    assert book.sheetnames == ["Δείκτες   2024 Q1    όλοι οι δή"]
    assert export.sheet_name("[]") == "data"


def test_xlsx_writes_dates_decimals_and_empty_cells():
    table = pd.DataFrame(
        {
            "day": [dt.date(2024, 3, 1), None],
            "amount": [Decimal("12.50"), None],
            "at": pd.to_datetime(["2024-03-01 10:30", None]),
            "ratio": [0.5, np.nan],
            "n": [1, 2],
        }
    )
    rows = read_xlsx(export.to_xlsx_bytes(table, "s"))
    assert rows[1] == (dt.datetime(2024, 3, 1), 12.5, dt.datetime(2024, 3, 1, 10, 30), 0.5, 1)
    assert rows[2] == (None, None, None, None, 2)


def test_xlsx_drops_control_characters_and_checks_again():
    table = pd.DataFrame({"name": ["\x01=1+1", "ok\x02"]})
    rows = read_xlsx(export.to_xlsx_bytes(table, "s"))
    assert [row[0] for row in rows[1:]] == ["'=1+1", "ok"]
