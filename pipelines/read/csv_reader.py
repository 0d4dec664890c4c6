"""CSV and other delimited text: records with the line each starts on, the header, the batches.

Records are split by Python's csv module (quote '"', doubled inside quotes, fields may
span lines). It is fed physical lines, so a record's line is the one a text editor
shows where it starts. Two things it cannot do are done in Python here, one record
at a time: a physical line longer than ``PIECE_CHARS`` (it would have to be held
whole) and a field over the csv module's limit; such a field is measured but never
kept, and its row gets the fault ``field_too_long``.
"""

from __future__ import annotations

import csv
import re
import weakref
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

import pyarrow as pa

from civhub import config
from pipelines.faults import FileFault
from pipelines.read import FastCsv, RawTable
from pipelines.read.decode import Utf8Text, to_utf8
from pipelines.read.header import Header, Rows, check_header, find_header, new_stats

DELIMITERS = (",", ";", "\t")
PIECE_CHARS = 1024 * 1024
_LINE_ENDS = ("\n", "\r")

Record = tuple[int, list[str], str | None, int | None]  # line, fields, fault, fault column


class _Source:
    """Pieces of physical lines: a whole line, or PIECE_CHARS of a longer one."""

    def __init__(self, handle: TextIO):
        self.readline = handle.readline
        self.pending = ""  # a character read ahead after a '\r'
        self.lines = 0  # lines read to their end before the current csv.reader started

    def piece(self) -> str:
        head, self.pending = self.pending, ""
        return self.finish(head + self.readline(PIECE_CHARS - len(head)))

    def finish(self, piece: str) -> str:
        if len(piece) >= PIECE_CHARS and piece.endswith("\r"):
            # The limit may have split a CRLF; a lone '\n' must not become a line of its own.
            after = self.readline(1)
            if after == "\n":
                piece += after
            else:
                self.pending = after
        return piece


def _feed(source: _Source, kept: list[str], long: list[str]) -> Iterator[str]:
    """Whole lines for csv.reader, each kept until its record ends; stops before a longer one, left in ``long``."""
    readline = source.readline
    while True:
        piece = source.piece() if source.pending else readline(PIECE_CHARS)
        if len(piece) >= PIECE_CHARS:
            piece = source.finish(piece)
            if not piece.endswith(_LINE_ENDS):
                long.append(piece)
                return
        if not piece:
            return
        kept.append(piece)
        yield piece


class _SlowRecord:
    """One record parsed in Python with csv.reader's rules, never holding a field over ``limit``."""

    START, FIELD, QUOTED, QUOTE_IN_QUOTED = range(4)

    def __init__(self, delimiter: str, limit: int):
        self.delimiter = delimiter
        self.limit = limit
        self.stops = re.compile("[" + re.escape(delimiter) + "\r\n]")
        self.state = self.START
        self.fields: list[str] = []
        self.parts: list[str] = []
        self.size = 0
        self.fault: str | None = None
        self.fault_column: int | None = None

    def feed(self, text: str) -> bool:
        """Parse ``text`` (a line or a piece of one); True once the record has ended."""
        i, n = 0, len(text)
        while i < n:
            if self.state == self.QUOTED:
                j = text.find('"', i)
                if j < 0:
                    self._add(text[i:])
                    return False
                self._add(text[i:j])
                self.state, i = self.QUOTE_IN_QUOTED, j + 1
            elif self.state == self.QUOTE_IN_QUOTED and text[i] == '"':
                self._add('"')
                self.state, i = self.QUOTED, i + 1
            elif self.state == self.START and text[i] == '"':
                self.state, i = self.QUOTED, i + 1
            else:
                stop = self.stops.search(text, i)
                j = stop.start() if stop else n
                self._add(text[i:j])
                self.state, i = self.FIELD, j + 1
                if stop is None:
                    return False
                self._save()
                if text[j] != self.delimiter:
                    return True
                self.state = self.START
        return False

    def result(self, at_end: bool = False) -> tuple[list[str], str | None, int | None]:
        if at_end:
            if self.state == self.QUOTED:
                self.fault, self.fault_column = "unterminated_quote", None
            if self.state != self.START or self.fields:
                self._save()
        return self.fields, self.fault, self.fault_column

    def _add(self, text: str) -> None:
        self.size += len(text)
        if self.size > self.limit:
            if self.fault is None:
                self.fault, self.fault_column = "field_too_long", len(self.fields)
            self.parts = []
        elif text:
            self.parts.append(text)

    def _save(self) -> None:
        self.fields.append("" if self.size > self.limit else "".join(self.parts))
        self.parts, self.size = [], 0


