"""Blank submission templates (``data/templates/``): CSV and XLSX, with Greek and with English headers.

Written from ``pipelines/kinds.py`` by ``python -m pipelines templates``, so they always
match what the loader accepts; they load as they are (zero rows). The XLSX templates
carry a second sheet explaining every column.
"""

from __future__ import annotations

import csv
import io
from datetime import datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font

from civhub import config
from pipelines.kinds import KINDS, Column, Kind

GUIDE = {
    "el": {"sheet": "Οδηγίες", "data": "Δεδομένα", "head": ("Στήλη", "Υποχρεωτική", "Τι γράφετε"),
           "yes": "ναι", "no": "όχι", "values": "Τιμές: "},
    "en": {"sheet": "Instructions", "data": "Data", "head": ("Column", "Required", "What to write"),
           "yes": "yes", "no": "no", "values": "Values: "},
}
HINTS = {
    "id": {"el": "κωδικός (κείμενο)", "en": "identifier (text)"},
    "text": {"el": "κείμενο", "en": "text"},
    "date": {"el": "ημερομηνία, π.χ. 31/12/2024", "en": "date, e.g. 31/12/2024"},
    "decimal": {"el": "αριθμός, π.χ. 3,5", "en": "number, e.g. 3.5"},
    "duration": {"el": "ώρες, π.χ. 2,5 ή 2:30", "en": "hours, e.g. 2.5 or 2:30"},
    "int": {"el": "ακέραιος αριθμός", "en": "whole number"},
    "year": {"el": "έτος, π.χ. 2024", "en": "year, e.g. 2024"},
    "municipality": {"el": "κωδικός ΕΛΣΤΑΤ ή όνομα δήμου", "en": "ELSTAT code or municipality name"},
    "choice": {"el": "μία από τις τιμές", "en": "one of the values"},
    "role": {"el": "ρόλος, π.χ. εθελοντής, οδηγός", "en": "role, e.g. volunteer, driver"},
    "id_list": {"el": "κωδικοί χωρισμένοι με ;", "en": "identifiers separated by ;"},
}
FIXED_TIME = datetime(2025, 1, 1)


def headers(kind: Kind, lang: str) -> list[str]:
    return [c.el if lang == "el" else c.en for c in kind.columns]


def csv_text(kind: Kind, lang: str) -> str:
    out = io.StringIO()
    csv.writer(out, delimiter=";" if lang == "el" else ",", lineterminator="\r\n").writerow(headers(kind, lang))
    return out.getvalue()


def _hint(column: Column, lang: str) -> str:
    text = HINTS[column.type][lang]
    if column.choices:
        text += ". " + GUIDE[lang]["values"] + ", ".join(
            f"{names[0] if lang == 'el' else value}" for value, names in column.choices.items()
        )
    return text


def workbook(kind: Kind, lang: str) -> Workbook:
    words = GUIDE[lang]
    book = Workbook()
    data = book.active
    data.title = words["data"]
    data.append(headers(kind, lang))
    for cell in data[1]:
        cell.font = Font(bold=True)
    guide = book.create_sheet(words["sheet"])
    guide.append(list(words["head"]))
    for column in kind.columns:
        required = words["yes"] if column.required else words["no"]
        guide.append([column.el if lang == "el" else column.en, required, _hint(column, lang)])
    book.properties.created = book.properties.modified = FIXED_TIME
    return book


def write_all(folder: Path | None = None) -> list[Path]:
    folder = folder or config.TEMPLATES_DIR
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for kind in KINDS.values():
        for lang in ("el", "en"):
            path = folder / f"{kind.name}.{lang}.csv"
            # UTF-8 with BOM so that Excel opens the Greek headers correctly.
            path.write_text(csv_text(kind, lang), encoding="utf-8-sig", newline="")
            xlsx = folder / f"{kind.name}.{lang}.xlsx"
            workbook(kind, lang).save(xlsx)
            written += [path, xlsx]
    return written
