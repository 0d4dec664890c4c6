"""Readers: turn a submitted file (CSV or XLSX) into raw text rows with their line numbers.

A reader never interprets values (dates, numbers, codes): it only finds the header
row, decodes the text and hands over every data row as strings, keeping the line (CSV)
or row (XLSX) number a person would see in a spreadsheet. Faults of the whole file
raise ``pipelines.faults.FileFault``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow as pa


@dataclass
class FastCsv:
    """A clean UTF-8 CSV that DuckDB's own reader may scan directly (no quotes, no blank lines).

    Data rows start on line ``header_line + 1`` and every later line is one row, so
    a row's line is ``header_line + 1 + its ordinal``.
    """

    path: Path
    delimiter: str
    header_line: int
    columns: int


@dataclass
class RawTable:
    """What a reader found in one file.

    ``batches()`` yields pyarrow tables with the columns ``__line`` (int64),
    ``__fault`` (string, a row-level fault code such as ``formula_without_value``
    or NULL) and ``__fault_column`` (index of the faulty column or NULL), then
    ``c0`` … ``c{n-1}`` (string or NULL for empty), one per header cell.
    ``stats`` is filled while the batches are read.
    """

    source: Path
    header: list[str]
    header_line: int
    encoding: str | None
    delimiter: str | None
    sheet: str | None
    batches: callable[[], Iterator[pa.Table]]
    fast: FastCsv | None = None
    stats: dict = field(default_factory=lambda: {"blank_lines": 0, "total_rows": 0, "title_rows": 0, "header_rows": 0,
                                                 "header_titles": 0})
