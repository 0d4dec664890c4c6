"""Dates as people type them and as Greek Excel writes them."""

from datetime import date

import pytest

from pipelines.parse.dates import parse_date

MARCH_5 = date(2024, 3, 5)


@pytest.mark.parametrize(
    "raw",
    [
        "2024-03-05", "2024-03-05T10:00:00", "2024-03-05 10:00", "2024-03-05 00:00:00", "2024-03-05T10:00:00Z",
        "2024-03-05T10:00:00+02:00", "2024/03/05", "2024-3-5",
        "05/03/2024", "5/3/2024", "5/3/24", "05.03.2024", "5.3.24", "05-03-2024", " 05/03/2024 ",
        "05/03/2024 10:30", "5/3/2024 9:05:00", "05/03/2024 10:30 μ.μ.", "05/03/2024 10:30 PM",
        "０５/０３/２０２４", "05/03/2024\u200b",
    ],
)
def test_numeric_dates_are_day_first(raw):
    assert parse_date(raw) == MARCH_5


@pytest.mark.parametrize(
    "raw",
    [
        "5 Μαρτίου 2024", "5 ΜΑΡΤΙΟΥ 2024", "5 μαρτιου 2024", "5 Μάρτιος 2024", "5 μαρ 2024", "5 Μαρ. 2024",
        "05 ΜΑΡ 2024", "5 Μάρτη 2024", "5η Μαρτίου 2024", "Τρίτη, 5 Μαρτίου 2024", "5-Μαρ-24", "5 Μαρτίου, 2024",
        "5 March 2024", "5 Mar 2024", "5-Mar-24", "5th March 2024", "March 5, 2024", "Mar 5th 2024",
        "Tuesday, March 5, 2024", "5 Μαρτίου 2024 10:00",
    ],
)
def test_month_names(raw):
    assert parse_date(raw) == MARCH_5


SPELLINGS_BY_MONTH = {
    1: ["Ιανουαρίου", "Ιανουάριος", "Ιαν", "ΙΑΝΟΥΑΡΙΟΥ", "January", "Jan"],
    2: ["Φεβρουαρίου", "Φεβρουάριος", "Φεβ", "Φλεβάρη", "February", "Feb"],
    3: ["Μαρτίου", "Μάρτιος", "Μάρ", "Μάρτη", "March", "Mar"],
    4: ["Απριλίου", "Απρίλιος", "Απρ", "April", "Apr"],
    5: ["Μαΐου", "Μάιος", "Μαΐ", "Μάη", "ΜΑΙΟΥ", "Μαιου", "May"],
    6: ["Ιουνίου", "Ιούνιος", "Ιούν", "June", "Jun"],
    7: ["Ιουλίου", "Ιούλιος", "Ιούλ", "July", "Jul"],
    8: ["Αυγούστου", "Αύγουστος", "Αύγ", "August", "Aug"],
    9: ["Σεπτεμβρίου", "Σεπτέμβριος", "Σεπ", "Σεπτ", "September", "Sep", "Sept"],
    10: ["Οκτωβρίου", "Οκτώβριος", "Οκτ", "October", "Oct"],
    11: ["Νοεμβρίου", "Νοέμβριος", "Νοε", "Νοέ", "November", "Nov"],
    12: ["Δεκεμβρίου", "Δεκέμβριος", "Δεκ", "December", "Dec"],
}


@pytest.mark.parametrize(
    ("raw", "expected"),
    [(f"1 {spelling} 2024", date(2024, month, 1)) for month, spellings in SPELLINGS_BY_MONTH.items()
     for spelling in spellings]
    + [
        ("31 December 2023", date(2023, 12, 31)), ("29/02/2024", date(2024, 2, 29)), ("1.1.11", date(2011, 1, 1)),
        ("12/11/2023", date(2023, 11, 12)),
    ],
)
def test_every_month(raw, expected):
    assert parse_date(raw) == expected


@pytest.mark.parametrize(
    "raw",
    [
        "31/02/2024", "29/02/2023", "2024-13-01", "2024-02-30", "32/01/2024", "00/01/2024", "31 Απριλίου 2024",
        "Μάρτιος 2024", "Μαρτίου 2024", "March 2024", "Mar 24", "2024", "5/3", "5/3/202", "05/03-2024", "20240305",
        "05/03/2024 25:00", "05/03/2024 13:00 pm", "5 Μαρ 20245", "Foo, 5 March 2024", "5 Φοο 2024",
        "", "   ", "-", "nan", "45356", "x" * 100,
    ],
)
def test_not_dates(raw):
    assert parse_date(raw) == "bad_date"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("45356", MARCH_5),  # Excel counts days from 1899-12-30 (for serials after its fake 29/2/1900)
        ("45356.75", MARCH_5),
        ("61", date(1900, 3, 1)),
        ("59", date(1900, 2, 28)),
        ("1", date(1900, 1, 1)),
        ("2958465", date(9999, 12, 31)),
    ],
)
def test_excel_serial_when_allowed(raw, expected):
    assert parse_date(raw, allow_serial=True) == expected


@pytest.mark.parametrize("raw", ["60", "0", "2958466", "-5", "1e5"])
def test_bad_excel_serial(raw):
    assert parse_date(raw, allow_serial=True) == "bad_date"


def test_serial_allowed_still_reads_written_dates():
    assert parse_date("05/03/2024", allow_serial=True) == MARCH_5


def test_not_a_string_is_a_bad_date():
    assert parse_date(None) == "bad_date"
