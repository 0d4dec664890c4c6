"""XLSX workbooks: safety checks on the archive, the sheet with the header, cell values as text.

openpyxl parses in read-only mode and only with defusedxml installed. Before it
parses anything, the archive itself is checked: member count, sizes, compression
ratio (a zip bomb) and any DOCTYPE or ENTITY declaration in its XML.

Each workbook is loaded twice, values (cached formula results) and formulas, and
walked in step: a formula cell without a cached value (a file saved by a program
that does not compute formulas) faults its row instead of reading as empty.
"""

from __future__ import annotations

import lzma
import math
import re
import warnings
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path

import openpyxl
import openpyxl.xml
import pyarrow as pa

from pipelines.faults import FileFault
from pipelines.read import RawTable
from pipelines.read.header import Header, Rows, check_header, find_header, new_stats

MAX_MEMBERS = 1000
MAX_MEMBER_BYTES = 200 * 1024**2
MAX_TOTAL_BYTES = 1024**3
MAX_RATIO = 100
_SCAN_BYTES = 1024 * 1024
_DECLARATION = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)
_DECLARATION_16 = re.compile(r"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)
_FORMULA = re.compile(rb"<(?:\w+:)?f[\s>/]")
_FORMULA_16 = re.compile(r"<(?:\w+:)?f[\s>/]")
# Excel shows 15 significant digits; more would print binary noise (0.1 + 0.2).
_SIGNIFICANT = 15


def check_archive(path: Path) -> bool:
    """Refuse an unsafe or broken archive; True when a part holds a formula (False spares loading formulas)."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
            _check_sizes(members)
            # A list, not a generator: every member is scanned, also after a formula is seen.
            return any([_scan_member(archive, member) for member in members])
    except (zipfile.BadZipFile, zlib.error, lzma.LZMAError, OSError, EOFError, RuntimeError, NotImplementedError,
            ValueError) as exc:  # RuntimeError: an encrypted member; NotImplementedError: an unknown compression
        raise FileFault("unreadable_xlsx") from exc


def _check_sizes(members: list[zipfile.ZipInfo]) -> None:
    total = sum(m.file_size for m in members)
    compressed = sum(m.compress_size for m in members)
    if (len(members) > MAX_MEMBERS or total > MAX_TOTAL_BYTES or total > MAX_RATIO * max(compressed, 1)
            or any(m.file_size > MAX_MEMBER_BYTES for m in members)):
        raise FileFault("zip_bomb")


def _scan_member(archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> bool:
    """Refuse a DOCTYPE or ENTITY declaration (in UTF-8 or UTF-16 XML); True when the part holds a formula."""
    with archive.open(member) as stream:
        head = stream.read(_SCAN_BYTES)
        if head[:2] in (b"\xff\xfe", b"\xfe\xff", b"<\x00", b"\x00<"):
            return _scan_utf16(head + stream.read())  # sizes were checked before
        formula = False
        previous = b""
        while head:
            window = previous + head
            if _DECLARATION.search(window):
                raise FileFault("xml_entities")
            formula = formula or _FORMULA.search(window) is not None
            previous, head = head[-16:], stream.read(_SCAN_BYTES)
    return formula


def _scan_utf16(data: bytes) -> bool:
    codec = "utf-16" if data[:2] in (b"\xff\xfe", b"\xfe\xff") else "utf-16-le" if data[:1] == b"<" else "utf-16-be"
    text = data.decode(codec, errors="replace")
    if _DECLARATION_16.search(text):
        raise FileFault("xml_entities")
    return _FORMULA_16.search(text) is not None


@contextmanager
def _workbook(path: Path, data_only: bool) -> Iterator[openpyxl.Workbook]:
    # A file object, not a name: openpyxl refuses names that do not end in .xlsx.
    with open(path, "rb") as handle:
        try:
            with warnings.catch_warnings():
                # openpyxl warns about features it drops (data validation, conditional formats).
                warnings.simplefilter("ignore")
                book = openpyxl.load_workbook(handle, read_only=True, data_only=data_only, keep_links=False)
        except Exception as exc:  # openpyxl raises many kinds of error on a malformed part
            raise FileFault("unreadable_xlsx") from exc
        try:
            yield book
        finally:
            book.close()


def _sheet_rows(book: openpyxl.Workbook, sheet: str) -> Iterator[tuple]:
    """The value tuples of every row of ``sheet``, row 1 first, empty rows included."""
    worksheet = book[sheet]
    # The stored dimension may be wrong (files from other programs); read the cells as they are.
    worksheet.reset_dimensions()
    rows = worksheet.iter_rows(values_only=True)
    while True:
        try:
            row = next(rows)
        except StopIteration:
            return
        except Exception as exc:  # a malformed sheet part, found only while it is read
            raise FileFault("unreadable_xlsx", sheet=sheet) from exc
        yield row


def number_text(value: float) -> str:
    """Plain decimal text of a number as Excel shows it: 3.5 -> '3.5', 4.0 -> '4', 1e-05 -> '0.00001'."""
    if not math.isfinite(value):
        return str(value)
    if value == 0:
        return "0"
    text = format(Decimal(f"{value:.{_SIGNIFICANT}g}"), "f")
    text = text.rstrip("0").rstrip(".") if "." in text else text
    # '1.375' would read as 1,375 in a column whose typed text uses the decimal comma; '1.3750' reads alike in both.
    fraction = text.partition(".")[2]
    return f"{text}0" if len(fraction) == 3 else text


def cell_text(value: object) -> str | None:
    """The text of a cell value, None when empty; dates as ISO 'YYYY-MM-DD'."""
    if value is None:
        return None
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, (date, time)):
        return value.isoformat()
    if isinstance(value, timedelta):
        minutes, seconds = divmod(round(value.total_seconds()), 60)
        return f"{minutes // 60}:{minutes % 60:02d}:{seconds:02d}"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return number_text(value)
    return str(value).strip() or None


def _cells(row: tuple) -> list[str | None]:
    return [cell_text(value) for value in row]


def _best_sheet(path: Path, header_map: dict[str, str], required: set[str]) -> tuple[Header, str]:
    """The sheet whose header matches best; a visible sheet before any hidden one (a hidden sheet holds
    lists for drop-downs, or last year's data kept out of sight, rarely what is sent)."""
    best: tuple[tuple, Header, str] | None = None
    with _workbook(path, data_only=True) as book:
        for worksheet in book.worksheets:  # chart sheets are not listed
            rows = ((number, _cells(row)) for number, row in enumerate(_sheet_rows(book, worksheet.title), 1))
            header = find_header(rows, header_map, required)
            rank = (getattr(worksheet, "sheet_state", "visible") == "visible", *header.score) if header else None
            if header and (best is None or rank > best[0]):
                best = rank, header, worksheet.title
    if best is None:
        raise FileFault("no_header")
    return best[1], best[2]


class XlsxBatches:
    """``RawTable.batches`` of one sheet; each call reads the workbook again and closes it."""

    def __init__(self, path: Path, sheet: str, header: Header, formulas: bool, stats: dict):
        self.path = path
        self.sheet = sheet
        self.header = header
        self.formulas = formulas
        self.stats = stats

    def __call__(self) -> Iterator[pa.Table]:
        self.stats.clear()
        self.stats.update(new_stats(self.header))
        rows = Rows(len(self.header.cells), self.stats, self.header)
        mapped = sorted(self.header.columns)
        formulas = _workbook(self.path, data_only=False) if self.formulas else nullcontext()
        with _workbook(self.path, data_only=True) as values, formulas as formula_book:
            formula_rows = _sheet_rows(formula_book, self.sheet) if formula_book else iter(())
            for number, row in enumerate(_sheet_rows(values, self.sheet), 1):
                formula_row = next(formula_rows, ())  # the same row of the same sheet, loaded for its formulas
                if number > self.header.line:
                    column = _formula_without_value(row, formula_row, mapped) if formula_book else None
                    cells = [cell_text(value) or "" for value in row]
                    rows.add(number, cells, None if column is None else "formula_without_value", column)
                    if rows.full():
                        yield rows.take()
        last = rows.rest()
        if last is not None:
            yield last

    def close(self) -> None:
        """Nothing to delete: the workbook is opened and closed by each read."""


def _formula_without_value(row: tuple, formula_row: tuple, mapped: list[int]) -> int | None:
    """The first used column whose cell is a formula with no cached value.

    A cell reads the same in both loads unless it holds a formula, so a value
    missing from the values load but present in the formulas load is such a cell.
    """
    for index in mapped:
        if index < len(formula_row) and formula_row[index] is not None and (index >= len(row) or row[index] is None):
            return index
    return None


def open_xlsx(path: Path, header_map: dict[str, str], required: set[str]) -> RawTable:
    """Check the archive and find the sheet and header row; the rows come from ``RawTable.batches()``."""
    if not openpyxl.xml.DEFUSEDXML:
        raise FileFault("xlsx_parser_unsafe")
    formulas = check_archive(path)
    header, sheet = _best_sheet(path, header_map, required)
    check_header(header, required, sheet=sheet)
    stats = new_stats(header)
    return RawTable(path, header.cells, header.line, None, None, sheet,
                    XlsxBatches(path, sheet, header, formulas, stats), None, stats)
