"""How senders write their files: the value formats of each dialect, and the CSV and XLSX writers.

A table holds Python values (dates, numbers, canonical choice values); a dialect decides how they look
on disk. A value that is already a string is written exactly as given, which is how the demo plants
the mistakes people make (a date 31/02, a misspelt municipality).
"""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.writer.excel import ExcelWriter

from pipelines.demo.words import MONTHS_GENITIVE
from pipelines.kinds import KINDS, Column

FIXED_TIME = datetime(2025, 1, 1, 9, 0, 0)  # workbook properties and zip entry times, so that bytes never vary
TOTAL_LABEL = "ΣΥΝΟΛΟ"


@dataclass(frozen=True)
class Dialect:
    """How one sender writes a CSV file."""

    encoding: str = "utf-8"
    delimiter: str = ","
    dates: str = "iso"  # iso | dmy (05/03/2024) | month_names (5 Μαρτίου 2024)
    decimal_comma: bool = False
    headers: str = "name"  # name | el | en: which of a column's names heads it
    bom: bool = False
    newline: str = "\n"
    greek_choices: bool = False  # write «κοινωνικό φαρμακείο» rather than social_pharmacy


PLAIN = Dialect()
PLAIN_ENGLISH = Dialect(headers="en")
PLAIN_GREEK = Dialect(headers="el")
GREEK_EXCEL = Dialect("cp1253", ";", "dmy", True, "el", newline="\r\n", greek_choices=True)
EXCEL_UTF8 = Dialect(dates="dmy", headers="el", bom=True, newline="\r\n", greek_choices=True)
MONTH_NAMES = Dialect(dates="month_names", headers="el", greek_choices=True)


@dataclass
class Table:
    """Rows of one kind: the kind's columns (canonical names), then any extra columns the sender added."""

    kind: str
    columns: list[str]
    rows: list[list] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)

    def header(self, style: str) -> list[str]:
        kind = KINDS[self.kind]
        return [getattr(kind.column(name), style) for name in self.columns] + self.extra

    def specs(self) -> list[Column | None]:
        kind = KINDS[self.kind]
        return [kind.column(name) for name in self.columns] + [None] * len(self.extra)


def number_text(value: float, decimal_comma: bool = False, grouped: bool = False) -> str:
    """3.5 -> '3.5' (or '3,5'), 4.0 -> '4'; grouped money 12500 -> '12.500,00' in Greek."""
    if grouped:
        text = f"{value:,.2f}"
        return text.translate(str.maketrans(",.", ".,")) if decimal_comma else text
    text = repr(float(value))
    text = text.removesuffix(".0")
    return text.replace(".", ",") if decimal_comma else text


def date_text(day: date, style: str) -> str:
    if style == "dmy":
        return day.strftime("%d/%m/%Y")
    if style == "month_names":
        return f"{day.day} {MONTHS_GENITIVE[day.month - 1]} {day.year}"
    return day.isoformat()


def cell_text(value: object, column: Column | None, dialect: Dialect) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return greek_choice(value, column) if dialect.greek_choices else value
    if isinstance(value, date):
        return date_text(value, dialect.dates)
    if isinstance(value, int | float):
        grouped = column is not None and column.name == "amount_eur" and dialect.decimal_comma
        return number_text(value, dialect.decimal_comma, grouped)
    raise TypeError(f"cannot write {type(value).__name__}")


def greek_choice(value: str, column: Column | None) -> str:
    """The Greek label of a canonical choice value (its first alias); any other text unchanged."""
    if column is None or column.choices is None or value not in column.choices:
        return value
    return column.choices[value][0]


def write_csv(path: Path, table: Table, dialect: Dialect) -> Path:
    specs = table.specs()
    path.parent.mkdir(parents=True, exist_ok=True)
    encoding = "utf-8-sig" if dialect.bom else dialect.encoding
    with open(path, "w", encoding=encoding, newline="") as fh:
        writer = csv.writer(fh, delimiter=dialect.delimiter, lineterminator=dialect.newline)
        writer.writerow(table.header(dialect.headers))
        for row in table.rows:
            writer.writerow([cell_text(v, spec, dialect) for v, spec in zip(row, specs, strict=True)])
    return path


def write_xlsx(path: Path, table: Table, title: str, total_of: str | None = None, sheet: str = "Φύλλο1") -> Path:
    """A workbook as people make them: a title row, a blank row, Greek headers, Excel dates, a total row."""
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    header = table.header("el")
    ws.append([title])
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(header))
    ws["A1"].font = Font(bold=True, size=13)
    ws.append([])
    ws.append(header)
    for cell in ws[3]:
        cell.font = Font(bold=True)
    specs = table.specs()
    for row in table.rows:
        ws.append([greek_choice(v, spec) if isinstance(v, str) else v for v, spec in zip(row, specs, strict=True)])
        for cell in ws[ws.max_row]:
            if isinstance(cell.value, date | datetime):
                cell.number_format = "DD/MM/YYYY"
    if total_of is not None:
        where = table.columns.index(total_of)
        total = round(sum(row[where] for row in table.rows if isinstance(row[where], int | float)), 2)
        ws.append([TOTAL_LABEL] + [None] * (where - 1) + [total])
        ws[ws.max_row][0].font = Font(bold=True)
    return save_stable(wb, path)


def save_stable(wb: Workbook, path: Path) -> Path:
    """Save with fixed times: openpyxl stamps the save time into the properties and every zip entry."""
    wb.properties.creator = "civhub demo"
    wb.properties.created = wb.properties.modified = FIXED_TIME
    buffer = io.BytesIO()
    ExcelWriter(wb, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED)).save()
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            stamped = zipfile.ZipInfo(item.filename, date_time=FIXED_TIME.timetuple()[:6])
            stamped.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(stamped, source.read(item.filename))
    return path
