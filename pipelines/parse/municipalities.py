"""Resolve what a person wrote for a municipality to its ELSTAT code.

Submitted files name municipalities by code (0101, 101) or by name in many spellings:
official genitive (ΚΟΜΟΤΗΝΗΣ), display name (Δήμος Κομοτηνής), nominative (Κομοτηνή),
Latin (Komotini, Dimos Komotinis). Every accepted spelling is generated from the
reference CSV up front, so resolving is a dictionary lookup: a spelling that fits more
than one municipality is reported as ambiguous, one that fits none as unknown with
"did you mean" suggestions. Spellings that sound the same (ι for η, one letter for a
double one) count as one spelling; a near miss (a letter missing or wrong) is never
resolved silently: it only comes back as a suggestion.
"""

from __future__ import annotations

import csv
import difflib
import functools
import itertools
import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from civhub.text import fold
from pipelines.parse.translit import loose_latin, transliterate

UNKNOWN = "unknown_municipality"
AMBIGUOUS = "ambiguous_municipality"
REQUIRED_COLUMNS = ("code", "name_el", "name_el_display", "name_en", "regional_unit_el", "region_el", "region_en")

# Longer than any name or "name (regional unit, region)": the rest is not worth comparing.
_MAX_CHARS = 200
_CODE = re.compile(r"([0-9]{1,4})(?:\.0+)?")
_CODE_AND_NAME = re.compile(r"([0-9]{1,4})\W+(.*[^\W\d_].*)")
_IN_PARENS = re.compile(r"(.*?)\s*\((.*)\)\s*")
_NOT_WORD = re.compile(r"[\W_]+")
_GREEK = re.compile(r"[α-ω]")
_LATIN = re.compile(r"[a-z]")
# Latin letters that look like Greek capitals, typed by mistake in Greek words (ΚOΜΟΤΗΝΗ with a Latin O)
# or for a whole word on a Latin keyboard (KOMOTHNH).
_LOOKALIKES = str.maketrans("abehikmnoptxyz", "αβεηικμνορτχυζ")
_ONLY_LOOKALIKES = re.compile(r"[abehikmnoptxyz ]+")

_NAME_PREFIXES = (
    "municipality of", "municipality", "δημοσ", "δημου", "δημο", "dimos", "dimou", "dhmos", "dhmou", "dimo", "δ", "d",
)
_NAME_SUFFIXES = ("municipality", "δημοσ", "dimos")
_AREA_PREFIXES = (
    "περιφερειακη ενοτητα", "περιφερειακησ ενοτητασ", "περιφερεια", "περιφερειασ", "νομοσ", "νομου", "π ε", "πε", "ν",
    "regional unit of", "regional unit", "region of", "region", "prefecture of", "prefecture", "nomos", "perifereia",
)
# Honorific titles of a few official names that people leave out (Ηρωικής Πόλεως Νάουσας).
_HONORIFICS = ("ηρωικησ πολεωσ", "ηρωικησ νησου", "ιερασ πολησ")

# Words people abbreviate (Αγ. Παρασκευή, Ν. Σμύρνη), with every form of them found in the names.
_ABBREVIATIONS = {
    "αγ": frozenset(("αγιοσ", "αγιου", "αγια", "αγιασ", "αγιοι", "αγιων")),
    "ν": frozenset(("νεα", "νεασ")),
}
# Official names are genitive; these give the nominative (and other everyday) forms of a
# folded word: Κομοτηνής -> Κομοτηνή, Σαπών -> Σάπες, Αθηναίων -> Αθήνα, Πειραιώς -> Πειραιάς.
_NOMINATIVES = (
    ("ησ", ("η",)), ("ασ", ("α",)), ("ου", ("οσ", "ο")), ("ιου", ("ι",)),
    ("ων", ("α", "εσ", "οι")), ("αιων", ("α",)), ("εων", ("α", "ο")), ("ιων", ("οσ",)),
    ("εωσ", ("η",)), ("ωσ", ("ασ",)), ("οσ", ("ασ", "α")), ("ατοσ", ("α",)),
    ("α", ("ασ",)), ("η", ("ησ",)), ("ω", ("ωσ",)),
)
# The genitive people form from a nominative, which is often not the official one:
# Αθήνα -> Αθήνας (official Αθηναίων), Κόρινθος -> Κορίνθου (official Κορινθίων).
_GENITIVES = (("η", ("ησ",)), ("α", ("ασ",)), ("οσ", ("ου",)), ("ο", ("ου",)), ("ασ", ("α",)))


@dataclass(frozen=True)
class Municipality:
    code: str
    display: str
    region_display: str

    @property
    def qualified(self) -> str:
        """The display name with its region, which tells apart namesakes (the two Δήμος Ηρακλείου)."""
        return f"{self.display} ({self.region_display})"


def _strip_words(key: str, prefixes: tuple[str, ...], suffixes: tuple[str, ...] = ()) -> str:
    for prefix in prefixes:
        if key.startswith(prefix + " ") and len(key) > len(prefix) + 1:
            key = key[len(prefix) + 1:]
            break
    for suffix in suffixes:
        if key.endswith(" " + suffix):
            key = key[: -len(suffix) - 1]
            break
    return key


