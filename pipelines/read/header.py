"""The header row, and the shape it gives every data row.

Shared by the CSV and XLSX readers: which of the first rows is the header (the one
whose cells match the most known headers), which later rows are not data (blank
rows, total rows) and how data rows become pyarrow batches with their line numbers
and row-level faults.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

import pyarrow as pa
import pyarrow.compute as pc

from civhub.text import fold
from pipelines.faults import FileFault

HEADER_SEARCH_ROWS = 30
# Blank rows do not count towards HEADER_SEARCH_ROWS, but a file of endless blank
# rows must not be read to its end while looking for a header.
HEADER_SEARCH_LIMIT = 1000
BATCH_ROWS = 100_000
TOTAL_LABELS = frozenset({"συνολο", "συνολα", "γενικο συνολο", "total", "totals", "grand total"})
# Only a cell starting with one of these can fold to a total label; checking the
# first character spares a fold() call for almost every row.
_TOTAL_INITIALS = frozenset("ΣσΓγTtGg\uff34\uff54\uff27\uff47")  # and full-width T, t, G, g
_TOTAL_MAX_CHARS = 40
# Title rows of a repeated header dropped with it, at the most (a title and a subtitle, say).
TITLE_ROWS = 3
_has_digit = re.compile(r"\d").search  # no header of any kind has one (tests/read/test_read_header.py)

Cells = list[str | None]  # stripped cell texts, None for an empty cell


@dataclass(frozen=True)
class Header:
    """The header row found in a file (or sheet)."""

    line: int
    cells: list[str]
    columns: dict[int, str]  # cell index -> canonical column name
    raw_cells: int  # cells in the row before trailing empty ones were dropped
    blank_above: int
    title_above: int
    # The folded header texts it was matched with (header_map): to know the header again further down.
    aliases: dict[str, str] = field(default_factory=dict, compare=False)

    @property
    def score(self) -> tuple[int, int]:
        return len(self.columns), len(self.cells)


def find_header(rows: Iterable[tuple[int, Cells]], header_map: dict[str, str], required: set[str]) -> Header | None:
    """The best header among the first rows of ``rows`` ((line, cells) pairs), or None.

    A row qualifies when one of its cells is a required column (any known column if
    none is required); the best has the most matching cells, the earliest on a tie.
    """
    best: Header | None = None
    blank = filled = 0
    for line, cells in rows:
        if not any(cells):
            blank += 1
        else:
            candidate = _candidate(line, cells, header_map, required, blank, filled)
            if candidate and (best is None or candidate.score > best.score):
                best = candidate
            filled += 1
        if filled >= HEADER_SEARCH_ROWS or blank + filled >= HEADER_SEARCH_LIMIT:
            break
    return best


def _candidate(line: int, cells: Cells, header_map: dict[str, str], required: set[str],
               blank_above: int, title_above: int) -> Header | None:
    columns = {i: header_map[f] for i, cell in enumerate(cells) if cell and (f := fold(cell)) in header_map}
    if not columns or (required and not required & set(columns.values())):
        return None
    texts = [cell or "" for cell in cells]
    while texts and not texts[-1]:
        texts.pop()
    return Header(line, texts, columns, len(cells), blank_above, title_above, header_map)


def check_header(header: Header, required: set[str], sheet: str | None = None) -> None:
    """Refuse a header that names a column twice or lacks a required one."""
    seen: set[str] = set()
    for index, name in header.columns.items():
        if name in seen:
            raise FileFault("duplicate_column", {"column": name}, line=header.line, column=header.cells[index],
                            sheet=sheet)
        seen.add(name)
    missing = sorted(required - seen)
    if missing:
        # The headers the file has but no column matched: often the missing one, written another way.
        unrecognised = [c.strip() for i, c in enumerate(header.cells) if c.strip() and i not in header.columns]
        params = {"columns": missing, "header": [c.strip() for c in header.cells if c.strip()]}
        params |= {"unrecognised": unrecognised} if unrecognised else {}
        raise FileFault("missing_columns", params, line=header.line, sheet=sheet)


def is_total(text: str) -> bool:
    """True when ``text``, a row's first non-empty cell, says the row is a total ('Σύνολο', 'Total', …)."""
    return (len(text) <= _TOTAL_MAX_CHARS and (text[0] in _TOTAL_INITIALS or not text[0].isalnum())
            and fold(text) in TOTAL_LABELS)