def _slow_record(source: _Source, pieces: list[str], delimiter: str) -> tuple[int, list[str], str | None, int | None]:
    """The record starting with ``pieces``, read on from ``source``, after the count of lines it read to their end."""
    record = _SlowRecord(delimiter, config.MAX_FIELD_CHARS)
    for piece in pieces:
        if record.feed(piece):
            return 0, *record.result()
    lines = 0
    while piece := source.piece():
        lines += piece.endswith(_LINE_ENDS)
        if record.feed(piece):
            return lines, *record.result()
    return lines, *record.result(at_end=True)


def records(handle: TextIO, delimiter: str) -> Iterator[Record]:
    """Every record of ``handle`` (opened with newline=''), blank ones included (as []).

    csv.reader counts the lines it takes (``line_num``); after a record parsed in
    Python a new reader starts, and ``source.lines`` carries the count over.
    """
    limit = config.MAX_FIELD_CHARS
    # The limit is process-wide; it is only ever raised, to what a field may hold.
    csv.field_size_limit(max(csv.field_size_limit(), limit + 1))
    source = _Source(handle)
    while True:
        kept: list[str] = []
        long: list[str] = []
        feed = _feed(source, kept, long)
        reader = csv.reader(feed, delimiter=delimiter, quotechar='"', doublequote=True, strict=False)
        for start in _starts(reader, source.lines):
            kept.clear()
            try:
                fields = next(reader)
            except StopIteration:
                if not long:
                    return
                fields = None
            except csv.Error:  # a field over the csv module's limit, spread over several lines
                fields = None
            if fields is None or long:  # csv.reader could not finish this record
                lines, *record = _slow_record(source, kept + long, delimiter)
                source.lines += reader.line_num + lines
                yield start, *record
                break
            if feed.gi_frame is None:  # the lines ran out inside a quoted field
                yield start, fields, "unterminated_quote", None
            elif max(map(len, fields), default=0) > limit:
                column = next(i for i, field in enumerate(fields) if len(field) > limit)
                yield start, [f if len(f) <= limit else "" for f in fields], "field_too_long", column
            else:
                yield start, fields, None, None


def _starts(reader, before: int) -> Iterator[int]:
    """The line each next record of ``reader`` starts on."""
    while True:
        yield before + reader.line_num + 1


def _cells(fields: list[str]) -> list[str | None]:
    return [field.strip() or None for field in fields]


def _open_text(path: Path) -> TextIO:
    return open(path, encoding="utf-8", errors="strict", newline="")


def _header_rows(path: Path, delimiter: str) -> Iterator[tuple[int, list[str | None]]]:
    with _open_text(path) as handle:
        for line, fields, _fault, _column in records(handle, delimiter):
            yield line, _cells(fields)


def _best_header(path: Path, header_map: dict[str, str], required: set[str]) -> tuple[Header, str]:
    """The header and the delimiter that splits it into the most known headers (then the most cells)."""
    best: tuple[Header, str] | None = None
    for delimiter in DELIMITERS:
        rows = _header_rows(path, delimiter)
        header = find_header(rows, header_map, required)
        rows.close()
        if header and (best is None or header.score > best[0].score):
            best = header, delimiter
    if best is None:
        raise FileFault("no_header")
    return best


class CsvBatches:
    """``RawTable.batches`` of a text file; ``close()`` deletes its temporary UTF-8 copy, if any.

    Without ``close()`` the copy is deleted when this object is garbage collected
    (the RawTable holding it is gone) or when the interpreter exits.
    """

    def __init__(self, text: Utf8Text, delimiter: str, header: Header, stats: dict):
        self.path = text.path
        self.delimiter = delimiter
        self.header = header
        self.stats = stats
        self._discard = weakref.finalize(self, text.discard)

    def __call__(self) -> Iterator[pa.Table]:
        self.stats.clear()
        self.stats.update(new_stats(self.header))
        rows = Rows(len(self.header.cells), self.stats, self.header)
        try:
            with _open_text(self.path) as handle:
                for line, fields, fault, column in records(handle, self.delimiter):
                    if line > self.header.line:
                        rows.add(line, fields, fault, column)
                        if rows.full():
                            yield rows.take()
        except UnicodeDecodeError as exc:
            raise FileFault("unreadable_encoding") from exc
        last = rows.rest()
        if last is not None:
            yield last

    def close(self) -> None:
        self._discard()


def open_csv(path: Path, header_map: dict[str, str], required: set[str]) -> RawTable:
    """Read the header of a delimited text file; the rows come from ``RawTable.batches()``."""
    text = to_utf8(path)
    try:
        if not text.profile.content:
            raise FileFault("empty_file")
        header, delimiter = _best_header(text.path, header_map, required)
        check_header(header, required)
    except BaseException:
        text.discard()
        raise
    stats = new_stats(header)
    fast = None
    if text.profile.clean and header.line == 1 and header.raw_cells == len(header.cells):
        fast = FastCsv(text.path, delimiter, header.line, len(header.cells))
    return RawTable(path, header.cells, header.line, text.encoding, delimiter, None,
                    CsvBatches(text, delimiter, header, stats), fast, stats)
