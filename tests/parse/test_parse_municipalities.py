"""Municipality codes and names, checked against the real reference CSV.

Expected codes and names below were looked up by hand in data/reference/municipalities.csv.
"""

import csv

import pytest

from civhub.config import REFERENCE_DIR
from pipelines.parse.municipalities import MunicipalityResolver

CSV = REFERENCE_DIR / "municipalities.csv"
UNKNOWN = "unknown_municipality"
AMBIGUOUS = "ambiguous_municipality"
IRAKLEIO_BOTH = (
    AMBIGUOUS,
    {"candidates": ["Δήμος Ηρακλείου (Περιφέρεια Αττικής)", "Δήμος Ηρακλείου (Περιφέρεια Κρήτης)"]},
)
# ΗΡΑΚΛΕΙΟΥ is both 4604 (Attica) and 7101 (Crete), with the same display name; 4604's English
# name "Irakleio" is also how ELOT 743 writes Crete's Ηράκλειο. Every other name is its own.
GENUINELY_AMBIGUOUS = {
    ("4604", "name_el"), ("4604", "name_el_display"), ("4604", "name_en"),
    ("7101", "name_el"), ("7101", "name_el_display"),
}


@pytest.fixture(scope="module")
def resolver() -> MunicipalityResolver:
    return MunicipalityResolver.from_csv(CSV)


