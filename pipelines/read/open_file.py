"""The readers' entry point: open a submitted file as a RawTable, whatever its name says.

The content decides the reader, never the extension: a ZIP archive is an XLSX
workbook, anything else is delimited text. A text file that needed transcoding
leaves a temporary UTF-8 copy, deleted by ``close_table`` (or ``opened_table`` on
leaving its block), else when the RawTable is garbage collected.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from civhub import config
from pipelines.faults import FileFault
from pipelines.read import RawTable
from pipelines.read.csv_reader import open_csv

ZIP_MAGIC = b"PK\x03\x04"
# Excel 97-2003 (.xls) and password-protected workbooks are OLE compound files.
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def open_table(path: Path, header_map: dict[str, str], required: set[str]) -> RawTable:
    """Open ``path``, find its header row and check its columns.

    ``header_map`` maps folded header texts to canonical column names (``Kind.header_map()``);
    ``required`` are the canonical names that must be present. Faults of the whole
    file raise ``FileFault``.
    """
    path = Path(path)
    try:
        size = path.stat().st_size
        with open(path, "rb") as handle:
            magic = handle.read(len(OLE_MAGIC))
    except OSError as exc:
        raise FileFault("unreadable_file") from exc
    if size > config.MAX_FILE_BYTES:
        raise FileFault("file_too_large", {"bytes": size, "limit": config.MAX_FILE_BYTES})
    if size == 0:
        raise FileFault("empty_file")
    if magic.startswith(ZIP_MAGIC):
        # Imported here: openpyxl takes a seventh of a second to import, a noticeable share of a small CSV's load.
        from pipelines.read.xlsx_reader import open_xlsx

        return open_xlsx(path, header_map, required)
    if magic == OLE_MAGIC:
        raise FileFault("xls_not_supported")
    return open_csv(path, header_map, required)


def close_table(table: RawTable) -> None:
    """Delete what ``table`` keeps on disk (its temporary UTF-8 copy) now; batches() cannot run after."""
    close = getattr(table.batches, "close", None)
    if close is not None:
        close()


@contextmanager
def opened_table(path: Path, header_map: dict[str, str], required: set[str]) -> Iterator[RawTable]:
    """``open_table`` for a ``with`` block, closed when the block ends."""
    table = open_table(path, header_map, required)
    try:
        yield table
    finally:
        close_table(table)