def _key(text: str) -> str:
    """The folded words of ``text`` without punctuation: 'Μαρώνειας – Σαπών' -> 'μαρωνειασ σαπων'."""
    folded = fold(text)
    folded = folded.replace("&", " και " if _GREEK.search(folded) else " and ")
    words = _NOT_WORD.sub(" ", folded).split()
    return " ".join(w.translate(_LOOKALIKES) if _GREEK.search(w) and _LATIN.search(w) else w for w in words)


def name_key(text: str) -> str:
    """The comparison key of a municipality name, without «Δήμος»/«Municipality of» around it."""
    return _strip_words(_key(text), _NAME_PREFIXES, _NAME_SUFFIXES)


def _area_key(text: str) -> str:
    return _strip_words(_key(text), _AREA_PREFIXES)


def _declined(word: str, endings: tuple[tuple[str, tuple[str, ...]], ...]) -> set[str]:
    forms = {word}
    for ending, replacements in endings:
        if word.endswith(ending) and len(word) > len(ending):
            forms.update(word[: -len(ending)] + r for r in replacements)
    return forms


def _word_forms(word: str) -> set[str]:
    """A word of an official name, its nominatives and the everyday genitives of those."""
    forms = {again for form in _declined(word, _NOMINATIVES) for again in _declined(form, _GENITIVES)}
    forms.update(short for short, words in _ABBREVIATIONS.items() if forms & words)
    return forms


def greek_forms(key: str) -> set[str]:
    """Every everyday form of a folded Greek name: each word as written or in a nominative form."""
    variants = {key}
    for honorific in _HONORIFICS:
        if key.startswith(honorific + " "):
            variants.add(key[len(honorific) + 1:])
    forms: set[str] = set()
    for variant in variants:
        options = [sorted(_word_forms(w)) for w in variant.split()]
        forms.update(" ".join(combo) for combo in itertools.product(*options))
    return forms


@functools.lru_cache(maxsize=4096)
def _spellings(key: str) -> tuple[tuple[str, str], ...]:
    """(Greek form, its transliteration) for every form of a Greek name; region names repeat, hence the cache."""
    return tuple((form, transliterate(form)) for form in sorted(greek_forms(key)))


class _Index:
    """Spellings -> codes, in three scripts of strictness: Greek, Latin (ELOT 743 and English), loose Latin."""

    def __init__(self) -> None:
        self.greek: dict[str, set[str]] = defaultdict(set)
        self.latin: dict[str, set[str]] = defaultdict(set)
        self.loose: dict[str, set[str]] = defaultdict(set)

    def add_greek(self, key: str, code: str) -> None:
        for form, latin in _spellings(key):
            self.greek[form].add(code)
            self.add_latin(latin, code)

    def add_latin(self, key: str, code: str) -> None:
        if key:
            self.latin[key].add(code)
            self.loose[loose_latin(key)].add(code)

    def add(self, text: str, code: str, keyer: Callable[[str], str]) -> None:
        key = keyer(text)
        if _GREEK.search(key):
            self.add_greek(key, code)
        else:
            self.add_latin(key, code)

    def lookup(self, key: str) -> frozenset[str]:
        """The codes a key fits, from the strictest table that knows it."""
        found = self._lookup(key)
        if not found and _ONLY_LOOKALIKES.fullmatch(key):
            found = frozenset(self.greek.get(key.translate(_LOOKALIKES), ()))
        return found

    def _lookup(self, key: str) -> frozenset[str]:
        if _GREEK.search(key):
            if key in self.greek:
                return frozenset(self.greek[key])
            key = transliterate(key)
        if key in self.latin:
            return frozenset(self.latin[key])
        return frozenset(self.loose.get(loose_latin(key), ()))