@pytest.fixture(scope="module")
def rows() -> list[dict[str, str]]:
    with open(CSV, encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_every_code_and_name_resolves_to_its_own_code(resolver, rows):
    assert len(rows) == 332
    wrong = []
    for row in rows:
        for column in ("code", "name_el", "name_el_display", "name_en"):
            expected = IRAKLEIO_BOTH if (row["code"], column) in GENUINELY_AMBIGUOUS else row["code"]
            if resolver.resolve(row[column]) != expected:
                wrong.append((row["code"], column, row[column], resolver.resolve(row[column])))
    assert wrong == []


def test_codes_without_leading_zero_resolve(resolver, rows):
    for row in rows:
        assert resolver.resolve(str(int(row["code"]))) == row["code"]


@pytest.mark.parametrize(
    "raw",
    ["0101", "101", "０１０１", "１０１", " 0101 ", "01\u200b01", "\ufeff0101", "101.0"],
)
def test_code_spellings(resolver, raw):
    assert resolver.resolve(raw) == "0101"


@pytest.mark.parametrize("raw", ["9999", "0", "0000", "12345", "7501"])
def test_codes_that_do_not_exist(resolver, raw):
    assert resolver.resolve(raw) == (UNKNOWN, {"suggestions": []})


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        # 0101 ΚΟΜΟΤΗΝΗΣ / Δήμος Κομοτηνής / Komotini
        ("ΚΟΜΟΤΗΝΗΣ", "0101"), ("Κομοτηνής", "0101"), ("κομοτηνης", "0101"), ("Κομοτηνή", "0101"),
        ("ΚΟΜΟΤΗΝΗ", "0101"), ("Δήμος Κομοτηνής", "0101"), ("ΔΗΜΟΣ ΚΟΜΟΤΗΝΗΣ", "0101"), ("Δήμου Κομοτηνής", "0101"),
        ("Δ. Κομοτηνής", "0101"), ("Δ.Κομοτηνής", "0101"), ("  Δήμος   Κομοτηνής ", "0101"),
        ("Komotini", "0101"), ("KOMOTINI", "0101"), ("Komotinis", "0101"), ("Dimos Komotinis", "0101"),
        ("Municipality of Komotini", "0101"), ("Komotini Municipality", "0101"),
        # a Latin O inside Greek capitals, and Greek capitals typed on a Latin keyboard
        ("ΚOΜΟΤΗΝΗΣ", "0101"), ("KOMOTHNH", "0101"),
        # 0104 ΜΑΡΩΝΕΙΑΣ - ΣΑΠΩΝ / Δήμος Μαρώνειας-Σαπών / Maroneia-Sapes
        ("Μαρώνειας-Σαπών", "0104"), ("Μαρώνειας – Σαπών", "0104"), ("Μαρώνειας - Σαπών", "0104"),
        ("Μαρώνειας Σαπών", "0104"), ("Μαρώνεια-Σάπες", "0104"), ("Maroneia Sapes", "0104"),
        ("Maroneias-Sapon", "0104"),
        # 4501 ΑΘΗΝΑΙΩΝ / Athens: the nominative Αθήνα and its everyday genitive Αθήνας
        ("Αθήνα", "4501"), ("Δήμος Αθήνας", "4501"), ("Athina", "4501"), ("Athens", "4501"), ("Athinaion", "4501"),
        # 0803 ΗΡΩΙΚΗΣ ΠΟΛΕΩΣ ΝΑΟΥΣΑΣ / Δήμος Νάουσας: with or without the honorific title
        ("Ηρωικής Πόλεως Νάουσας", "0803"), ("Νάουσα", "0803"), ("Naousa", "0803"),
        # 3801 ΙΕΡΑΣ ΠΟΛΗΣ ΜΕΣΟΛΟΓΓΙΟΥ / Missolonghi
        ("Μεσολογγίου", "3801"), ("Μεσολόγγι", "3801"), ("Mesologgi", "3801"),
        # nominatives of other declensions
        ("Ηλιούπολη", "4506"), ("Ηλιούπολης", "4506"), ("Πειραιάς", "5101"), ("Βύρωνας", "4502"),
        ("Σέρρες", "1201"), ("Λάρισα", "2201"), ("Πάτρα", "3701"), ("Χαλκίδα", "2901"), ("Χαλκίδας", "2901"),
        ("Κόρινθος", "4201"), ("Κορίνθου", "4201"), ("Αμπελόκηποι-Μενεμένη", "0702"), ("Άγιος Νικόλαος", "7201"),
        ("Παλαιό Φάληρο", "4808"), ("Νέα Σμύρνη", "4807"), ("Περιστέρι", "4701"), ("Βόλος", "2401"),
        ("Κως", "6401"), ("Κω", "6401"), ("Κέα", "6301"), ("Ηράκλεια", "1205"),
        # common abbreviations
        ("Αγ. Παρασκευή", "4602"), ("Ν. Σμύρνη", "4807"), ("Ag. Paraskevi", "4602"),
        # Latin spellings: ELOT 743, English, and sound-alike variants
        ("Peristeri", "4701"), ("Thessaloniki", "0701"), ("Chania", "7401"), ("Hania", "7401"),
        ("Larisa", "2201"), ("Pireas", "5101"), ("Piraeus", "5101"), ("Halkida", "2901"), ("Corinth", "4201"),
        ("Corinth (municipality)", "4201"), ("Ambelokipi Menemeni", "0702"), ("Kos", "6401"), ("Kea", "6301"),
        ("Heraklion", "7101"), ("Irakleia", "1205"), ("Santorini", "6001"), ("Σαντορίνη", "6001"),
        # "&" for "και"/"and": 6702 ΝΑΞΟΥ ΚΑΙ ΜΙΚΡΩΝ ΚΥΚΛΑΔΩΝ / Naxos and Lesser Cyclades
        ("Νάξου & Μικρών Κυκλάδων", "6702"), ("Naxos & Lesser Cyclades", "6702"),
        # the CSV itself spells 4406 two ways: ΤΡΙΦΥΛΙΑΣ and Δήμος Τριφυλλίας
        ("Τριφυλίας", "4406"), ("Τριφυλλίας", "4406"),
        # sound-alike misspellings (ι for η, single for double consonant) of an unambiguous name
        ("Κομοτινής", "0101"), ("Θεσαλονίκη", "0701"),
    ],
)
def test_name_spellings(resolver, raw, code):
    assert resolver.resolve(raw) == code


@pytest.mark.parametrize(
    "raw",
    ["Ηρακλείου", "ΗΡΑΚΛΕΙΟΥ", "Δήμος Ηρακλείου", "Ηράκλειο", "Irakleio", "Iraklio", "Dimos Irakleiou"],
)
def test_namesakes_are_ambiguous(resolver, raw):
    assert resolver.resolve(raw) == IRAKLEIO_BOTH


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("Ηρακλείου (Αττικής)", "4604"), ("Ηρακλείου (Αττική)", "4604"), ("Ηράκλειο Αττικής", "4604"),
        ("Ηρακλείου, Αττικής", "4604"), ("Irakleio (Attica)", "4604"),
        ("Δήμος Ηρακλείου (ΒΟΡΕΙΟΥ ΤΟΜΕΑ ΑΘΗΝΩΝ, ΑΤΤΙΚΗΣ)", "4604"),
        ("Ηρακλείου (Κρήτης)", "7101"), ("Ηράκλειο Κρήτης", "7101"), ("Ηρακλείου (Ν. Ηρακλείου)", "7101"),
        ("Irakleio (Crete)", "7101"), ("Δήμος Ηρακλείου (ΗΡΑΚΛΕΙΟΥ, ΚΡΗΤΗΣ)", "7101"),
        ("Κομοτηνής (Ροδόπης)", "0101"), ("Κομοτηνή Ροδόπης", "0101"),
        # a remark in parentheses that names no area leaves the name as it is
        ("Κομοτηνής (Θράκη)", "0101"),
    ],
)
def test_regional_unit_or_region_tells_namesakes_apart(resolver, raw, code):
    assert resolver.resolve(raw) == code


