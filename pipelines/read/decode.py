"""Text files in, UTF-8 out: find the encoding, transcode when needed, profile the bytes on the way.

Detection order: a byte-order mark (UTF-8, UTF-16 LE/BE); else a strict UTF-8 check
of the whole file; else one of Greek Excel's legacy code pages, Windows-1253 or
ISO-8859-7, chosen by which of them decodes and reads as plausible Greek. DuckDB
cannot decode those code pages, so every non-UTF-8 (or BOM) file is transcoded to a
temporary UTF-8 file; later stages read UTF-8 only.

The one streaming pass over the UTF-8 bytes also fills a ``ByteProfile``: whether
the file is plain enough for DuckDB to scan directly (see ``FastCsv``).
"""

from __future__ import annotations

import codecs
import os
import re
import struct
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import chain
from pathlib import Path

import pyarrow as pa

from civhub.text import fold
from pipelines.faults import FileFault
from pipelines.read.header import TOTAL_LABELS

CHUNK_BYTES = 8 * 1024 * 1024
# A line this long is no CSV DuckDB should scan (its own limit is far lower).
LONG_LINE_BYTES = 16 * 1024 * 1024

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig", "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16", "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16", "utf-16-be"),
)
_LEGACY = ("cp1253", "iso-8859-7")
# More C0 control characters than this share of the bytes (tabs and line breaks
# aside) is not text in any encoding: a binary file, or UTF-16 without its BOM.
_MAX_CONTROL_SHARE = 0.01


def _complement(keep: bytes) -> bytes:
    return bytes(b for b in range(256) if b not in keep)


_NOT_C1 = _complement(bytes(range(0x80, 0xA0)))
_NOT_CONTROL = _complement(bytes(b for b in range(0x20) if b not in b"\t\n\r"))
_WHITESPACE = b" \t\r\n\x0b\x0c\xc2\xa0"
# What a blank line may hold besides its line break: whitespace and any of the delimiters.
_BLANK_BYTES = b" \t\r\x0b\x0c,;\xc2\xa0"
_HITS_CHECKED_ONE_BY_ONE = 256
# Whitespace at the edge of a cell: next to a delimiter or a line break (tabs and no-break spaces anywhere).
# Each pad is looked for only when its first byte is there at all: a one-byte search runs at memory speed,
# a two-byte one about ten times slower, and most files hold no space or no-break space.
_PADDING = ((b"\t", (b"\t",)), (b"\xc2", (b"\xc2\xa0",)), (b" ", (b" ,", b", ", b" ;", b"; ", b" \n", b"\n ", b" \r")))


class ByteProfile:
    """What DuckDB's fast scan needs to know about a UTF-8 text, learned chunk by chunk.

    ``clean`` stays True while the text has no '"', no NUL byte, no whitespace at the edge of a cell, no carriage return
    that does not end a line, lines that all end the same way (CR LF or LF: DuckDB's reader stops at the first
    line that does not end as the first does), no line over LONG_LINE_BYTES, and no line after the
    first that is blank (only spaces, tabs and delimiters) or a total row (first
    cell 'Σύνολο', 'TOTAL', …, in any case, with or without accents).
    """

    def __init__(self) -> None:
        self.clean = True
        self.content = False  # any byte that is not whitespace
        self._first_line = True
        self._carry = b""
        self._crlf: bool | None = None  # whether the lines end in CR LF, once the first has ended

    def feed(self, data: bytes) -> None:
        if not self.content:
            self.content = bool(data.translate(None, _WHITESPACE))
        if not self.clean:
            return
        start = 0
        if self._carry:  # finish the line the last chunk cut, without copying this chunk
            start = data.find(b"\n") + 1
            if start == 0:
                self._carry += data
                self.clean = len(self._carry) <= LONG_LINE_BYTES
                return
            self._check(self._carry + data[:start], 0, None)
        cut = data.rfind(b"\n") + 1
        if cut > start and self.clean:
            self._check(data, start, cut)
        self._carry = data[max(cut, start):]

    def finish(self) -> None:
        """Account for the last line when it has no line break."""
        last, self._carry = self._carry, b""
        if self.clean and last and not self._first_line:
            self.clean = bool(last.translate(None, _BLANK_BYTES)) and _lines_are_clean(last, 0, len(last), False)

    def _check(self, data: bytes, start: int, end: int | None) -> None:
        end = len(data) if end is None else end
        self.clean = _lines_are_clean(data, start, end, skip_first=self._first_line) and self._ends_alike(
            data, start, end)
        self._first_line = False

    def _ends_alike(self, data: bytes, start: int, end: int) -> bool:
        """Whether the lines of data[start:end] (whole lines, none with a lone carriage return) end as the
        lines before them did: all in LF, or all in CR LF."""
        crlf = data.find(b"\r", start, end) >= 0  # a one-byte search, at memory speed
        if self._crlf is None:
            self._crlf = crlf
        # In CR LF, as many carriage returns as line breaks: counted only in files that have any.
        return crlf == self._crlf and (not crlf or data.count(b"\r", start, end) == data.count(b"\n", start, end))


