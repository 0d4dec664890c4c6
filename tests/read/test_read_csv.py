"""Delimited text: delimiter, header row, blank and total rows, line numbers, row faults, batches.

Tests marked with the ``pieces`` fixture run twice: with the csv module doing the
work, and with lines cut into 3-character pieces so that every record goes through
the Python parser instead; both must give the same rows.
"""

from __future__ import annotations

import csv

import pyarrow as pa
import pytest

from civhub import config
from pipelines.faults import FileFault
from pipelines.read import csv_reader
from pipelines.read.header import BATCH_ROWS
from tests.read.support import faults, read, rows, values


@pytest.fixture
def default_csv_limit():
    """The csv module's own field limit, as in a fresh process (the readers only ever raise it)."""
    previous = csv.field_size_limit(131_072)
    yield
    csv.field_size_limit(previous)


@pytest.fixture(params=["csv module", "python parser"])
def pieces(request, monkeypatch):
    if request.param == "python parser":
        monkeypatch.setattr(csv_reader, "PIECE_CHARS", 3)
    return request.param


# Delimiter ------------------------------------------------------------------------


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_delimiter_is_the_one_that_splits_the_header_into_known_columns(write, delimiter):
    lines = [["Δήμος", "Υπογραφή", "Κέντρο"], ["9101", "2024-01-02", ""]]
    path = write("".join(delimiter.join(line) + "\n" for line in lines))
    table = read(path)
    assert table.delimiter == delimiter
    assert table.header == ["Δήμος", "Υπογραφή", "Κέντρο"]
    assert values(table) == [(2, "9101", "2024-01-02", None)]


def test_semicolon_file_with_decimal_commas_is_not_split_on_commas(write):
    # Split on ',' the header is one unknown cell; split on ';' it is two known columns.
    path = write("Δήμος;Υπογραφή;Ποσό\n9101;2024-01-02;3,5\n")
    table = read(path)
    assert table.delimiter == ";"
    assert values(table) == [(2, "9101", "2024-01-02", "3,5")]


def test_delimiter_tie_goes_to_the_one_with_more_cells(write):
    # Split on ';' the cells are 'Δήμος\t' and '\tΥπογραφή'; on TAB 'Δήμος', ';', 'Υπογραφή':
    # both find the two known headers (whitespace is folded away), TAB makes more cells.
    table = read(write("Δήμος\t;\tΥπογραφή\n9101\t;\t2024-01-02\n"))
    assert table.delimiter == "\t"
    assert table.header == ["Δήμος", ";", "Υπογραφή"]
    assert values(table) == [(2, "9101", ";", "2024-01-02")]


# Header row -------------------------------------------------------------------------


def test_header_below_a_title_and_a_blank_line(write):
    path = write("Σύμφωνο Συνεργασίας 2024\n\nΔήμος,Υπογραφή\n9101,2024-01-02\n")
    table = read(path)
    assert table.header_line == 3
    assert values(table) == [(4, "9101", "2024-01-02")]
    assert table.stats == {"blank_lines": 1, "total_rows": 0, "title_rows": 1, "header_rows": 0, "header_titles": 0}


def test_header_is_the_row_with_the_most_known_columns(write):
    # Line 1 names one column ('Δήμος') as a title would; line 2 names both.
    path = write("Δήμος\nΔήμος,Υπογραφή\n9101,2024-01-02\n")
    table = read(path)
    assert table.header_line == 2


def test_header_must_name_a_required_column(write):
    # 'Κέντρο' is known but optional: alone it does not make a header.
    path = write("Κέντρο,Κάτι\n2024-01-02,x\n")
    with pytest.raises(FileFault) as fault:
        read(path)
    assert fault.value.code == "no_header"


def test_header_is_looked_for_in_the_first_30_rows_only(write):
    titles = "".join(f"τίτλος {i}\n" for i in range(30))
    with pytest.raises(FileFault) as fault:
        read(write(titles + "Δήμος,Υπογραφή\n9101,2024-01-02\n"))
    assert fault.value.code == "no_header"
    table = read(write(titles[: -len("τίτλος 29\n")] + "Δήμος,Υπογραφή\n9101,2024-01-02\n"))
    assert table.header_line == 30


def test_no_header_at_all(write):
    with pytest.raises(FileFault) as fault:
        read(write("a,b,c\n1,2,3\n"))
    assert fault.value.code == "no_header"


def test_missing_required_column_names_it_and_the_header_line(write):
    with pytest.raises(FileFault) as fault:
        read(write("τίτλος\nΔήμος,Κέντρο\n9101,2024-01-02\n"))
    assert (fault.value.code, fault.value.params, fault.value.line) == (
        "missing_columns", {"columns": ["signed_on"], "header": ["Δήμος", "Κέντρο"]}, 2)


