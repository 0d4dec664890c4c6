"""XLSX workbooks: archive safety, sheet choice, header row, values as text, formulas."""

from __future__ import annotations

import zipfile
from datetime import date, datetime, time

import openpyxl
import openpyxl.xml
import pytest

from pipelines.faults import FileFault
from pipelines.read import xlsx_reader
from tests.read.support import cache_formula_value, faults, read, rewrite_member, values

HEADER = ["Δήμος", "Υπογραφή", "Κέντρο"]


def refused(path) -> FileFault:
    with pytest.raises(FileFault) as fault:
        read(path)
    return fault.value


# Archive safety ------------------------------------------------------------------------


def test_openpyxl_parses_through_defusedxml():
    assert openpyxl.xml.DEFUSEDXML is True


def test_refused_without_defusedxml(workbook, monkeypatch):
    path = workbook({"Φύλλο": [HEADER, ["9101", "2024-01-02"]]})
    monkeypatch.setattr(openpyxl.xml, "DEFUSEDXML", False)
    assert refused(path).code == "xlsx_parser_unsafe"


def test_zip_bomb_by_compression_ratio(tmp_path):
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"\x00" * (20 * 1024 * 1024))  # deflates about 1000 to 1
    assert refused(path).code == "zip_bomb"


def test_zip_bomb_by_member_count(tmp_path):
    path = tmp_path / "many.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        for i in range(1001):
            archive.writestr(f"part{i}.xml", b"<a/>")
    assert refused(path).code == "zip_bomb"


def test_zip_bomb_by_member_size_and_total_size(workbook, monkeypatch):
    path = workbook({"Φύλλο": [HEADER, ["9101", "2024-01-02"]]})
    with zipfile.ZipFile(path) as archive:
        largest = max(m.file_size for m in archive.infolist())
        total = sum(m.file_size for m in archive.infolist())
    monkeypatch.setattr(xlsx_reader, "MAX_MEMBER_BYTES", largest - 1)
    assert refused(path).code == "zip_bomb"
    monkeypatch.setattr(xlsx_reader, "MAX_MEMBER_BYTES", largest)
    monkeypatch.setattr(xlsx_reader, "MAX_TOTAL_BYTES", total - 1)
    assert refused(path).code == "zip_bomb"
    monkeypatch.setattr(xlsx_reader, "MAX_TOTAL_BYTES", total)
    assert read(path).sheet == "Φύλλο"


def test_entity_declaration_is_refused(workbook):
    path = workbook({"Φύλλο": [HEADER, ["9101", "2024-01-02"]]})
    rewrite_member(path, "xl/workbook.xml", lambda xml: b'<!DOCTYPE workbook [<!ENTITY lol "lol">]>' + xml)
    assert refused(path).code == "xml_entities"


def test_entity_declaration_in_utf16_xml_is_refused(workbook):
    path = workbook({"Φύλλο": [HEADER, ["9101", "2024-01-02"]]})
    utf16 = '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE p [<!ENTITY x "y">]><p/>'.encode("utf-16")
    rewrite_member(path, "docProps/app.xml", lambda _xml: utf16)
    assert refused(path).code == "xml_entities"


def test_not_a_zip_after_all(write):
    assert refused(write(b"PK\x03\x04 this is not an archive", name="data.xlsx")).code == "unreadable_xlsx"


def test_a_zip_that_is_not_a_workbook(tmp_path):
    path = tmp_path / "notes.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("notes.txt", "Δήμος,Υπογραφή")
    assert refused(path).code == "unreadable_xlsx"


def test_content_decides_the_reader_not_the_name(workbook, write):
    xlsx_named_csv = workbook({"Φύλλο": [HEADER, ["9101", "2024-01-02"]]}, name="data.csv")
    assert (read(xlsx_named_csv).sheet, read(xlsx_named_csv).delimiter) == ("Φύλλο", None)
    csv_named_xlsx = write("Δήμος;Υπογραφή\n9101;2024-01-02\n", name="data.xlsx")
    assert (read(csv_named_xlsx).sheet, read(csv_named_xlsx).delimiter) == (None, ";")


# Sheet and header --------------------------------------------------------------------------


def test_the_sheet_with_the_header_is_chosen_not_the_first(workbook):
    path = workbook({
        "Οδηγίες": [["Συμπληρώστε τον πίνακα στο επόμενο φύλλο"], ["Δήμος: ο κωδικός ΕΛΣΤΑΤ"]],
        "Στοιχεία": [HEADER, ["9101", "2024-01-02", None]],
    })
    table = read(path)
    assert (table.sheet, table.header_line, table.encoding, table.delimiter, table.fast) == (
        "Στοιχεία", 1, None, None, None)
    assert values(table) == [(2, "9101", "2024-01-02", None)]


def test_the_sheet_whose_header_matches_best(workbook):
    path = workbook({
        "Σύνοψη": [["Δήμος", "Υπογραφή"], ["9101", "2024-01-02"]],
        "Αναλυτικά": [HEADER, ["9101", "2024-01-02", "2024-05-01"]],
    })
    assert read(path).sheet == "Αναλυτικά"


def test_a_visible_sheet_is_chosen_before_a_hidden_one_that_matches_better(workbook):
    path = workbook({
        "Παλιά": [HEADER, ["9101", "2023-01-02", "2023-05-01"]],
        "Μάρτιος": [HEADER[:2], ["9101", "2024-01-02"]],
    })
    book = openpyxl.load_workbook(path)
    book["Παλιά"].sheet_state = "hidden"
    book.save(path)
    assert read(path).sheet == "Μάρτιος"