def test_area_that_contradicts_the_name(resolver):
    assert resolver.resolve("Κομοτηνής (Αττικής)") == (UNKNOWN, {"suggestions": ["Δήμος Κομοτηνής"]})


@pytest.mark.parametrize("raw", ["0101 Κομοτηνής", "0101 - Δήμος Κομοτηνής", "101 Komotini", "Κομοτηνής (0101)"])
def test_code_with_agreeing_name(resolver, raw):
    assert resolver.resolve(raw) == "0101"


def test_code_with_another_name_is_ambiguous(resolver):
    # 0102 is ΑΡΡΙΑΝΩΝ (Δήμος Αρριανών): the two names say which is which.
    assert resolver.resolve("0102 Κομοτηνής") == (
        AMBIGUOUS, {"candidates": ["Δήμος Κομοτηνής", "Δήμος Αρριανών"]},
    )


def test_every_name_offered_resolves_to_its_municipality(resolver):
    # A user who copies a suggestion or a candidate into the file gets that municipality.
    for code in resolver.codes:
        assert resolver.resolve(resolver.label(code)) == code


def test_unknown_code_with_a_name_is_not_guessed(resolver):
    assert resolver.resolve("9999 Κομοτηνής") == (UNKNOWN, {"suggestions": ["Δήμος Κομοτηνής"]})


@pytest.mark.parametrize(
    ("raw", "suggestions"),
    [
        # a typo is never resolved, only suggested
        ("Κομοτηή", ["Δήμος Κομοτηνής"]),
        ("Komotinh", ["Δήμος Κομοτηνής"]),
        ("Athna", ["Δήμος Αθηναίων"]),
        # Kerkyra was split in 2019 (3201, 3202, 3203): each part is offered
        ("Κέρκυρα", [
            "Δήμος Κεντρικής Κέρκυρας και Διαπόντιων Νήσων", "Δήμος Βόρειας Κέρκυρας", "Δήμος Νότιας Κέρκυρας",
        ]),
    ],
)
def test_unknown_names_get_suggestions(resolver, raw, suggestions):
    assert resolver.resolve(raw) == (UNKNOWN, {"suggestions": suggestions})


def test_samos_offers_both_halves_first(resolver):
    kind, params = resolver.resolve("Σάμος")
    assert kind == UNKNOWN
    assert params["suggestions"][:2] == ["Δήμος Ανατολικής Σάμου", "Δήμος Δυτικής Σάμου"]
    assert len(params["suggestions"]) <= 3


@pytest.mark.parametrize("raw", ["", "   ", "\u200b", "Δήμος", "????", "-", "x" * 300, "Γιάννενα"])
def test_nothing_to_go_on(resolver, raw):
    assert resolver.resolve(raw) == (UNKNOWN, {"suggestions": []})


def test_labels_qualify_only_namesakes(resolver):
    assert resolver.label("0101") == "Δήμος Κομοτηνής"
    assert resolver.label("4604") == "Δήμος Ηρακλείου (Περιφέρεια Αττικής)"
    assert len(resolver.codes) == 332


def test_reference_without_a_needed_column_is_refused(tmp_path):
    path = tmp_path / "municipalities.csv"
    path.write_text("code,name_el\n0101,ΚΟΜΟΤΗΝΗΣ\n", encoding="utf-8")
    with pytest.raises(ValueError, match="missing columns name_el_display"):
        MunicipalityResolver.from_csv(path)


def test_repeated_code_is_refused(tmp_path):
    header = "code,name_el,name_el_display,name_en,regional_unit_el,region_el,region_en\n"
    row = "0101,ΚΟΜΟΤΗΝΗΣ,Δήμος Κομοτηνής,Komotini,ΡΟΔΟΠΗΣ,ΑΝΑΤΟΛΙΚΗΣ ΜΑΚΕΔΟΝΙΑΣ ΚΑΙ ΘΡΑΚΗΣ,East Macedonia and Thrace\n"
    path = tmp_path / "municipalities.csv"
    path.write_text(header + row + row, encoding="utf-8")
    with pytest.raises(ValueError, match="'0101' is not 4 digits or is repeated"):
        MunicipalityResolver.from_csv(path)