def _lines_are_clean(data: bytes, start: int, end: int, skip_first: bool) -> bool:
    """Check data[start:end], which starts at a line start."""
    if data.find(b'"', start, end) >= 0 or data.find(b"\x00", start, end) >= 0:
        return False
    # DuckDB keeps a cell as it is: a cell with whitespace at its edge (which the batches strip) needs the batches.
    if any(data.find(byte, start, end) >= 0 and any(data.find(pad, start, end) >= 0 for pad in pads)
           for byte, pads in _PADDING):
        return False
    if data.find(b"\r", start, end) >= 0 and _PATTERNS.lone_cr.search(data, start, end):
        return False
    if not skip_first and _PATTERNS.line.match(data, start, end):
        return False
    return not _blank_or_total_line(data, start, end)


def _blank_or_total_line(data: bytes, start: int, end: int) -> bool:
    """Whether a line after the first of data[start:end] is blank or a total row.

    The prefilter (a line break and one byte) is cheap per line; the exact pattern
    is not, so it runs only where the prefilter fires, and over the rest of the chunk
    at once when it fires on many lines (a first column of 'T…' codes, say).
    """
    hits = _PATTERNS.prefilter.finditer(data, start, end)
    for count, hit in enumerate(hits):
        if count == _HITS_CHECKED_ONE_BY_ONE:
            return _PATTERNS.next_line.search(data, hit.start(), end) is not None
        if _PATTERNS.line.match(data, hit.start() + 1, end):
            return True
    return False



@dataclass(frozen=True)
class _LinePatterns:
    line: re.Pattern  # at a line start: a blank line or a total row
    next_line: re.Pattern  # the same after a line break
    prefilter: re.Pattern  # a line break followed by a byte such a line can start with
    lone_cr: re.Pattern


def _letter_variants() -> dict[str, set[bytes]]:
    """The UTF-8 of every Latin or Greek letter, grouped by what it folds to ('Ά', 'α', 'ά' -> 'α').

    Full-width and polytonic forms are left out: fold() still catches them in the
    rows, only the fast path would miss such a total row.
    """
    variants: dict[str, set[bytes]] = {}
    for char in map(chr, chain(range(0x41, 0x5B), range(0x61, 0x7B), range(0x370, 0x400))):
        folded = fold(char)
        if len(folded) == 1:
            variants.setdefault(folded, set()).add(char.encode())
    return variants


def _byte_class(values: set[int]) -> bytes:
    return b"[" + b"".join(re.escape(bytes([b])) for b in sorted(values)) + b"]"


def _letter(encodings: set[bytes]) -> bytes:
    """One letter in any of its one- or two-byte encodings, grouped by first byte (faster than alternatives)."""
    by_lead: dict[bytes, set[int]] = {}
    for code in encodings:
        by_lead.setdefault(code[:-1], set()).add(code[-1])
    parts = [re.escape(lead) + _byte_class(last) for lead, last in sorted(by_lead.items())]
    return parts[0] if len(parts) == 1 else b"(?:" + b"|".join(parts) + b")"


def _trie(words: list[str], variants: dict[str, set[bytes]]) -> bytes:
    """A pattern for exactly ``words``, sharing common prefixes."""
    rests: dict[str, list[str]] = {}
    for word in words:
        if word:
            rests.setdefault(word[0], []).append(word[1:])
    if not rests:
        return b""
    branches = [(_SPACES if first == " " else _letter(variants[first])) + _trie(rest, variants)
                for first, rest in sorted(rests.items())]
    body = branches[0] if len(branches) == 1 else b"(?:" + b"|".join(branches) + b")"
    return b"(?:" + body + b")?" if "" in words else body


_SPACES = rb"[ \t\xc2\xa0]+"


def _line_patterns() -> _LinePatterns:
    variants = _letter_variants()
    # Byte by byte, NBSP's two bytes are blank only as a pair in valid UTF-8, so one class will do.
    blanks = _byte_class(set(_BLANK_BYTES)) + b"*+"
    labels = _trie(sorted(TOTAL_LABELS), variants)
    line = blanks + rb"(?:\n|" + labels + rb"[ \t\xc2\xa0]*(?:[,;\t\r\n]|\Z))"
    initials = set().union(*(variants[label[0]] for label in TOTAL_LABELS))
    prefilter = rb"\n" + _byte_class({code[0] for code in initials} | set(_BLANK_BYTES) | {0x0A})
    return _LinePatterns(re.compile(line), re.compile(rb"\n" + line), re.compile(prefilter), re.compile(rb"\r[^\n]"))