def test_a_hidden_sheet_is_read_when_it_alone_matches(workbook):
    path = workbook({"Οδηγίες": [["Συμπληρώστε το φύλλο"]], "Δεδομένα": [HEADER, ["9101", "2024-01-02", None]]})
    book = openpyxl.load_workbook(path)
    book["Δεδομένα"].sheet_state = "hidden"
    book.save(path)
    assert read(path).sheet == "Δεδομένα"


def test_no_sheet_has_a_header(workbook):
    path = workbook({"Α": [["x", "y"], [1, 2]], "Β": [["Κέντρο"], ["2024-01-02"]]})
    assert refused(path).code == "no_header"


def test_missing_column_names_the_sheet(workbook):
    fault = refused(workbook({"Φύλλο": [["τίτλος"], ["Δήμος", "Κέντρο"]]}))
    params = {"columns": ["signed_on"], "header": ["Δήμος", "Κέντρο"]}
    assert (fault.code, fault.params, fault.line, fault.sheet) == ("missing_columns", params, 2, "Φύλλο")


def test_header_below_a_merged_title_and_excel_row_numbers(workbook):
    path = workbook({"Φύλλο": [
        ["Σύμφωνο Συνεργασίας 2024", None, None],  # row 1, merged over A1:C1
        [],                                          # row 2
        HEADER,                                      # row 3
        ["9101", "2024-01-02", None],                # row 4
        [], [],                                      # rows 5-6
        ["9102", "2024-01-03", "2024-06-01"],        # row 7
        ["Σύνολο", None, None],                      # row 8
        [None, "  ", None],                          # row 9
    ]}, merge={"Φύλλο": "A1:C1"})
    table = read(path)
    assert table.header_line == 3
    assert values(table) == [(4, "9101", "2024-01-02", None), (7, "9102", "2024-01-03", "2024-06-01")]
    assert table.stats == {"blank_lines": 3, "total_rows": 1, "title_rows": 1, "header_rows": 0, "header_titles": 0}


# Values ------------------------------------------------------------------------------------


def test_values_become_text(workbook):
    cells = [date(2024, 3, 5), datetime(2024, 3, 5, 17, 45), 3.5, 4.0, 4, 0.1 + 0.2, 1e-05, 12345678901,
             1234567.125, -2.5, True, False, "  κείμενο με  κενά ", time(8, 30)]
    header = ["Δήμος", "Υπογραφή", *(f"στήλη {i}" for i in range(len(cells) - 2))]
    table = read(workbook({"Φύλλο": [header, cells]}))
    assert values(table) == [(2, "2024-03-05", "2024-03-05", "3.5", "4", "4", "0.3", "0.00001", "12345678901",
                              "1234567.1250", "-2.5", "true", "false", "κείμενο με  κενά", "08:30:00")]


def test_number_text():
    assert [xlsx_reader.number_text(x) for x in (3.5, 4.0, 0.0, -0.0, 1e20, 2.5e-7, 1 / 3)] == [
        "3.5", "4", "0", "0", "100000000000000000000", "0.00000025", "0.333333333333333"]


def test_more_cells_than_the_header(workbook):
    table = read(workbook({"Φύλλο": [["Δήμος", "Υπογραφή"], ["9101", "2024-01-02", None, "x"], ["9102", "x"]]}))
    assert values(table) == [(2, "9101", "2024-01-02"), (3, "9102", "x")]
    assert faults(table) == [(2, "too_many_cells", None)]


# Formulas ----------------------------------------------------------------------------------


def test_formula_without_a_cached_value_faults_its_row(workbook):
    # openpyxl saves formulas without computing them, as some programs do.
    path = workbook({"Φύλλο": [HEADER + ["Σχόλια"], ["9101", "=TODAY()", None, None], ["9102", "2024-01-03"]]})
    table = read(path)
    assert values(table) == [(2, "9101", None, None, None), (3, "9102", "2024-01-03", None, None)]
    assert faults(table) == [(2, "formula_without_value", 1)]


def test_formula_with_a_cached_value_reads_the_value(workbook):
    path = workbook({"Φύλλο": [HEADER, ["9101", "=45000+1", None]]})
    cache_formula_value(path, "B2", "45001")
    table = read(path)
    assert values(table) == [(2, "9101", "45001", None)]
    assert faults(table) == []


def test_formula_without_value_in_an_unused_column_is_harmless(workbook):
    # The 'Σχόλια' column maps to nothing, so its value is never used.
    path = workbook({"Φύλλο": [HEADER + ["Σχόλια"], ["9101", "2024-01-02", None, '=CONCAT("a","b")']]})
    assert faults(read(path)) == []


def test_total_row_made_of_formulas_is_a_total_not_a_fault(workbook):
    path = workbook({"Φύλλο": [HEADER, ["9101", "2024-01-02"], ["Σύνολο", "=COUNTA(B2:B2)"]]})
    table = read(path)
    assert (values(table), faults(table), table.stats["total_rows"]) == ([(2, "9101", "2024-01-02", None)], [], 1)


def test_a_wrong_stored_dimension_does_not_hide_cells(workbook):
    # Some programs write a dimension of 'A1' whatever the sheet holds.
    path = workbook({"Φύλλο": [HEADER, ["9101", "2024-01-02", "2024-05-01"]]})

    def shrink(xml: bytes) -> bytes:
        assert b'<dimension ref="A1:C2"' in xml
        return xml.replace(b'<dimension ref="A1:C2"', b'<dimension ref="A1"')

    rewrite_member(path, "xl/worksheets/sheet1.xml", shrink)
    assert values(read(path)) == [(2, "9101", "2024-01-02", "2024-05-01")]