class Rows:
    """Collects the data rows of one read into batches, skipping blank and total rows.

    Blank rows are counted in ``stats["blank_lines"]`` only when a non-blank row
    follows them: spreadsheets keep formatted empty rows below the data, and a
    trailing empty line is not something a person typed. Values are stripped of
    surrounding whitespace (the same characters as ``str.strip``) a batch at a time,
    and an empty value becomes NULL.
    """

    def __init__(self, width: int, stats: dict, header: Header):
        self.width = width
        self.stats = stats
        # The header row again below it (files exported month by month and pasted together) is skipped,
        # however it is written (see _repeats_header).
        self._columns = dict(sorted(header.columns.items()))  # cell index -> column; never empty (find_header)
        self._aliases = header.aliases
        self._pending_blank = 0
        self._taken = 0
        self._reset()

    def _reset(self) -> None:
        self._lines: list[int] = []
        self._faults: list[str | None] = []
        self._fault_columns: list[int | None] = []
        self._cells: list[str] = []  # row after row, ``width`` cells each

    def add(self, line: int, cells: list[str], fault: str | None = None, fault_column: int | None = None) -> None:
        """Take one row: its cells as read ('' when empty), as many as the row had."""
        for cell in cells:
            first = cell.strip()
            if first:
                break
        else:
            if fault is None:
                self._pending_blank += 1
                return
            first = ""
        if self._pending_blank:
            self.stats["blank_lines"] += self._pending_blank
            self._pending_blank = 0
        if first and is_total(first):
            self.stats["total_rows"] += 1
            return
        if fault is None and self._repeats_header(cells):
            self.stats["header_rows"] += 1
            self._drop_titles()
            return
        width = self.width
        if len(cells) > width:
            if fault is None and "".join(cells[width:]).strip():
                fault = "too_many_cells"
            cells = cells[:width]
        elif len(cells) < width:
            cells = cells + [""] * (width - len(cells))
        self._lines.append(line)
        self._faults.append(fault)
        self._fault_columns.append(fault_column)
        self._cells.extend(cells)

    def _drop_titles(self) -> None:
        """Drop the title rows of a repeated header: up to TITLE_ROWS rows just above it (blank rows aside) that
        hold text in their first cell only, as an export's title does ('Ώρες Απριλίου 2024')."""
        dropped = self._titles_at_end()
        if dropped:
            self._cut(dropped)
            self.stats["header_titles"] += dropped

    def _titles_at_end(self) -> int:
        """How many of the last rows collected (TITLE_ROWS at most) could be the titles of a header that follows."""
        width, found = self.width, 0
        while found < TITLE_ROWS and len(self._lines) > found:
            end = len(self._cells) - found * width
            row = self._cells[end - width:end]
            if self._faults[-1 - found] is not None or not row[0].strip() or "".join(row[1:]).strip():
                break
            found += 1
        return found

    def _cut(self, rows: int) -> tuple[list, list, list, list]:
        """Remove the last ``rows`` rows collected; returns their lines, faults, fault columns and cells."""
        cut = (self._lines[-rows:], self._faults[-rows:], self._fault_columns[-rows:], self._cells[-rows * self.width:])
        del self._lines[-rows:], self._faults[-rows:], self._fault_columns[-rows:]
        del self._cells[-rows * self.width:]
        return cut

    def _repeats_header(self, cells: list[str]) -> bool:
        """Whether each column the header maps holds a header of that same column, as the header row writes
        it or another way (another template's language, other capitals or accents): the header row again.

        No header has a digit in it, and a record almost always has one in its first columns (an
        identifier, a code, a date): most rows are told apart by a look at a cell or two.
        """
        for index in self._columns:
            if index >= len(cells) or _has_digit(cells[index]):  # a short row: that column is empty in it
                return False
        return all(names_column(self._aliases, cells[index], column) for index, column in self._columns.items())

    def full(self) -> bool:
        return len(self._lines) >= BATCH_ROWS

    def take(self) -> pa.Table:
        """The rows collected since the last take, as one table. The rows that could be the titles of a
        repeated header wait for the next batch, which may begin with that header."""
        held = self._cut(held_rows) if (held_rows := self._titles_at_end()) else None
        table = self._table()
        if held:
            self._lines, self._faults, self._fault_columns, self._cells = held
        return table

    def rest(self) -> pa.Table | None:
        """The last batch: the rows left over, or an empty table if the read had no rows at all."""
        if self._lines or not self._taken:
            return self._table()
        return None

    def _table(self) -> pa.Table:
        # One array of all cells, cut into columns by Arrow: much faster than transposing in Python.
        rows = pa.FixedSizeListArray.from_arrays(pa.array(self._cells, pa.string()), self.width)
        arrays = [pa.array(self._lines, pa.int64()), pa.array(self._faults, pa.string()),
                  pa.array(self._fault_columns, pa.int32())]
        arrays += [_values(pc.list_element(rows, i)) for i in range(self.width)]
        names = ["__line", "__fault", "__fault_column"] + [f"c{i}" for i in range(self.width)]
        self._reset()
        self._taken += 1
        return pa.Table.from_arrays(arrays, names=names)


def _values(texts: pa.Array) -> pa.Array:
    stripped = pc.utf8_trim_whitespace(texts)
    return pc.if_else(pc.equal(stripped, ""), pa.scalar(None, pa.string()), stripped)


def names_column(aliases: dict[str, str], text: str | None, column: str) -> bool:
    """Whether ``text`` is a header of ``column`` (``aliases``: folded header texts -> columns, a kind's
    header map): its name, a template's Greek or English header or an alias, however capitalised or accented."""
    return text is not None and aliases.get(fold(text)) == column


def new_stats(header: Header) -> dict:
    """The stats a read starts from: what lies above the header is known before any batch."""
    return {"blank_lines": header.blank_above, "total_rows": 0, "title_rows": header.title_above, "header_rows": 0,
            "header_titles": 0}