def test_two_headers_for_the_same_column(write):
    # 'Δήμος' and 'Κωδικός δήμου' both mean municipality_code.
    with pytest.raises(FileFault) as fault:
        read(write("Δήμος,Υπογραφή,Κωδικός δήμου\n9101,2024-01-02,9101\n"))
    assert (fault.value.code, fault.value.params, fault.value.line) == (
        "duplicate_column", {"column": "municipality_code"}, 1)


def test_unknown_header_cells_are_kept_as_columns(write):
    table = read(write("Όνομα,Δήμος,Τηλέφωνο,Υπογραφή\nΜαρία,9101,6900000000,2024-01-02\n"))
    assert table.header == ["Όνομα", "Δήμος", "Τηλέφωνο", "Υπογραφή"]
    assert values(table) == [(2, "Μαρία", "9101", "6900000000", "2024-01-02")]


def test_headers_match_whatever_the_case_accents_and_spaces(write):
    table = read(write("  ΔΗΜΟΣ ,pact  SIGNED on\n9101,2024-01-02\n"))
    assert table.header == ["ΔΗΜΟΣ", "pact  SIGNED on"]


# Empty files -------------------------------------------------------------------------


@pytest.mark.parametrize("content", [b"", b"  \r\n\t\n  ", b"\xef\xbb\xbf", b"\xef\xbb\xbf \n"])
def test_empty_or_whitespace_only_file(write, content):
    with pytest.raises(FileFault) as fault:
        read(write(content))
    assert fault.value.code == "empty_file"


def test_header_only_file_has_zero_rows_but_a_schema(write):
    table = read(write("Δήμος,Υπογραφή\n"))
    batches = list(table.batches())
    assert [b.num_rows for b in batches] == [0]
    assert batches[0].column_names == ["__line", "__fault", "__fault_column", "c0", "c1"]


# Blank and total rows ----------------------------------------------------------------


def test_blank_and_empty_cell_lines_are_skipped_and_counted(write, pieces):
    text = "Δήμος,Υπογραφή\n9101,2024-01-02\n\n , \n,,\n\t\n9102,2024-01-03\n\n\n"
    table = read(write(text))
    assert values(table) == [(2, "9101", "2024-01-02"), (7, "9102", "2024-01-03")]
    # Lines 3-6 lie between rows; the two after the last row are not counted.
    assert table.stats["blank_lines"] == 4


@pytest.mark.parametrize("total", ["Σύνολο", "ΣΥΝΟΛΑ", "Γενικό Σύνολο", "TOTAL", "Totals", "grand  total", " σύνολο "])
def test_total_rows_are_skipped_and_counted(write, total):
    table = read(write(f"Δήμος,Υπογραφή\n9101,2024-01-02\n{total},5\n,{total},7\n"))
    assert values(table) == [(2, "9101", "2024-01-02")]
    assert table.stats["total_rows"] == 2


def test_a_cell_that_only_starts_like_a_total_is_data(write):
    table = read(write("Δήμος,Υπογραφή\nΣύνολο εσόδων,2024-01-02\nTotally,x\n"))
    assert values(table) == [(2, "Σύνολο εσόδων", "2024-01-02"), (3, "Totally", "x")]


# Line numbers and quoting ------------------------------------------------------------


def test_line_numbers_are_where_records_start(write, pieces):
    text = (
        'Δήμος,Υπογραφή,Κέντρο\n'          # 1
        '9101,2024-01-02,"πρώτη\n'         # 2: a record over lines 2-4
        'δεύτερη\n'                         # 3
        'τρίτη"\n'                          # 4
        '9102,"2024-01-03",""\n'            # 5
        '"91""03",2024-01-04,x\n'           # 6: a doubled quote inside quotes
        '9104,2024-01-05,"a\r\nb"\r\n'      # 7: CRLF inside and after a record over lines 7-8
        '9105,2024-01-06,\r\n'              # 9
    )
    assert values(read(write(text))) == [
        (2, "9101", "2024-01-02", "πρώτη\nδεύτερη\nτρίτη"),
        (5, "9102", "2024-01-03", None),
        (6, '91"03', "2024-01-04", "x"),
        (7, "9104", "2024-01-05", "a\r\nb"),
        (9, "9105", "2024-01-06", None),
    ]


def test_old_mac_line_breaks_count_as_lines(write, pieces):
    table = read(write("Δήμος,Υπογραφή\r9101,2024-01-02\r\r9102,2024-01-03\r"))
    assert values(table) == [(2, "9101", "2024-01-02"), (4, "9102", "2024-01-03")]


def test_last_line_without_line_break(write, pieces):
    assert values(read(write("Δήμος,Υπογραφή\n9101,2024-01-02"))) == [(2, "9101", "2024-01-02")]


def test_values_are_stripped_and_empty_ones_are_null(write):
    table = read(write('Δήμος,Υπογραφή,Κέντρο\n  9101 ,\u00a02024-01-02\t,"  "\n" a  b ",x,\n'))
    assert values(table) == [(2, "9101", "2024-01-02", None), (3, "a  b", "x", None)]


