"""Greek to Latin transliteration (ELOT 743) and a loose key for Latin spellings.

People write municipality names in Latin letters in many ways (Komotini, Komotinis,
Iraklio, Heraklion). ``transliterate`` gives the ELOT 743 form of a Greek text, the
one Greek public bodies use; ``loose_latin`` then merges the spellings that differ
only in how a Greek sound was written (ch/h, y/i, ei/i, doubled letters), so that a
hand-typed Latin name and the transliterated official name can be compared.
"""

from __future__ import annotations

import re
import unicodedata

_LETTERS = {
    "α": "a", "β": "v", "γ": "g", "δ": "d", "ε": "e", "ζ": "z", "η": "i", "θ": "th",
    "ι": "i", "κ": "k", "λ": "l", "μ": "m", "ν": "n", "ξ": "x", "ο": "o", "π": "p",
    "ρ": "r", "σ": "s", "ς": "s", "τ": "t", "υ": "y", "φ": "f", "χ": "ch", "ψ": "ps", "ω": "o",
}
# Pairs of letters that ELOT 743 writes as one unit (before the letter-by-letter table).
_PAIRS = {"γγ": "ng", "γκ": "gk", "γξ": "nx", "γχ": "nch", "ου": "ou"}
# In αυ, ευ, ηυ the υ is a consonant: v before a vowel or a voiced consonant, f otherwise.
_VOICED = set("αεηιουωβγδζλμνρ")
_TONOS = "\u0301"
_DIAERESIS = "\u0308"


class _Letter:
    """One Greek letter of the text, lower case, with what its marks say about pronunciation."""

    __slots__ = ("base", "upper", "tonos", "diaeresis")

    def __init__(self, ch: str) -> None:
        parts = unicodedata.normalize("NFD", ch)
        self.base = parts[0].lower()
        self.upper = parts[0].isupper()
        self.tonos = _TONOS in parts
        self.diaeresis = _DIAERESIS in parts


def _is_greek(ch: str) -> bool:
    base = unicodedata.normalize("NFD", ch)[:1].lower()
    return base in _LETTERS


def _word_latin(letters: list[_Letter]) -> str:
    out: list[str] = []
    i = 0
    while i < len(letters):
        cur = letters[i]
        nxt = letters[i + 1] if i + 1 < len(letters) else None
        pair = cur.base + nxt.base if nxt else ""
        if nxt and pair == "μπ":
            # ELOT 743: b at the start or end of a word, mp inside it.
            edge = i == 0 or i + 2 == len(letters)
            out.append("b" if edge else "mp")
            i += 2
        elif nxt and cur.base in "αεη" and nxt.base == "υ" and not cur.tonos and not cur.diaeresis \
                and not nxt.diaeresis:
            after = letters[i + 2].base if i + 2 < len(letters) else None
            out.append(_LETTERS[cur.base] + ("v" if after in _VOICED else "f"))
            i += 2
        elif nxt and pair in _PAIRS and not nxt.diaeresis:
            out.append(_PAIRS[pair])
            i += 2
        else:
            out.append(_LETTERS[cur.base])
            i += 1
    return "".join(out)


def _recase(latin: str, letters: list[_Letter]) -> str:
    if len(letters) > 1 and all(x.upper for x in letters):
        return latin.upper()
    if letters[0].upper:
        return latin[:1].upper() + latin[1:]
    return latin


def transliterate(text: str) -> str:
    """The ELOT 743 Latin form of ``text``; characters that are not Greek letters are kept.

    'Δήμος Κομοτηνής' -> 'Dimos Komotinis', 'ΑΘΗΝΑΙΩΝ' -> 'ATHINAION', 'Ευρώτα' -> 'Evrota'.
    """
    out: list[str] = []
    word: list[_Letter] = []
    for ch in unicodedata.normalize("NFC", text):
        if _is_greek(ch):
            word.append(_Letter(ch))
            continue
        if word:
            out.append(_recase(_word_latin(word), word))
            word = []
        out.append(ch)
    if word:
        out.append(_recase(_word_latin(word), word))
    return "".join(out)


# Applied in order; each merges spellings of one Greek sound that people use interchangeably.
_LOOSE_STEPS = (
    ("kh", "h"), ("ch", "h"), ("ph", "f"), ("ks", "x"),
    ("mp", "b"), ("mb", "b"), ("gk", "g"), ("ng", "g"),
    ("ou", "u"), ("oi", "i"), ("ei", "i"), ("ai", "e"), ("y", "i"),
)
_NOT_ALNUM = re.compile(r"[^a-z0-9]+")
_DOUBLED = re.compile(r"(.)\1+")


def loose_latin(text: str) -> str:
    """A sound-alike key of a Latin text: 'Irakleio' and 'iraklio', 'Larissa' and 'larisa',
    'Chania' and 'hania' each give the same key."""
    words = []
    for word in _NOT_ALNUM.sub(" ", text.lower()).split():
        for old, new in _LOOSE_STEPS:
            word = word.replace(old, new)
        words.append(_DOUBLED.sub(r"\1", word))
    return " ".join(words)
