"""The shared row logic: header scoring, total labels, blank rows, batches."""

from __future__ import annotations

import pyarrow as pa
import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipelines.faults import FileFault
from pipelines.kinds import KINDS
from pipelines.read import header as header_module
from pipelines.read.header import BATCH_ROWS, TITLE_ROWS, Rows, check_header, find_header, is_total
from tests.read.support import HEADER_MAP, REQUIRED


def numbered(*rows):
    return list(enumerate(rows, 1))


def test_header_ties_go_to_the_earliest_row():
    header = find_header(numbered(["Δήμος", "Υπογραφή"], ["Δήμος", "Υπογραφή"]), HEADER_MAP, REQUIRED)
    assert header.line == 1


def test_header_records_what_lies_above_it():
    header = find_header(numbered(["τίτλος"], [None, None], ["υπότιτλος", None], ["Δήμος", "Υπογραφή", None, None]),
                         HEADER_MAP, REQUIRED)
    assert (header.line, header.cells, header.raw_cells, header.blank_above, header.title_above) == (
        4, ["Δήμος", "Υπογραφή"], 4, 1, 2)
    assert header.columns == {0: "municipality_code", 1: "signed_on"}


def test_header_search_gives_up_after_1000_blank_rows():
    blank = [[None]] * 1000
    assert find_header(numbered(*blank, ["Δήμος", "Υπογραφή"]), HEADER_MAP, REQUIRED) is None
    assert find_header(numbered(*blank[1:], ["Δήμος", "Υπογραφή"]), HEADER_MAP, REQUIRED).line == 1000


def test_without_required_columns_any_known_column_makes_a_header():
    assert find_header(numbered(["x"], ["Κέντρο"]), HEADER_MAP, set()).line == 2


def test_check_header_names_the_duplicate_cell():
    header = find_header(numbered(["Δήμος", "Υπογραφή", "code"]), HEADER_MAP, REQUIRED)
    with pytest.raises(FileFault) as fault:
        check_header(header, REQUIRED, sheet="Φύλλο")
    assert (fault.value.code, fault.value.column, fault.value.line, fault.value.sheet) == (
        "duplicate_column", "code", 1, "Φύλλο")


@pytest.mark.parametrize(("text", "total"), [
    ("Σύνολο", True), ("ΣΎΝΟΛΟ", True), ("συνολα", True), ("Γενικό   Σύνολο", True), ("TOTAL", True),
    ("Grand total", True), ("\u200bΣύνολο", True), ("ｔｏｔａｌ", True),
    ("Σύνολο 2024", False), ("Subtotal", False), ("Σέρρες", False), ("9101", False),
])
def test_total_labels(text, total):
    assert is_total(text) is total


def test_a_faulty_row_is_kept_even_when_empty():
    stats = {"blank_lines": 0, "total_rows": 0}
    rows = Rows(2, stats, find_header(numbered(["Δήμος", "Υπογραφή"]), HEADER_MAP, REQUIRED))
    rows.add(5, ["", ""], "unterminated_quote")
    rows.add(6, ["", " "])
    assert rows.rest().to_pylist() == [{"__line": 5, "__fault": "unterminated_quote", "__fault_column": None,
                                        "c0": None, "c1": None}]
    assert stats["blank_lines"] == 0  # line 6 is blank but nothing follows it


def test_the_header_row_again_is_skipped_however_it_is_written():
    header = find_header(numbered(["Δήμος", "Υπογραφή", "Σχόλιο"]), HEADER_MAP, REQUIRED)
    stats = {"blank_lines": 0, "total_rows": 0, "header_rows": 0}
    rows = Rows(3, stats, header)
    rows.add(2, ["Αθηναίων", "1/3/2024", ""])
    rows.add(3, ["Δήμος", "Υπογραφή", "Σχόλιο"])  # as the header writes it
    rows.add(4, [" MUNICIPALITY ", "ΥΠΟΓΡΑΦΗ ΣΥΜΦΩΝΟΥ", "Notes"])  # other aliases, capitals, no accents
    rows.add(5, ["Δήμος", "1/4/2024", ""])  # one column named, the other a value: a record
    rows.add(6, ["Υπογραφή", "Δήμος", ""])  # headers, each in the other's column: a record
    rows.add(7, ["δημος", "signed", "x"])  # the header again, whatever the unmapped cell holds
    assert [row["__line"] for row in rows.rest().to_pylist()] == [2, 5, 6]
    assert stats["header_rows"] == 3