_PATTERNS = _line_patterns()


@dataclass
class Utf8Text:
    """A submitted text file as UTF-8 without BOM: the file itself, or a temporary transcoded copy."""

    path: Path
    encoding: str  # what the submitted file was written in
    temporary: bool
    profile: ByteProfile

    def discard(self) -> None:
        if self.temporary:
            Path(self.path).unlink(missing_ok=True)


def to_utf8(source: Path) -> Utf8Text:
    """The file ``source`` as UTF-8; FileFault("unreadable_encoding") when it is no known encoding."""
    with open(source, "rb") as handle:
        head = handle.read(4)
    for bom, codec, label in _BOMS:
        if head.startswith(bom):
            return _transcode(source, codec, label)
    profile = _utf8_profile(source)
    if profile is not None:
        return Utf8Text(source, "utf-8", False, profile)
    codec = legacy_encoding(source)
    return _transcode(source, codec, codec)


def _chunks(source: Path) -> Iterator[bytes]:
    with open(source, "rb") as handle:
        while chunk := handle.read(CHUNK_BYTES):
            yield chunk


def _utf8_profile(source: Path) -> ByteProfile | None:
    """The profile of ``source`` if the whole file is valid UTF-8, else None."""
    profile = ByteProfile()
    tail = b""
    for chunk in _chunks(source):
        data = tail + chunk if tail else chunk
        end = _char_boundary(data)
        if not _valid_utf8(data, end):
            return None
        tail = data[end:]
        profile.feed(data[:end] if tail else data)
    if tail:
        return None
    profile.finish()
    return profile


def _char_boundary(data: bytes) -> int:
    """The length of ``data`` without a character cut at its end."""
    for back in range(1, min(4, len(data)) + 1):
        byte = data[-back]
        if byte < 0x80:
            return len(data)
        if byte >= 0xC0:
            size = 2 if byte < 0xE0 else 3 if byte < 0xF0 else 4
            return len(data) if back >= size else len(data) - back
    return len(data)


def _valid_utf8(data: bytes, end: int) -> bool:
    if end == len(data) and data.isascii():
        return True
    # pyarrow validates UTF-8 several times faster than bytes.decode builds a str.
    view = memoryview(data)[:end]
    array = pa.Array.from_buffers(pa.string(), 1, [None, pa.py_buffer(struct.pack("<ii", 0, end)), pa.py_buffer(view)])
    try:
        array.validate(full=True)
    except pa.ArrowInvalid:
        return False
    return True


def legacy_encoding(source: Path) -> str:
    """Windows-1253 or ISO-8859-7, whichever decodes ``source`` and reads as more plausible Greek.

    The two differ mainly in 'Ά' (0xA2 in Windows-1253, 0xB6 in ISO-8859-7, where
    Windows-1253 has '¶') and in 0x80-0x9F (€, quotes and dashes in Windows-1253,
    control characters in ISO-8859-7). Unlikely characters count against a code page.
    """
    decodes = dict.fromkeys(_LEGACY, True)
    unlikely = dict.fromkeys(_LEGACY, 0)
    size = controls = 0
    for chunk in _chunks(source):
        for codec in _LEGACY:
            decodes[codec] = decodes[codec] and _decodes(chunk, codec)
        unlikely["cp1253"] += chunk.count(b"\xb6")
        unlikely["iso-8859-7"] += len(chunk.translate(None, _NOT_C1))
        controls += len(chunk.translate(None, _NOT_CONTROL))
        size += len(chunk)
    candidates = [codec for codec in _LEGACY if decodes[codec]]
    if not candidates or controls > size * _MAX_CONTROL_SHARE:
        raise FileFault("unreadable_encoding")
    return min(candidates, key=lambda codec: unlikely[codec])


def _decodes(chunk: bytes, codec: str) -> bool:
    try:
        chunk.decode(codec)
    except UnicodeDecodeError:
        return False
    return True


def _transcode(source: Path, codec: str, label: str) -> Utf8Text:
    """Stream ``source`` from ``codec`` into a temporary UTF-8 file in the system temp directory."""
    fd, name = tempfile.mkstemp(prefix="civhub-", suffix=".csv")
    text = Utf8Text(Path(name), label, True, ByteProfile())
    decoder = codecs.getincrementaldecoder(codec)(errors="strict")
    try:
        with os.fdopen(fd, "wb") as out:
            for chunk in chain(_chunks(source), [b""]):
                data = decoder.decode(chunk, final=not chunk).encode("utf-8")
                out.write(data)
                text.profile.feed(data)
    except UnicodeError as exc:
        text.discard()
        raise FileFault("unreadable_encoding") from exc
    except BaseException:
        text.discard()
        raise
    text.profile.finish()
    return text
