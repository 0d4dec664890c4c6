"""The fast path: a plain UTF-8 CSV that DuckDB may scan itself, and the byte profile that decides it."""

from __future__ import annotations

import pytest

from pipelines.read import FastCsv
from pipelines.read.decode import ByteProfile
from tests.read.support import read, values

HEADER = "Δήμος,Υπογραφή\n"


def test_a_plain_file_gets_the_fast_path(write):
    path = write(HEADER + "9101,2024-01-02\n9102,2024-01-03\n")
    assert read(path).fast == FastCsv(path, ",", 1, 2)


def test_crlf_line_breaks_and_a_missing_last_line_break_are_fine(write):
    path = write("Δήμος;Υπογραφή;Κέντρο\r\n9101;2024-01-02;\r\n9102;2024-01-03;x")
    assert read(path).fast == FastCsv(path, ";", 1, 3)


@pytest.mark.parametrize(("why", "text"), [
    ("a quote", HEADER + '9101,"2024-01-02"\n'),
    ("a NUL byte", HEADER + "9101,2024-01-02\x00\n"),
    ("a blank line", HEADER + "9101,2024-01-02\n\n9102,2024-01-03\n"),
    ("a whitespace-only line", HEADER + "9101,2024-01-02\n \t\r\n9102,2024-01-03\n"),
    ("a line of empty cells", HEADER + "9101,2024-01-02\n,\n9102,2024-01-03\n"),
    ("a whitespace-only last line", HEADER + "9101,2024-01-02\n  "),
    ("a title row", "Σύμφωνο\n" + HEADER + "9101,2024-01-02\n"),
    ("a blank first line", "\n" + HEADER + "9101,2024-01-02\n"),
    ("a total row", HEADER + "9101,2024-01-02\nΣΥΝΟΛΟ,1\n"),
    ("a total row after an empty cell", HEADER + "9101,2024-01-02\n ,Total\n"),
    ("a total row at the end", HEADER + "9101,2024-01-02\nγενικό σύνολο"),
    ("a carriage return inside a line", HEADER + "9101,2024\r-01-02\n"),
    ("empty header cells after the last", "Δήμος,Υπογραφή,,\n9101,2024-01-02,,\n"),
    ("a space after a delimiter", HEADER + "9101, 2024-01-02\n"),
    ("a space before a delimiter", HEADER + "9101 ,2024-01-02\n"),
    ("a space at the end of a line", HEADER + "9101,2024-01-02 \n9102,2024-01-03\n"),
    ("a space at the start of a line", HEADER + " 9101,2024-01-02\n"),
    ("a tab in a cell", HEADER + "9101,2024-01-02\t\n"),
    ("a no-break space", HEADER + "9101,2024-01-02\u00a0\n"),
])
def test_what_keeps_a_file_off_the_fast_path(write, why, text):
    assert read(write(text)).fast is None, why


def test_a_transcoded_file_is_scanned_from_its_utf8_copy(write):
    table = read(write((HEADER + "9101,Άρτα\n").encode("cp1253")))
    assert table.fast == FastCsv(table.fast.path, ",", 1, 2)
    assert table.fast.path.read_bytes() == (HEADER + "9101,Άρτα\n").encode()
    assert values(table) == [(2, "9101", "Άρτα")]


def profile(data: bytes, chunk: int) -> ByteProfile:
    result = ByteProfile()
    for start in range(0, len(data), chunk):
        result.feed(data[start:start + chunk])
    result.finish()
    return result


CASES = [
    (b"a,b\n1,2\n", True),
    (b"a,b\n1,2\n\n3,4\n", False),
    (b"a,b\n1,2\n;;\n", False),
    ("a,b\n1,2\n\u00a0\n".encode(), False),  # a no-break space is whitespace too
    ("a,b\nΣύνολο,5\n".encode(), False),
    ("a,b\n,ΣΥΝΟΛΑ ;5\n".encode(), False),
    ("a,b\nΓενικό  σύνολο\t5\n".encode(), False),
    (b"a,b\nGRAND TOTAL,5\n", False),
    (b"a,b\nTotally,5\n", True),
    ("a,b\nΣύνολο εσόδων,5\n".encode(), True),
    ("a,b\nΣέρρες,1\nΓιάννενα,2\n".encode(), True),
    (b"a,b\r\n1,2\r\n3,4\r\n", True),
    # Lines ending in both ways, the header's too: DuckDB's reader stops at the first that differs.
    (b"a,b\n1,2\r\n3,4\r\n", False),
    (b"a,b\r\n1,2\n", False),
    (b"a,b\n1,2\n3,4\r\n5,6\n", False),
    (b"a,b\n1\r2\n", False),
    (b"a,b\n1,2", True),
    (b"\na,b\n", True),  # the first line is the header's business, not the profile's
]


@pytest.mark.parametrize(("data", "clean"), CASES)
@pytest.mark.parametrize("chunk", [1, 2, 3, 1000])
def test_profile_is_the_same_however_the_bytes_are_chunked(data, clean, chunk):
    assert profile(data, chunk).clean is clean


def test_profile_checks_the_exact_pattern_where_the_prefilter_fires_often():
    # 300 lines starting with 'T' fire the prefilter more often than it checks one by one.
    data = b"a,b\n" + b"T001,1\n" * 300
    assert profile(data, 10_000).clean is True
    assert profile(data + b"TOTAL,1\n", 10_000).clean is False


@pytest.mark.parametrize(("data", "content"), [(b"", False), (b" \t\r\n", False), ("\u00a0\n".encode(), False),
                                               (b"\n x", True)])
def test_profile_notes_whether_there_is_any_content(data, content):
    assert profile(data, 2).content is content
