"""Every parser returns a value or an error code for any text: it never raises."""

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from civhub.config import REFERENCE_DIR
from pipelines.parse.dates import parse_date
from pipelines.parse.durations import detect_comma_hours, parse_hours
from pipelines.parse.municipalities import MunicipalityResolver
from pipelines.parse.numbers import detect_comma_decimal, parse_decimal, parse_int, parse_year
from pipelines.parse.roles import RoleMap
from pipelines.parse.translit import loose_latin, transliterate

# Text made of what the parsers look for, so that generated values get past their first checks.
_PIECES = st.sampled_from(list("0123456789.,-/: +()€\u00a0\u2009\u200bαηςΣΆΐϋΜΑΡΤΙΟΥaeoEURmarκοτνή") + [
    "Μαρτίου", "Δήμος", "μπ", "ευ", "2024", "T10:00", "Ηρακλείου", "(Κρήτης)", "Komotini", "οδηγός", "ευρώ",
    "ώρες", "λεπτά", "h", "min", "'", " και ",
])
TEXT = st.one_of(st.text(), st.lists(_PIECES, max_size=12).map("".join))


@pytest.fixture(scope="module")
def resolver() -> MunicipalityResolver:
    return MunicipalityResolver.from_csv(REFERENCE_DIR / "municipalities.csv")


@pytest.fixture(scope="module")
def roles() -> RoleMap:
    return RoleMap.from_csv(Path(__file__).parent / "fixtures" / "role_map.csv")


@given(TEXT, st.booleans())
def test_dates(raw, allow_serial):
    result = parse_date(raw, allow_serial=allow_serial)
    assert isinstance(result, date) or result == "bad_date"


@given(TEXT, st.booleans())
def test_numbers(raw, comma_decimal):
    value = parse_decimal(raw, comma_decimal)
    assert (isinstance(value, Decimal) and value.is_finite()) or value == "bad_number"
    assert isinstance(parse_int(raw, comma_decimal), int) or parse_int(raw, comma_decimal) == "bad_integer"
    assert isinstance(parse_year(raw), int) or parse_year(raw) == "bad_year"


@given(st.lists(TEXT, max_size=5))
def test_detect_comma_decimal(values):
    assert detect_comma_decimal(values) in (True, False)
    assert detect_comma_hours(values) in (True, False)


@given(TEXT, st.booleans())
def test_hours(raw, comma_decimal):
    value = parse_hours(raw, comma_decimal)
    assert (isinstance(value, Decimal) and value.is_finite()) or value == "bad_hours"


@settings(deadline=None)
@given(TEXT)
def test_municipalities(resolver, raw):
    result = resolver.resolve(raw)
    if isinstance(result, str):
        assert result in resolver.codes
    else:
        kind, params = result
        expected = {"unknown_municipality": ["suggestions"], "ambiguous_municipality": ["candidates"]}
        assert list(params) == expected[kind]


@given(st.one_of(TEXT, st.none()))
def test_roles(roles, raw):
    category, known = roles.category(raw)
    assert category in ("general", "driver", "nursing", "pharmacy", "care", "food_service")
    assert known in (True, False)


@given(TEXT)
def test_transliteration(raw):
    assert isinstance(transliterate(raw), str)
    assert isinstance(loose_latin(raw), str)
