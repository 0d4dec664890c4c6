"""Hours as people write them: numbers, hours:minutes, words."""

from decimal import Decimal

import pytest

from pipelines.parse.durations import detect_comma_hours, parse_hours


@pytest.mark.parametrize(
    ("raw", "greek", "english"),
    [
        ("2,5", Decimal("2.5"), "bad_hours"),
        ("2.5", Decimal("2.5"), Decimal("2.5")),
        ("3", Decimal("3"), Decimal("3")),
        ("2:30", Decimal("2.5"), Decimal("2.5")),
        ("02:30:00", Decimal("2.5"), Decimal("2.5")),  # an Excel time cell
        ("1:45:00", Decimal("1.75"), Decimal("1.75")),  # an Excel duration cell
        ("0:20", Decimal("0.3333"), Decimal("0.3333")),
        ("0:00:36", Decimal("0.01"), Decimal("0.01")),
        ("24:00", Decimal("24"), Decimal("24")),
        ("2 ώρες", Decimal("2"), Decimal("2")),
        ("1 ώρα", Decimal("1"), Decimal("1")),
        ("2,5 ΩΡΕΣ", Decimal("2.5"), "bad_hours"),
        ("2.5 hours", Decimal("2.5"), Decimal("2.5")),
        ("3h", Decimal("3"), Decimal("3")),
        ("3 hrs", Decimal("3"), Decimal("3")),
        ("2 ώρ.", Decimal("2"), Decimal("2")),
        ("45 λεπτά", Decimal("0.75"), Decimal("0.75")),
        ("45'", Decimal("0.75"), Decimal("0.75")),
        ("90 min", Decimal("1.5"), Decimal("1.5")),
        ("2 ώρες και 30 λεπτά", Decimal("2.5"), Decimal("2.5")),
        ("2 ώρες 15 λεπτά", Decimal("2.25"), Decimal("2.25")),
        ("1h 30min", Decimal("1.5"), Decimal("1.5")),
        ("2 ώρες και 20 λεπτά", Decimal("2.3333"), Decimal("2.3333")),
    ],
)
def test_parse_hours(raw, greek, english):
    assert parse_hours(raw, comma_decimal=True) == greek
    assert parse_hours(raw, comma_decimal=False) == english


@pytest.mark.parametrize(
    "raw",
    ["", " ", "δύο", "abc", "2:75", "2:5", "123:00", "2:30 ώρες", "ώρες", "λεπτά", "2 λεπτά 3 ώρες", "-2:30",
     "2,5 λεπτά", "μισή ώρα", "2 days", "1/2", "2 ώρες και", "x" * 100],
)
def test_not_hours(raw):
    assert parse_hours(raw, comma_decimal=True) == "bad_hours"
    assert parse_hours(raw, comma_decimal=False) == "bad_hours"


def test_comma_is_found_in_numbers_with_a_unit():
    assert detect_comma_hours(["2 ώρες", "1,5 ώρες"])
    assert detect_comma_hours(["2:30", "3,5"])
    assert not detect_comma_hours(["2:30", "1.5 hours", "2 ώρες"])
