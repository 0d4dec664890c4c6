"""Greek and English number formats."""

from decimal import Decimal

import pytest

from pipelines.parse.numbers import detect_comma_decimal, parse_decimal, parse_int, parse_year


@pytest.mark.parametrize(
    ("raw", "greek", "english"),
    [
        ("3,5", Decimal("3.5"), "bad_number"),
        ("3.5", Decimal("3.5"), Decimal("3.5")),
        ("1.234,5", Decimal("1234.5"), Decimal("1234.5")),
        ("1,234.5", Decimal("1234.5"), Decimal("1234.5")),
        ("1.234.567,89", Decimal("1234567.89"), Decimal("1234567.89")),
        ("1,234,567.89", Decimal("1234567.89"), Decimal("1234567.89")),
        ("1,234", Decimal("1.234"), Decimal("1234")),
        ("1.234", Decimal("1234"), Decimal("1.234")),
        ("1.234.567", Decimal("1234567"), "bad_number"),
        ("1,234,567", "bad_number", Decimal("1234567")),
        ("1.23", Decimal("1.23"), Decimal("1.23")),
        ("1 234", Decimal("1234"), Decimal("1234")),
        ("1\u00a0234,5", Decimal("1234.5"), "bad_number"),
        ("1\u2009234.5", Decimal("1234.5"), Decimal("1234.5")),
        ("1\u202f234\u202f567", Decimal("1234567"), Decimal("1234567")),
        ("12", Decimal("12"), Decimal("12")),
        ("  7 ", Decimal("7"), Decimal("7")),
        ("-3,5", Decimal("-3.5"), "bad_number"),
        ("+2.5", Decimal("2.5"), Decimal("2.5")),
        ("\u22122,5", Decimal("-2.5"), "bad_number"),
        ("3,5 €", Decimal("3.5"), "bad_number"),
        ("3,50€", Decimal("3.5"), "bad_number"),
        ("€ 1.200", Decimal("1200"), Decimal("1.2")),
        ("1.200 ευρώ", Decimal("1200"), Decimal("1.2")),
        ("12.5 EUR", Decimal("12.5"), Decimal("12.5")),
        ("0,5", Decimal("0.5"), "bad_number"),
        (",5", Decimal("0.5"), "bad_number"),
        (".5", Decimal("0.5"), Decimal("0.5")),
        ("１２,５", Decimal("12.5"), "bad_number"),
    ],
)
def test_parse_decimal(raw, greek, english):
    assert parse_decimal(raw, comma_decimal=True) == greek
    assert parse_decimal(raw, comma_decimal=False) == english


@pytest.mark.parametrize(
    "raw",
    [
        "", "   ", "abc", "nan", "NaN", "inf", "-inf", "1e5", "1.23,4", "1,23.4", "12 34", "1.234 567", "5.", "5,",
        "1,2,3", "3,5,1", "--5", "5-", "3 , 5", "€", "1/2", "x" * 100, "1" * 70,
    ],
)
def test_not_numbers(raw):
    assert parse_decimal(raw, comma_decimal=True) == "bad_number"
    assert parse_decimal(raw, comma_decimal=False) == "bad_number"


@pytest.mark.parametrize(
    ("raw", "comma_decimal", "expected"),
    [
        ("12", True, 12), ("12,0", True, 12), ("12.0", False, 12), ("1.234", True, 1234), ("1,234", False, 1234),
        ("-4", True, -4), ("3,5", True, "bad_integer"), ("3.5", False, "bad_integer"), ("abc", True, "bad_integer"),
        ("1,234", True, "bad_integer"), ("", False, "bad_integer"),
    ],
)
def test_parse_int(raw, comma_decimal, expected):
    assert parse_int(raw, comma_decimal) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2024", 2024), (" 2024 ", 2024), ("2024.0", 2024), ("2024,0", 2024), ("2.024", 2024), ("2,024", 2024),
        ("２０２４", 2024), ("24", "bad_year"), ("0999", "bad_year"), ("20245", "bad_year"), ("2024,5", "bad_year"),
        ("2024-01-01", "bad_year"), ("abc", "bad_year"), ("", "bad_year"),
    ],
)
def test_parse_year(raw, expected):
    assert parse_year(raw) == expected


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        (["3,5"], True),
        (["12", "1,234", "3,5"], True),
        (["1.234,56"], True),
        (["1.234,567"], True),  # a comma after a dot is a decimal comma, even with three digits after it
        (["1.234.567"], True),  # dots that group thousands twice leave the comma as the decimal sign
        (["1,5 €"], True),
        (["12,0"], True),
        (["1,234"], False),  # ambiguous: could be either, so it says nothing
        (["1,234,567"], False),
        (["3.5", "1,234.56"], False),
        (["12", "7"], False),
        ([], False),
        (["abc,5", "", "  "], False),
    ],
)
def test_detect_comma_decimal(values, expected):
    assert detect_comma_decimal(values) is expected


def test_detect_reads_a_generator_once():
    assert detect_comma_decimal(v for v in ["1", "2,5"]) is True