class MunicipalityResolver:
    """Resolves raw municipality text to an ELSTAT code; see ``resolve``."""

    def __init__(self, rows: list[dict[str, str]], region_names: dict[str, str] | None = None) -> None:
        # ELSTAT's region name (ΑΤΤΙΚΗΣ) -> the name shown (Περιφέρεια Αττικής); ELSTAT's where none is given.
        self._region_names = region_names or {}
        self._rows: dict[str, Municipality] = {}
        self._names = _Index()
        self._areas = _Index()
        for row in rows:
            self._add(row)
        # Comparing an unknown name with every spelling is slow; these narrow it down first.
        self._keys_with_word: dict[str, set[str]] = defaultdict(set)
        self._keys_by_initial: dict[str, list[str]] = defaultdict(list)
        for key in itertools.chain(self._names.greek, self._names.latin):
            self._keys_by_initial[key[0]].append(key)
            for word in key.split():
                self._keys_with_word[word].add(key)
        displays = [m.display for m in self._rows.values()]
        self._labels = {
            code: m.qualified if displays.count(m.display) > 1 else m.display for code, m in self._rows.items()
        }

    @classmethod
    def from_csv(cls, path: str | Path) -> MunicipalityResolver:
        """The resolver of the municipalities in ``path``, naming their regions as ``regions.csv`` beside it does."""
        with open(path, encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            missing = [c for c in REQUIRED_COLUMNS if c not in (reader.fieldnames or [])]
            if missing:
                raise ValueError(f"{path}: missing columns {', '.join(missing)}")
            rows = list(reader)
        regions = Path(path).with_name("regions.csv")
        if not regions.exists():
            return cls(rows)
        with open(regions, encoding="utf-8-sig", newline="") as handle:
            return cls(rows, {r["region_el"]: r["region_el_display"] for r in csv.DictReader(handle)})

    def _add(self, row: dict[str, str]) -> None:
        code = row["code"].strip()
        if not (len(code) == 4 and code.isdigit()) or code in self._rows:
            raise ValueError(f"municipality code {code!r} is not 4 digits or is repeated")
        region = row["region_el"].strip()
        self._rows[code] = Municipality(code, row["name_el_display"].strip(), self._region_names.get(region, region))
        for column in ("name_el", "name_el_display", "name_en"):
            self._names.add(row[column], code, name_key)
        for column in ("regional_unit_el", "region_el", "region_en"):
            self._areas.add(row[column], code, _area_key)

    @property
    def codes(self) -> list[str]:
        return list(self._rows)

    def label(self, code: str) -> str:
        """How a municipality is named in messages: its display name, qualified where namesakes exist."""
        return self._labels[code]

    def resolve(self, raw: str) -> str | tuple[str, dict]:
        """The 4-digit code that ``raw`` names, or an error code with its parameters:

        ``("unknown_municipality", {"suggestions": [up to 3 labels]})`` or
        ``("ambiguous_municipality", {"candidates": [qualified labels]})``.
        """
        text = fold(raw) if isinstance(raw, str) else ""
        if not text or len(text) > _MAX_CHARS:
            return self._unknown([])
        code_match = _CODE.fullmatch(text)
        if code_match:
            code = code_match.group(1).zfill(4)
            return code if code in self._rows else self._unknown([])
        both = _CODE_AND_NAME.fullmatch(text)
        if both:
            return self._agree(both.group(1).zfill(4), self._names.lookup(name_key(both.group(2))))
        return self._by_name(text)

    def _by_name(self, text: str) -> str | tuple[str, dict]:
        key = name_key(text)
        found = self._names.lookup(key)
        if found:
            return self._outcome(found)
        parens = _IN_PARENS.fullmatch(text)
        for name, qualifier in self._qualified_splits(text, parens):
            candidates = self._names.lookup(name_key(name))
            if not candidates:
                continue
            code_match = _CODE.fullmatch(qualifier)
            if code_match:
                return self._agree(code_match.group(1).zfill(4), candidates)
            areas = [self._areas.lookup(_area_key(p)) for p in qualifier.split(",")]
            if all(areas):
                chosen = candidates.intersection(*areas)
                return self._outcome(chosen) if chosen else self._unknown(sorted(candidates))
            if parens:
                # A remark in parentheses that names no area does not change what the name says.
                return self._outcome(candidates)
        return self._unknown(self._suggest(key))

    @staticmethod
    def _qualified_splits(text: str, parens: re.Match | None) -> list[tuple[str, str]]:
        """Ways to read ``text`` as a name plus a regional unit or region: 'X (Y)', 'X, Y' or 'X Y'."""
        if parens:
            return [(parens.group(1), parens.group(2))]
        if "," in text:
            name, _, rest = text.partition(",")
            return [(name, rest)]
        words = text.split()
        return [(" ".join(words[:-k]), " ".join(words[-k:])) for k in range(1, min(4, len(words)))]

    def _agree(self, code: str, named: frozenset[str]) -> str | tuple[str, dict]:
        """A code written with a name stands only when the name fits it."""
        if code in named:
            return code
        meant = sorted(named | ({code} if code in self._rows else set()))
        if len(meant) > 1:  # the code names one, the name another: their names tell them apart
            return AMBIGUOUS, {"candidates": [self.label(c) for c in meant]}
        return self._unknown(meant)

    def _outcome(self, codes: frozenset[str]) -> str | tuple[str, dict]:
        if len(codes) == 1:
            return next(iter(codes))
        return AMBIGUOUS, {"candidates": [self._rows[c].qualified for c in sorted(codes)]}

    def _unknown(self, codes: list[str]) -> tuple[str, dict]:
        return UNKNOWN, {"suggestions": [self._labels[c] for c in codes[:3]]}

    def _suggest(self, key: str) -> list[str]:
        """Codes to offer for an unknown name: names that contain all its words (Σάμος -> Ανατολικής
        Σάμου, Δυτικής Σάμου), then the closest spellings that start with the same letter."""
        if not key:
            return []
        table = self._names.greek if _GREEK.search(key) else self._names.latin
        words = key.split()
        containing = set.intersection(*(self._keys_with_word.get(w, set()) for w in words)) - {key}
        codes = sorted({c for k in containing for c in table.get(k, ())})
        for match in difflib.get_close_matches(key, self._keys_by_initial.get(key[0], []), n=12, cutoff=0.75):
            codes.extend(c for c in sorted(table.get(match, ())) if c not in codes)
        return codes