def test_no_header_of_any_kind_has_a_digit():
    # Rows tells a record from the header row again by the digits a record has: a header with one
    # written again further down would be read as a record.
    assert [alias for kind in KINDS.values() for alias in kind.header_map() if any(c.isdigit() for c in alias)] == []


def test_the_title_rows_of_a_repeated_header_go_with_it():
    header = find_header(numbered(["Δήμος", "Υπογραφή"]), HEADER_MAP, REQUIRED)
    stats = {"blank_lines": 0, "total_rows": 0, "header_rows": 0, "header_titles": 0}
    rows = Rows(2, stats, header)
    rows.add(2, ["Αθηναίων", "1/3/2024"])
    rows.add(3, ["Αθηναίων", ""])  # a record with its first cell only, not above a header: kept
    rows.add(4, ["9101", "2/3/2024"])
    for line in range(5, 9):  # four rows of one cell: the last three are a repeated header's titles
        rows.add(line, [f"Τίτλος {line}", ""])
    rows.add(9, ["", ""])
    rows.add(10, ["Δήμος", "Υπογραφή"])
    rows.add(11, ["", "Σημείωση"], "unterminated_quote")  # a faulty row is never a title
    rows.add(12, ["Δήμος", "Υπογραφή"])
    rows.add(13, ["Αθηναίων", "3/3/2024"])
    assert [row["__line"] for row in rows.rest().to_pylist()] == [2, 3, 4, 5, 11, 13]
    assert (stats["header_rows"], stats["header_titles"], stats["blank_lines"]) == (2, 3, 1)


def test_a_title_at_the_end_of_a_batch_waits_for_the_header_that_may_follow(monkeypatch):
    monkeypatch.setattr(header_module, "BATCH_ROWS", 3)
    header = find_header(numbered(["Δήμος", "Υπογραφή"]), HEADER_MAP, REQUIRED)
    stats = {"blank_lines": 0, "total_rows": 0, "header_rows": 0, "header_titles": 0}
    rows = Rows(2, stats, header)
    batches = []

    def add(line, cells):
        rows.add(line, cells)
        if rows.full():
            batches.append([row["__line"] for row in rows.take().to_pylist()])

    add(2, ["Αθηναίων", "1/3/2024"])
    add(3, ["9101", "2/3/2024"])
    add(4, ["Ώρες Απριλίου 2024", ""])  # fills the batch, but may be a title: held back
    add(5, ["Δήμος", "Υπογραφή"])  # it was: both skipped
    add(6, ["Αθηναίων", "3/3/2024"])
    add(7, ["9101", "4/3/2024"])
    add(8, ["Αθηναίων", ""])  # held back at the end of the next batch, and a record after all
    add(9, ["9101", "5/3/2024"])
    batches.append([row["__line"] for row in rows.rest().to_pylist()])
    assert batches == [[2, 3], [6, 7], [8, 9]]
    assert (stats["header_rows"], stats["header_titles"]) == (1, 1)


_SHAPES = [
    (["Αθηναίων", "1/3/2024"], None),  # a record
    (["Ώρες Απριλίου 2024", ""], None),  # text in the first cell only: a title, if a repeated header follows
    (["", ""], None),  # blank
    (["Δήμος", "Υπογραφή"], None),  # the header again
    (["", "Σημείωση"], "unterminated_quote"),  # a faulty row
    (["Σύνολο", "12"], None),  # a total row
]


@given(st.lists(st.sampled_from(range(len(_SHAPES))), max_size=40), st.integers(1 + TITLE_ROWS, 8))
def test_cutting_the_rows_into_batches_changes_nothing_they_give(shapes, batch_rows):
    def read(batch_size):
        header = find_header(numbered(["Δήμος", "Υπογραφή"]), HEADER_MAP, REQUIRED)
        stats = {"blank_lines": 0, "total_rows": 0, "header_rows": 0, "header_titles": 0}
        rows, lines = Rows(2, stats, header), []
        header_module.BATCH_ROWS = batch_size
        try:
            for line, shape in enumerate(shapes, 2):
                cells, fault = _SHAPES[shape]
                rows.add(line, list(cells), fault)
                if rows.full():
                    lines += [row["__line"] for row in rows.take().to_pylist()]
        finally:
            header_module.BATCH_ROWS = BATCH_ROWS
        return lines + [row["__line"] for row in (rows.rest() or pa.table({"__line": []})).to_pylist()], stats

    assert read(batch_rows) == read(10**9)
