"""Folding of free text so that spellings people type compare equal.

``fold`` is used for headers, municipality names, role words and month names:
it removes what people vary without meaning to (case, accents, final sigma,
full-width digits, invisible characters, repeated spaces, dash styles).
"""

from __future__ import annotations

import re
import unicodedata

_DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"), "-")
_SPACES = re.compile(r"\s+")
_AROUND_DASH = re.compile(r"\s*-\s*")


def strip_invisible(value: str) -> str:
    """Drop format characters (zero-width spaces, BOMs, directional marks)."""
    return "".join(ch for ch in value if unicodedata.category(ch) != "Cf")


def strip_accents(value: str) -> str:
    decomposed = unicodedata.normalize("NFD", value)
    return unicodedata.normalize("NFC", "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn"))


def fold(value: str) -> str:
    """The comparison form of ``value``: 'Δήμος  ΑΘΗΝΑΙΩΝ' -> 'δημοσ αθηναιων'."""
    text = unicodedata.normalize("NFKC", strip_invisible(value))
    text = strip_accents(text).casefold().replace("ς", "σ").translate(_DASHES)
    text = _SPACES.sub(" ", text).strip()
    return _AROUND_DASH.sub("-", text)
