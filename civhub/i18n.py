"""Greek and English text of the read side, and numbers and dates written as each language writes them.

The catalogues are ``civhub/locales/<lang>.json`` plus one file per page in ``civhub/locales/<lang>/``:
flat ``dotted.key -> text`` maps whose texts may hold ``{name}`` fields filled by ``t``. Greek is the
default language.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from functools import cache
from importlib import resources

LANGUAGES = ("el", "en")
DEFAULT = "el"
# Each language is offered under its own name, so a reader of either finds it.
LANGUAGE_NAMES = {"el": "Ελληνικά", "en": "English"}

# Greek writes a day's month in the genitive: "3 Απριλίου 2023".
_MONTHS = {
    "el": (
        "Ιανουαρίου",
        "Φεβρουαρίου",
        "Μαρτίου",
        "Απριλίου",
        "Μαΐου",
        "Ιουνίου",
        "Ιουλίου",
        "Αυγούστου",
        "Σεπτεμβρίου",
        "Οκτωβρίου",
        "Νοεμβρίου",
        "Δεκεμβρίου",
    ),
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
}
# Greek groups thousands with a dot and marks decimals with a comma.
_GREEK_MARKS = str.maketrans({",": ".", ".": ","})


def language(value: str | None) -> str:
    """The supported language ``value`` names, or the default for anything else."""
    return value if value in LANGUAGES else DEFAULT


@cache
def catalogue(lang: str) -> dict[str, str]:
    """Every text of one language, by key: ``locales/<lang>.json`` and each page's ``locales/<lang>/*.json``."""
    locales = resources.files("civhub").joinpath("locales")
    merged = json.loads(locales.joinpath(f"{lang}.json").read_text(encoding="utf-8"))
    folder = locales.joinpath(lang)
    parts = (
        sorted((p for p in folder.iterdir() if p.name.endswith(".json")), key=lambda p: p.name)
        if folder.is_dir()
        else []
    )
    for part in parts:
        texts = json.loads(part.read_text(encoding="utf-8"))
        clash = merged.keys() & texts.keys()
        if clash:
            raise ValueError(f"{part.name}: keys defined twice: {sorted(clash)}")
        merged.update(texts)
    return merged


def t(key: str, lang: str, **params: object) -> str:
    """The text of ``key`` in ``lang`` with its ``{fields}`` filled from ``params``."""
    return catalogue(language(lang))[key].format_map(params)


def label(group: str, value: str, lang: str) -> str:
    """The name of a coded value (``label("org_type", "social_clinic", "en")``); unknown codes stay as written."""
    return catalogue(language(lang)).get(f"{group}.{value}", value)


def fmt_int(n: int, lang: str) -> str:
    """1234567 -> '1.234.567' (el) or '1,234,567' (en)."""
    return _marks(f"{int(n):,}", lang)


def fmt_dec(x: float | Decimal, lang: str, digits: int = 1) -> str:
    """1234.5 -> '1.234,5' (el) or '1,234.5' (en), rounded to ``digits`` decimals."""
    return _marks(f"{x:,.{digits}f}", lang)


def fmt_date(d: dt.date, lang: str) -> str:
    """2023-04-03 -> '3 Απριλίου 2023' (el) or '3 April 2023' (en)."""
    return f"{d.day} {_MONTHS[language(lang)][d.month - 1]} {d.year}"


def _marks(english: str, lang: str) -> str:
    return english.translate(_GREEK_MARKS) if language(lang) == "el" else english