def test_unterminated_quote_faults_the_last_record_only(write, pieces):
    text = 'Δήμος,Υπογραφή\n9101,2024-01-02\n9102,"2024-01\n9103,2024'
    table = read(write(text))
    assert values(table) == [(2, "9101", "2024-01-02"), (3, "9102", "2024-01\n9103,2024")]
    assert faults(table) == [(3, "unterminated_quote", None)]


def test_nul_bytes_are_kept_in_values(write, pieces):
    table = read(write("Δήμος,Υπογραφή\n91\x0001,2024-01-02\n"))
    assert values(table) == [(2, "91\x0001", "2024-01-02")]
    assert table.fast is None


# Row shape ---------------------------------------------------------------------------


def test_more_cells_than_the_header(write, pieces):
    text = "Δήμος,Υπογραφή\n9101,2024-01-02,,  \n9102,2024-01-03,x\n"
    table = read(write(text))
    assert values(table) == [(2, "9101", "2024-01-02"), (3, "9102", "2024-01-03")]
    assert faults(table) == [(3, "too_many_cells", None)]


def test_fewer_cells_than_the_header_are_null(write):
    table = read(write("Δήμος,Υπογραφή,Κέντρο\n9101\n"))
    assert values(table) == [(2, "9101", None, None)]
    assert faults(table) == []


def test_a_field_over_the_limit_faults_its_row_and_is_not_kept(write, pieces, monkeypatch):
    monkeypatch.setattr(config, "MAX_FIELD_CHARS", 10)
    text = 'Δήμος,Υπογραφή,Κέντρο\n9101,2024-01-02,0123456789\n9102,2024-01-03,"0123456789\nA"\n9103,x,y\n'
    table = read(write(text))
    # Row 3's last field is 12 characters (10 + line break + 'A').
    assert values(table) == [
        (2, "9101", "2024-01-02", "0123456789"), (3, "9102", "2024-01-03", None), (5, "9103", "x", "y")]
    assert faults(table) == [(3, "field_too_long", 2)]


def test_a_two_megabyte_line_is_read_whole(write):
    long_value = "ά" * (2 * 1024 * 1024)
    table = read(write(f"Δήμος,Υπογραφή\n9101,{long_value}\n9102,2024-01-03\n"))
    assert values(table) == [(2, "9101", long_value), (3, "9102", "2024-01-03")]
    assert faults(table) == []


def test_a_quoted_field_over_the_csv_modules_limit_across_lines(write, monkeypatch, default_csv_limit):
    # The reader raises the csv module's limit to 2 MiB + 1; the csv module stops there
    # and the record is finished in Python.
    monkeypatch.setattr(config, "MAX_FIELD_CHARS", 2 * 1024 * 1024)
    lines = "\n".join(["x" * 1000] * 3000)  # 3,002,999 characters over 3,000 lines
    table = read(write(f'Δήμος,Υπογραφή\n9101,"{lines}"\n9102,2024-01-03\n'))
    assert values(table) == [(2, "9101", None), (3002, "9102", "2024-01-03")]
    assert faults(table) == [(2, "field_too_long", 1)]


def test_file_over_the_size_limit(write, monkeypatch):
    monkeypatch.setattr(config, "MAX_FILE_BYTES", 20)
    path = write("Δήμος,Υπογραφή\n9101,2024-01-02\n")  # 10 + 1 + 16 + 1 bytes, then 16: 44
    with pytest.raises(FileFault) as fault:
        read(path)
    assert (fault.value.code, fault.value.params) == ("file_too_large", {"bytes": 44, "limit": 20})


# Batches -------------------------------------------------------------------------------


def test_batch_schema(write):
    batch = next(read(write("Δήμος,Υπογραφή\n9101,2024-01-02\n")).batches())
    assert batch.schema == pa.schema([("__line", pa.int64()), ("__fault", pa.string()), ("__fault_column", pa.int32()),
                                      ("c0", pa.string()), ("c1", pa.string())])


def test_batches_hold_at_most_100000_rows(write):
    text = "Δήμος,Υπογραφή\n" + "9101,2024-01-02\n" * (BATCH_ROWS + 1)
    batches = list(read(write(text)).batches())
    assert [b.num_rows for b in batches] == [100_000, 1]
    assert batches[1].column("__line").to_pylist() == [100_002]


def test_batches_can_be_read_twice_with_the_same_stats(write):
    table = read(write("τίτλος\nΔήμος,Υπογραφή\n9101,2024-01-02\n\n9102,x\nΣύνολο,2\n"))
    first, second = rows(table), rows(table)
    assert first == second
    assert table.stats == {"blank_lines": 1, "total_rows": 1, "title_rows": 1, "header_rows": 0, "header_titles": 0}
