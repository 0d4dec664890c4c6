"""ELOT 743 transliteration and the loose Latin key."""

import pytest

from pipelines.parse.translit import loose_latin, transliterate


@pytest.mark.parametrize(
    ("greek", "latin"),
    [
        ("Κομοτηνή", "Komotini"),
        ("Δήμος Κομοτηνής", "Dimos Komotinis"),
        ("ΑΘΗΝΑΙΩΝ", "ATHINAION"),
        ("Θεσσαλονίκη", "Thessaloniki"),
        ("Ξάνθη", "Xanthi"),
        ("Ψαρά", "Psara"),
        ("Χανιά", "Chania"),
        ("Άγιοι Ανάργυροι", "Agioi Anargyroi"),
        ("Μαρώνειας-Σαπών", "Maroneias-Sapon"),
        # γγ, γκ
        ("Αγγελική", "Angeliki"),
        ("Λαγκαδά", "Lagkada"),
        # μπ: b at the edges of a word, mp inside
        ("Μπάμπης", "Bampis"),
        ("Αμπελοκήπων", "Ampelokipon"),
        # αυ/ευ: v before a vowel or voiced consonant, f before a voiceless one or at the end
        ("Ευρώτα", "Evrota"),
        ("Αύγουστος", "Avgoustos"),
        ("Ευθυμία", "Efthymia"),
        ("Ταύρου", "Tavrou"),
        ("Παύλου Μελά", "Pavlou Mela"),
        ("Ευόσμου", "Evosmou"),
        ("Νευροκοπίου", "Nevrokopiou"),
        # a diaeresis splits a pair of vowels
        ("Χαϊδαρίου", "Chaidariou"),
        ("Θερμαϊκού", "Thermaikou"),
        ("Πειραιώς", "Peiraios"),
        # anything that is not a Greek letter is kept
        ("0101 Κω!", "0101 Ko!"),
        ("Komotini", "Komotini"),
        ("", ""),
    ],
)
def test_transliterate(greek, latin):
    assert transliterate(greek) == latin


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Larissa", "larisa"),
        ("Chania", "hania"),
        ("Irakleio", "iraklio"),
        ("Ampelokipoi", "Ambelokipi"),
        ("Peiraias", "Pireas"),
        ("Paggaio", "Pangaio"),
        ("Kerkyra", "kerkira"),
        ("Maroneia-Sapes", "maronia sapes"),
    ],
)
def test_loose_latin_merges_spellings_of_one_sound(one, other):
    assert loose_latin(one) == loose_latin(other)


@pytest.mark.parametrize(("one", "other"), [("Kos", "Kea"), ("Samos", "Sami"), ("Volos", "Vyronas")])
def test_loose_latin_keeps_different_names_apart(one, other):
    assert loose_latin(one) != loose_latin(other)
