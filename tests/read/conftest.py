"""Fixtures of the reader tests: files written into the test's own temporary directory."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest


@pytest.fixture
def write(tmp_path):
    """write(text_or_bytes, name="data.csv", encoding="utf-8") -> Path"""

    def _write(content: str | bytes, name: str = "data.csv", encoding: str = "utf-8") -> Path:
        path = tmp_path / name
        path.write_bytes(content if isinstance(content, bytes) else content.encode(encoding))
        return path

    return _write


@pytest.fixture
def workbook(tmp_path):
    """workbook({sheet: [row, …]}, name="data.xlsx", merge={sheet: "A1:C1"}) -> Path, built with openpyxl."""

    def _workbook(sheets: dict[str, list[list]], name: str = "data.xlsx", merge: dict[str, str] | None = None) -> Path:
        book = openpyxl.Workbook()
        book.remove(book.active)
        for title, sheet_rows in sheets.items():
            sheet = book.create_sheet(title)
            for number, row in enumerate(sheet_rows, 1):
                for column, value in enumerate(row, 1):
                    if value is not None:
                        sheet.cell(number, column, value)
            if merge and title in merge:
                sheet.merge_cells(merge[title])
        path = tmp_path / name
        book.save(path)
        return path

    return _workbook
