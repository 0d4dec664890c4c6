"""Parse the dates people type or Greek Excel writes into ``datetime.date``.

Numeric dates are always read day first (05/03/2024 is 5 March), as everywhere in
Greece; a two-digit year is 20yy because the data start in 2011. Month names may be
Greek (any case, with or without accents, nominative, genitive, colloquial or
abbreviated) or English. A date without a day (Μάρτιος 2024) is not a date. Whether
a date is too old or in the future is checked by the validator, not here.
"""

from __future__ import annotations

import re
from datetime import date, time, timedelta

from civhub.text import fold

BAD_DATE = "bad_date"

# Longer than any written date with a weekday and a time: the rest is not worth a regex.
_MAX_CHARS = 64

_GREEK_MONTHS = (
    ("ιανουαριοσ", "ιανουαριου", "ιαν", "γεναρησ", "γεναρη"),
    ("φεβρουαριοσ", "φεβρουαριου", "φεβ", "φεβρ", "φλεβαρησ", "φλεβαρη"),
    ("μαρτιοσ", "μαρτιου", "μαρ", "μαρτησ", "μαρτη"),
    ("απριλιοσ", "απριλιου", "απρ", "απριλησ", "απριλη"),
    ("μαιοσ", "μαιου", "μαι", "μαησ", "μαη"),
    ("ιουνιοσ", "ιουνιου", "ιουν", "ιουνησ", "ιουνη"),
    ("ιουλιοσ", "ιουλιου", "ιουλ", "ιουλησ", "ιουλη"),
    ("αυγουστοσ", "αυγουστου", "αυγ"),
    ("σεπτεμβριοσ", "σεπτεμβριου", "σεπ", "σεπτ", "σεπτεμβρησ", "σεπτεμβρη"),
    ("οκτωβριοσ", "οκτωβριου", "οκτ", "οκτωβρησ", "οκτωβρη"),
    ("νοεμβριοσ", "νοεμβριου", "νοε", "νοεμ", "νοεμβρησ", "νοεμβρη"),
    ("δεκεμβριοσ", "δεκεμβριου", "δεκ", "δεκεμβρησ", "δεκεμβρη"),
)
_ENGLISH_MONTHS = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)
MONTHS: dict[str, int] = {
    **{name: number for number, names in enumerate(_GREEK_MONTHS, 1) for name in names},
    **{name: number for number, name in enumerate(_ENGLISH_MONTHS, 1)},
    **{name[:3]: number for number, name in enumerate(_ENGLISH_MONTHS, 1)},
    "sept": 9,
}
# Excel's long date format starts with the weekday (Τρίτη, 5 Μαρτίου 2024); it adds nothing.
WEEKDAYS = frozenset((
    "δευτερα", "τριτη", "τεταρτη", "πεμπτη", "παρασκευη", "σαββατο", "κυριακη",
    "δευ", "τρι", "τετ", "πεμ", "παρ", "σαβ", "κυρ",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
))

_TIME = re.compile(
    r"(?:[ t]|^)(?P<h>[0-9]{1,2}):(?P<mi>[0-9]{2})(?::(?P<s>[0-9]{2})(?:\.[0-9]+)?)?"
    r"\s*(?P<ampm>am|pm|πμ|μμ|π\.μ\.|μ\.μ\.)?\s*(?:z|[+-][0-9]{2}:?[0-9]{2})?$"
)
_YEAR_FIRST = re.compile(r"(?P<y>[0-9]{4})\s*(?P<sep>[-/.])\s*(?P<m>[0-9]{1,2})\s*(?P=sep)\s*(?P<d>[0-9]{1,2})")
_DAY_FIRST = re.compile(
    r"(?P<d>[0-9]{1,2})\s*(?P<sep>[-/.])\s*(?P<m>[0-9]{1,2})\s*(?P=sep)\s*(?P<y>[0-9]{4}|[0-9]{2})"
)
_WORD = r"[^\W\d_]+"
_ORDINAL = r"(?:η|ησ|th|st|nd|rd)?"
_WEEKDAY = rf"(?:(?P<wd>{_WORD})\b\.?\s*,?\s*)?"
_NAMED_DAY_FIRST = re.compile(
    rf"{_WEEKDAY}(?P<d>[0-9]{{1,2}}){_ORDINAL}[\s\-/.]*(?P<m>{_WORD})\.?[\s\-/.,]*(?P<y>[0-9]{{4}}|[0-9]{{2}})"
)
_NAMED_MONTH_FIRST = re.compile(
    rf"{_WEEKDAY}(?P<m>{_WORD})\.?[\s\-/.]*(?P<d>[0-9]{{1,2}}){_ORDINAL}(?:\s*,\s*|\s+)(?P<y>[0-9]{{4}}|[0-9]{{2}})"
)
_SERIAL = re.compile(r"(?P<n>[0-9]{1,7})(?:\.[0-9]+)?")
_EXCEL_EPOCH = date(1899, 12, 30)
# Excel counts a 29 February 1900 that never was (serial 60); serials below it are one day off.
_EXCEL_FAKE_LEAP_DAY = 60


def parse_date(raw: str, allow_serial: bool = False) -> date | str:
    """The date ``raw`` means, or ``"bad_date"``.

    ``allow_serial`` also accepts an Excel day number (45356 is 2024-03-05), which only
    the caller knows to be right (a cell that Excel stored as a date).
    """
    if not isinstance(raw, str):
        return BAD_DATE
    text = fold(raw)
    if not text or len(text) > _MAX_CHARS:
        return BAD_DATE
    serial = _SERIAL.fullmatch(text) if allow_serial else None
    if serial:
        return _from_serial(int(serial["n"]))
    text, clock_ok = _without_time(text)
    if not clock_ok:
        return BAD_DATE
    return _numeric(text) or _named(text) or BAD_DATE


def _without_time(text: str) -> tuple[str, bool]:
    """``text`` without a trailing time of day, and whether that time was a real one."""
    match = _TIME.search(text)
    if not match:
        return text, True
    hour, minute, second = int(match["h"]), int(match["mi"]), int(match["s"] or 0)
    if match["ampm"] and not 1 <= hour <= 12:
        return text, False
    try:
        time(hour, minute, second)
    except ValueError:
        return text, False
    return text[: match.start()].strip(), True


def _numeric(text: str) -> date | None:
    match = _YEAR_FIRST.fullmatch(text) or _DAY_FIRST.fullmatch(text)
    if not match:
        return None
    return _make(match["y"], int(match["m"]), match["d"])


def _named(text: str) -> date | None:
    for pattern in (_NAMED_DAY_FIRST, _NAMED_MONTH_FIRST):
        match = pattern.fullmatch(text)
        if not match or (match["wd"] and match["wd"] not in WEEKDAYS) or match["m"] not in MONTHS:
            continue
        return _make(match["y"], MONTHS[match["m"]], match["d"])
    return None


def _make(year: str, month: int, day: str) -> date | None:
    full_year = 2000 + int(year) if len(year) == 2 else int(year)
    try:
        return date(full_year, month, int(day))
    except ValueError:
        return None


def _from_serial(serial: int) -> date | str:
    if serial == _EXCEL_FAKE_LEAP_DAY or serial < 1:
        return BAD_DATE
    days = serial + 1 if serial < _EXCEL_FAKE_LEAP_DAY else serial
    try:
        return _EXCEL_EPOCH + timedelta(days=days)
    except OverflowError:
        return BAD_DATE
