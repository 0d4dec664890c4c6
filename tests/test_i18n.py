"""The Greek and English catalogues and the number and date formats of each language."""

from __future__ import annotations

import datetime as dt
import string
from decimal import Decimal

import pytest

from civhub import i18n
from pipelines.kinds import ORG_TYPES


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_key_exists_in_both_languages():
    greek, english = i18n.catalogue("el"), i18n.catalogue("en")
    assert sorted(set(greek) - set(english)) == []
    assert sorted(set(english) - set(greek)) == []


def test_translations_fill_the_same_fields():
    greek, english = i18n.catalogue("el"), i18n.catalogue("en")
    assert {k: fields(v) for k, v in greek.items()} == {k: fields(v) for k, v in english.items()}


def test_no_text_is_empty():
    for lang in i18n.LANGUAGES:
        assert [key for key, text in i18n.catalogue(lang).items() if not text.strip()] == []


def test_every_organization_type_has_a_name():
    for lang in i18n.LANGUAGES:
        assert sorted(k for k in ORG_TYPES if f"org_type.{k}" not in i18n.catalogue(lang)) == []


def test_t_fills_fields_and_defaults_to_greek():
    assert i18n.t("overview.date_range", "en", start="1 May", end="2 June") == "Data from 1 May to 2 June."
    assert i18n.t("overview.date_range", "el", start="α", end="β") == "Στοιχεία από α έως β."
    assert i18n.t("overview.title", "fr") == "Εθνική εικόνα"
    assert i18n.t("overview.title", None) == "Εθνική εικόνα"


def test_label_names_a_code_or_keeps_it_as_written():
    assert i18n.label("org_type", "social_clinic", "el") == "Κοινωνικό ιατρείο"
    assert i18n.label("org_type", "social_clinic", "en") == "Social clinic"
    assert i18n.label("org_type", "<b>made up</b>", "en") == "<b>made up</b>"


@pytest.mark.parametrize(
    ("n", "greek", "english"),
    [(0, "0", "0"), (999, "999", "999"), (1280, "1.280", "1,280"), (1234567, "1.234.567", "1,234,567"),
     (-4500, "-4.500", "-4,500")],
)
def test_fmt_int(n, greek, english):
    assert i18n.fmt_int(n, "el") == greek
    assert i18n.fmt_int(n, "en") == english


@pytest.mark.parametrize(
    ("x", "digits", "greek", "english"),
    [(1234.5, 1, "1.234,5", "1,234.5"), (Decimal("19.50"), 1, "19,5", "19.5"), (0.25, 2, "0,25", "0.25"),
     (Decimal("1000000"), 0, "1.000.000", "1,000,000"), (-2.5, 1, "-2,5", "-2.5")],
)
def test_fmt_dec(x, digits, greek, english):
    assert i18n.fmt_dec(x, "el", digits) == greek
    assert i18n.fmt_dec(x, "en", digits) == english


@pytest.mark.parametrize(
    ("day", "greek", "english"),
    [(dt.date(2023, 4, 3), "3 Απριλίου 2023", "3 April 2023"), (dt.date(2024, 5, 31), "31 Μαΐου 2024", "31 May 2024"),
     (dt.date(2025, 1, 1), "1 Ιανουαρίου 2025", "1 January 2025"),
     (dt.date(2025, 12, 24), "24 Δεκεμβρίου 2025", "24 December 2025")],
)
def test_fmt_date(day, greek, english):
    assert i18n.fmt_date(day, "el") == greek
    assert i18n.fmt_date(day, "en") == english
