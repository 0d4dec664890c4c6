"""Shared by the reader tests: tiny files written in the test, read back as plain rows.

Fixtures ``write`` and ``workbook`` are in conftest.py.

Most tests use the Cooperation Pact kind: two required columns (municipality,
signing date) and one optional, so a fixture fits on a few short lines.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from pipelines.kinds import PACT
from pipelines.read import RawTable
from pipelines.read.open_file import open_table

HEADER_MAP = PACT.header_map()
REQUIRED = {c.name for c in PACT.columns if c.required}


def read(path: Path) -> RawTable:
    """``path`` opened as a Cooperation Pact file."""
    return open_table(path, HEADER_MAP, REQUIRED)


def rows(table: RawTable) -> list[dict]:
    """Every row of every batch, as dicts."""
    return [row for batch in table.batches() for row in batch.to_pylist()]


def values(table: RawTable) -> list[tuple]:
    """(line, c0, c1, …) of every row: what most tests compare."""
    width = len(table.header)
    return [(r["__line"], *(r[f"c{i}"] for i in range(width))) for r in rows(table)]


def faults(table: RawTable) -> list[tuple]:
    """(line, fault, fault column) of every faulty row."""
    return [(r["__line"], r["__fault"], r["__fault_column"]) for r in rows(table) if r["__fault"]]


def rewrite_member(path: Path, member: str, change) -> None:
    """Rewrite one part of a ZIP archive with ``change(bytes) -> bytes``, keeping the others."""
    with zipfile.ZipFile(path) as archive:
        parts = [(info, archive.read(info)) for info in archive.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for info, data in parts:
            archive.writestr(info.filename, change(data) if info.filename == member else data)


def cache_formula_value(path: Path, cell: str, value: str) -> None:
    """Give the formula in ``cell`` of the first sheet a cached value, as Excel would have saved it."""

    def change(xml: bytes) -> bytes:
        pattern = rb'(<c r="' + cell.encode() + rb'"[^>]*><f>[^<]*</f>)<v\s*/>'
        result, count = re.subn(pattern, rb"\1<v>" + value.encode() + b"</v>", xml)
        assert count == 1
        return result

    rewrite_member(path, "xl/worksheets/sheet1.xml", change)
