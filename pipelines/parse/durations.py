"""Parse a duration in hours as people write it: 2,5 or 2.5, 2:30 (what Excel shows for a cell typed as a
time, and what its time cells are read as: 02:30:00), 2 ώρες, 2,5 ώρες, 45 λεπτά, 2 ώρες και 30 λεπτά, 3h.

The number of hours is written as any number (``pipelines.parse.numbers``); minutes are whole; a
clock time has one or two digits of hours and two of minutes (and seconds). The result is in hours,
kept to four decimals (20 minutes are 0.3333 hours).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal

from pipelines.parse.numbers import clean, detect_comma_decimal, parse_decimal

BAD_HOURS = "bad_hours"

_PLACES = Decimal("0.0001")
# Folded (civhub.text.fold): no accents, small letters, final sigma as σ.
_HOUR_WORDS = r"(?:ωρεσ|ωρα|ωρ|ω|hours|hour|hrs|hr|h)\.?"
_MINUTE_WORDS = r"(?:λεπτα|λεπτο|λεπ|λ|minutes|minute|mins|min|m|')\.?"
_CLOCK = re.compile(r"(?P<h>[0-9]{1,2}):(?P<m>[0-5][0-9])(?::(?P<s>[0-5][0-9]))?")
_WORDS = re.compile(
    rf"(?:(?P<hours>[0-9][0-9.,]*)\s*{_HOUR_WORDS})?"
    rf"(?:\s*(?:και|and|&)?\s*(?P<minutes>[0-9]+)\s*{_MINUTE_WORDS})?"
)
_NUMBER_PART = re.compile(rf"(?P<number>[0-9][0-9.,]*)\s*{_HOUR_WORDS}")


def parse_hours(raw: str, comma_decimal: bool) -> Decimal | str:
    """The hours ``raw`` means, or ``"bad_hours"``: '2:30' -> 2.5, '2,5 ώρες' -> 2.5, '45 λεπτά' -> 0.75."""
    number = parse_decimal(raw, comma_decimal)
    if not isinstance(number, str):
        return number
    text = clean(raw)
    if not text:
        return BAD_HOURS
    clock = _CLOCK.fullmatch(text)
    if clock:
        return _hours(Decimal(clock["h"]), int(clock["m"]), int(clock["s"] or 0))
    words = _WORDS.fullmatch(text)
    if not words or not (words["hours"] or words["minutes"]):
        return BAD_HOURS
    hours = parse_decimal(words["hours"], comma_decimal) if words["hours"] else Decimal(0)
    if isinstance(hours, str):
        return BAD_HOURS
    return _hours(hours, int(words["minutes"] or 0), 0)


def detect_comma_hours(values: Iterable[str]) -> bool:
    """Whether a column of hours writes decimals with a comma, judged from its numbers with or without a unit."""
    return detect_comma_decimal(_number_part(value) for value in values)


def _number_part(raw: str) -> str:
    text = clean(raw)
    match = _NUMBER_PART.fullmatch(text) if text else None
    return match["number"] if match else raw


def _hours(hours: Decimal, minutes: int, seconds: int) -> Decimal:
    return (hours + Decimal(minutes) / 60 + Decimal(seconds) / 3600).quantize(_PLACES)
