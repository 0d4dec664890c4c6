"""Parse numbers written the Greek way (3,5 and 1.234,5) or the English way (3.5 and 1,234.5).

A file is read one way or the other: ``detect_comma_decimal`` looks at a column's
values and says whether its commas are decimal commas; ``parse_decimal`` then reads
each value with that answer. When a value has both a dot and a comma, the last one is
the decimal separator whatever the file says. Thousands separators (dot, comma, space,
non-breaking or thin space) must group digits by three, so 1.23,4 is refused rather
than guessed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation

from civhub.text import fold

BAD_NUMBER = "bad_number"
BAD_INTEGER = "bad_integer"
BAD_YEAR = "bad_year"

# Longer than any amount a person writes: the rest is not worth reading.
_MAX_CHARS = 64
_CURRENCY = r"(?:€|eur|euro|euros|ευρω)\.?"
_NUMBER = re.compile(
    rf"(?:{_CURRENCY}\s*)?(?P<sign>[+-]?)\s*(?:{_CURRENCY}\s*)?(?P<body>[0-9][0-9., ]*|[.,][0-9]+)\s*(?:{_CURRENCY})?"
)
_DIGITS = re.compile(r"[0-9]*")
# A thousands grouping never starts with 0: "0.125" is a decimal whatever the convention.
_GROUPED = {sep: re.compile(rf"[1-9][0-9]{{0,2}}(?:{re.escape(sep)}[0-9]{{3}})+") for sep in (".", ",", " ")}
_LAST_SEPARATOR = re.compile(r"([.,])([0-9]*)$")
_REPEATED_DOTS = re.compile(r"[0-9]{1,3}(?:\.[0-9]{3}){2,}")
_YEAR = re.compile(r"([1-9])[.,]?([0-9]{3})(?:[.,]0+)?")


def clean(raw: object) -> str | None:
    """The folded text of a value (NFKC turns non-breaking and thin spaces into spaces), or None."""
    if not isinstance(raw, str):
        return None
    text = fold(raw)
    return text if text and len(text) <= _MAX_CHARS else None


def _separators(body: str, comma_decimal: bool) -> tuple[str | None, str | None]:
    """(decimal separator, thousands separator) of a number's digits and punctuation."""
    if "." in body and "," in body:
        return (",", ".") if body.rfind(",") > body.rfind(".") else (".", ",")
    if "," in body:
        return (",", None) if comma_decimal else (None, ",")
    if "." in body:
        whole = body.replace(" ", "")
        return (None, ".") if comma_decimal and _GROUPED["."].fullmatch(whole) else (".", None)
    return None, None


def _valid_whole(whole: str, thousands: str | None) -> str | None:
    """The digits of the whole part, if its grouping is valid."""
    if " " in whole:
        if thousands:
            return None
        thousands = " "
    if thousands and thousands in whole:
        return whole.replace(thousands, "") if _GROUPED[thousands].fullmatch(whole) else None
    return whole if _DIGITS.fullmatch(whole) else None


def parse_decimal(raw: str, comma_decimal: bool) -> Decimal | str:
    """The number ``raw`` means, or ``"bad_number"``: '1.234,5' -> 1234.5, '3,5 €' -> 3.5."""
    text = clean(raw)
    match = _NUMBER.fullmatch(text) if text else None
    if not match:
        return BAD_NUMBER
    body = match["body"].strip()
    decimal_sep, thousands = _separators(body, comma_decimal)
    whole, fraction = body, ""
    if decimal_sep:
        whole, _, fraction = body.partition(decimal_sep)
        if not fraction.isdigit():
            return BAD_NUMBER
    digits = _valid_whole(whole.strip(), thousands)
    if digits is None or not (digits or fraction):
        return BAD_NUMBER
    try:
        return Decimal(f"{match['sign']}{digits or '0'}" + (f".{fraction}" if fraction else ""))
    except InvalidOperation:
        return BAD_NUMBER


def parse_int(raw: str, comma_decimal: bool) -> int | str:
    """The whole number ``raw`` means, or ``"bad_integer"`` (also for 3,5). '12.0' is 12."""
    value = parse_decimal(raw, comma_decimal)
    if isinstance(value, str) or value != value.to_integral_value():
        return BAD_INTEGER
    return int(value)


def parse_year(raw: str) -> int | str:
    """A four-digit year, or ``"bad_year"``. Excel may write 2024 as 2024.0 or, formatted, 2.024."""
    text = clean(raw)
    if not text:
        return BAD_YEAR
    match = _YEAR.fullmatch(text)
    return int(match[1] + match[2]) if match else BAD_YEAR


def detect_comma_decimal(values: Iterable[str]) -> bool:
    """Whether a column writes decimals with a comma (a Greek file).

    True as soon as one number's last separator is a comma not followed by exactly three
    digits (3,5 or 1.234,50), or a comma after a dot (1.234,567), or dots group
    thousands more than once (1.234.567); False otherwise, where 1,234 stays ambiguous.
    """
    for raw in values:
        text = clean(raw)
        match = _NUMBER.fullmatch(text) if text else None
        if not match:
            continue
        body = match["body"].replace(" ", "")
        last = _LAST_SEPARATOR.search(body)
        if last and last[1] == "," and (len(last[2]) != 3 or "." in body):
            return True
        if _REPEATED_DOTS.fullmatch(body):
            return True
    return False
