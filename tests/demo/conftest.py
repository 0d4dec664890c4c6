"""Reads the demo files back the way a person checking them would: each CSV dialect and workbook by hand,
independently of the generator, so that the calibration tests look at what was actually written."""

from __future__ import annotations

import csv
import re
from datetime import date, datetime
from functools import cache
from pathlib import Path
from types import SimpleNamespace

import openpyxl
import pytest

from civhub import config
from civhub.text import fold
from pipelines.demo import write_demo_files
from pipelines.kinds import KINDS

GREEK_MONTHS = ["ιανουαριου", "φεβρουαριου", "μαρτιου", "απριλιου", "μαιου", "ιουνιου", "ιουλιου", "αυγουστου",
                "σεπτεμβριου", "οκτωβριου", "νοεμβριου", "δεκεμβριου"]


@cache
def reference() -> dict[str, dict]:
    with open(config.REFERENCE_DIR / "municipalities.csv", encoding="utf-8", newline="") as fh:
        return {row["code"]: row for row in csv.DictReader(fh)}


@cache
def _names() -> dict[str, set[str]]:
    """folded spelling -> codes, from the reference file's own columns."""
    names: dict[str, set[str]] = {}
    for code, row in reference().items():
        bare = row["name_el_display"].removeprefix("Δήμος ")
        for spelling in (row["name_el"], row["name_el_display"], bare, f"δημος {bare}", f"δ. {bare}", row["name_en"]):
            names.setdefault(fold(spelling), set()).add(code)
    return names


def municipality(value: str) -> str | None:
    """The code a cell means, or None for a misspelling."""
    if value in reference():
        return value
    codes = _names().get(fold(value), set())
    return next(iter(codes)) if len(codes) == 1 else None


def parse_date(value: object) -> date | None:
    """ISO, dd/mm/yyyy, '5 Μαρτίου 2024' or an Excel date; None when it is not a real date (31/02)."""
    if isinstance(value, datetime):
        return value.date()
    text = str(value)
    try:
        if re.fullmatch(r"\d{4}-\d\d-\d\d", text):
            return date.fromisoformat(text)
        if m := re.fullmatch(r"(\d\d)/(\d\d)/(\d{4})", text):
            return date(int(m[3]), int(m[2]), int(m[1]))
        if m := re.fullmatch(r"(\d{1,2}) (\S+) (\d{4})", text):
            return date(int(m[3]), GREEK_MONTHS.index(fold(m[2])) + 1, int(m[1]))
    except ValueError:
        return None
    raise AssertionError(f"unexpected date format {text!r}")


def parse_number(value: object) -> float:
    if isinstance(value, int | float):
        return float(value)
    text = str(value)
    if "," in text:  # Greek Excel: 12.500,00
        text = text.replace(".", "").replace(",", ".")
    return float(text)


def read_table(path: Path, kind: str) -> tuple[list[str], list[dict]]:
    """(header as written, rows as canonical column -> value); title, blank and total rows left out."""
    header, rows = _read_xlsx(path) if path.suffix == ".xlsx" else _read_csv(path)
    mapping = KINDS[kind].header_map()
    names = [mapping.get(fold(h)) for h in header]
    return header, [{n: v for n, v in zip(names, row, strict=False) if n and v not in (None, "")} for row in rows]


def _read_csv(path: Path) -> tuple[list[str], list[list[str]]]:
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1253")
    first = text.split("\n", 1)[0]
    records = list(csv.reader(text.splitlines(), delimiter=";" if ";" in first else ","))
    return records[0], records[1:]


def _read_xlsx(path: Path) -> tuple[list[str], list[list]]:
    sheet = openpyxl.load_workbook(path, read_only=True).worksheets[0]
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    at = next(i for i, r in enumerate(rows) if r[0] is not None and r[1] is not None)  # below the title
    body = [r for r in rows[at + 1:] if any(v is not None for v in r) and r[0] != "ΣΥΝΟΛΟ"]
    return [str(h) for h in rows[at]], body


class DemoFiles:
    def __init__(self, out: Path, files: dict[str, list[Path]]):
        self.out = out
        self.files = files
        self._rows: dict[str, list[dict]] = {}

    def rows(self, kind: str) -> list[dict]:
        if kind not in self._rows:
            self._rows[kind] = [row for path in self.files[kind] for row in read_table(path, kind)[1]]
        return self._rows[kind]


@pytest.fixture(scope="session")
def demo(tmp_path_factory: pytest.TempPathFactory) -> DemoFiles:
    out = tmp_path_factory.mktemp("demo")
    return DemoFiles(out, write_demo_files(out, seed=2025, scale="test"))


@pytest.fixture(scope="session")
def readback() -> SimpleNamespace:
    """The reading helpers above, for the test modules."""
    return SimpleNamespace(municipality=municipality, parse_date=parse_date, parse_number=parse_number,
                           read_table=read_table, reference=reference)
