"""Map the free-text role of a volunteer (Ρόλος: «Εθελοντής οδηγός», "nurse") to a role category.

The words come from ``data/reference/role_map.csv`` (word, language, role_category, note).
A role is matched as a whole, then by the known words it contains as whole words; the
most specific word wins, so «Εθελοντής οδηγός» is a driver, not a general volunteer.
An unknown role is never an error: it counts as "general" and is flagged as unknown.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

from civhub.text import fold

GENERAL = "general"
ROLE_CATEGORIES = (
    "general", "coordination", "driver", "medical", "nursing", "pharmacy", "teaching", "agriculture",
    "food_service", "care", "administration", "technical", "legal", "psychology",
)
REQUIRED_COLUMNS = ("word", "language", "role_category")

_NOT_WORD = re.compile(r"[\W_]+")
# Far longer than any role a person writes: such a value is not worth searching.
_MAX_CHARS = 1000


def _words(text: str) -> str:
    """Folded text as single-space separated words: 'Οδηγός/Διανομέας' -> 'οδηγοσ διανομεασ'."""
    return " ".join(_NOT_WORD.sub(" ", fold(text)).split())


class RoleMap:
    """Role words -> role categories; see ``category``."""

    def __init__(self, words: dict[str, str]) -> None:
        self._exact = dict(words)
        # Specific words before general ones, longer before shorter (then alphabetical, so that the
        # order of the file never matters): the first contained word wins.
        self._ranked = sorted(words.items(), key=lambda item: (item[1] == GENERAL, -len(item[0]), item[0]))

    @classmethod
    def from_csv(cls, path: str | Path) -> RoleMap:
        """Read the role map; a malformed file is a broken installation and raises ValueError."""
        words: dict[str, str] = {}
        with open(path, encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            missing = [c for c in REQUIRED_COLUMNS if c not in (reader.fieldnames or [])]
            if missing:
                raise ValueError(f"{path}: missing columns {', '.join(missing)}")
            for row in reader:
                line = reader.line_num
                word, category = _words(row["word"] or ""), (row["role_category"] or "").strip()
                if not word or category not in ROLE_CATEGORIES:
                    raise ValueError(f"{path}:{line}: empty word or unknown role category {category!r}")
                if words.get(word, category) != category:
                    raise ValueError(f"{path}:{line}: {row['word']!r} is mapped to both {words[word]} and {category}")
                words[word] = category
        return cls(words)

    def category(self, raw: str | None) -> tuple[str, bool]:
        """(role category, whether the role was known). Empty means a general volunteer, which is known."""
        if isinstance(raw, str) and len(raw) > _MAX_CHARS:
            return GENERAL, False
        text = _words(raw) if isinstance(raw, str) else ""
        if not text:
            return GENERAL, True
        if text in self._exact:
            return self._exact[text], True
        padded = f" {text} "
        for word, category in self._ranked:
            if f" {word} " in padded:
                return category, True
        return GENERAL, False
