"""The 332 municipalities of the reference file, and the ways people spell them."""

from __future__ import annotations

import csv
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from civhub import config
from civhub.text import fold, strip_accents


@dataclass(frozen=True)
class Municipality:
    code: str
    name_el: str  # ELSTAT: upper case, genitive
    display: str  # Δήμος Κομοτηνής
    name_en: str
    unit_code: str
    region_code: str
    region_en: str
    population: int

    @property
    def genitive(self) -> str:
        """'Κομοτηνής': the display name without «Δήμος», as it follows an organization's name."""
        return self.display.removeprefix("Δήμος ")


def load_municipalities(path: Path | None = None) -> list[Municipality]:
    with open(path or config.REFERENCE_DIR / "municipalities.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    return sorted(
        (
            Municipality(
                r["code"], r["name_el"], r["name_el_display"], r["name_en"], r["regional_unit_code"],
                r["region_nuts2_2021"], r["region_en"], int(r["population_2021"]),
            )
            for r in rows
        ),
        key=lambda m: m.code,
    )


def ambiguous_codes(municipalities: list[Municipality]) -> set[str]:
    """Codes of municipalities whose name alone does not say which one is meant (Ηρακλείου in Attica and Crete)."""
    counts = Counter(fold(m.genitive) for m in municipalities)
    return {m.code for m in municipalities if counts[fold(m.genitive)] > 1}


def spellings(m: Municipality) -> list[str]:
    """The ways a person writes a municipality instead of its code, most common first."""
    return [
        m.display,
        m.genitive,
        m.name_el,
        f"ΔΗΜΟΣ {strip_accents(m.genitive).upper()}",
        strip_accents(m.display).lower(),
        f"Δ. {m.genitive}",
        m.name_en,
    ]


SPELLING_WEIGHTS = np.array([40, 20, 15, 10, 8, 5, 2], dtype=float)


def typo(name: str, rng: np.random.Generator, known: set[str]) -> str:
    """A slip of the keyboard: a consonant inside the last word left out (Κομοηνής), never giving another
    municipality's name (``known``: folded names). A vowel typed for a similar-sounding one (Κομοτινής) or a
    dropped final ς would not do: the loader rightly accepts those."""
    start = name.rfind(" ") + 1
    inside = [i for i in range(start + 1, len(name) - 1)
              if fold(name[i]) in _CONSONANTS and name[i + 1].isalpha() and fold(name[i]) != fold(name[i + 1])
              and fold(name[i - 1]) not in (fold(name[i]), "γ", "υ")]  # γκ and ευκ sound alike without the letter
    for cut in rng.permutation(inside):
        wrong = name[:cut] + name[cut + 1:]
        if fold(wrong[start:]) not in known:
            return wrong
    return name[: start + 1] + "ρ" + name[start + 1:]


def known_names(municipalities: list[Municipality]) -> set[str]:
    """Folded names a misspelling must not turn into."""
    return {fold(x) for m in municipalities for x in (m.genitive, m.name_el, m.name_en)}


_CONSONANTS = set("βγδζθκλμνξπρστφχψbcdfghjklmnpqrstvwxz")


class Namer:
    """Writes a municipality as its code, or as one of the spellings people use (never an ambiguous bare name)."""

    def __init__(self, municipalities: list[Municipality], rng: np.random.Generator):
        self.places = {m.code: m for m in municipalities}
        self.ambiguous = ambiguous_codes(municipalities)
        self.known = known_names(municipalities)
        self.rng = rng

    def __call__(self, code: str, names: bool) -> str:
        if not names or code in self.ambiguous:
            return code
        options = spellings(self.places[code])
        return options[int(self.rng.choice(len(options), p=SPELLING_WEIGHTS / SPELLING_WEIGHTS.sum()))]

    def misspelt(self, code: str) -> str:
        return typo(self.places[code].display, self.rng, self.known)
