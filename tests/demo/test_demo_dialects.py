"""Values look on disk the way each sender's software writes them (expected texts written out by hand)."""

from __future__ import annotations

import zipfile
from datetime import date

import openpyxl

from pipelines.demo.dialects import (
    GREEK_EXCEL,
    MONTH_NAMES,
    PLAIN,
    Table,
    date_text,
    number_text,
    write_csv,
    write_xlsx,
)
from pipelines.kinds import ORGANIZATIONS


def test_numbers():
    assert number_text(3.5) == "3.5"
    assert number_text(4.0) == "4"
    assert number_text(3.5, decimal_comma=True) == "3,5"
    assert number_text(12500.0, decimal_comma=True, grouped=True) == "12.500,00"
    assert number_text(1234.5, grouped=True) == "1,234.50"


def test_dates():
    day = date(2024, 3, 5)
    assert date_text(day, "iso") == "2024-03-05"
    assert date_text(day, "dmy") == "05/03/2024"
    assert date_text(day, "month_names") == "5 Μαρτίου 2024"
    assert date_text(date(2023, 5, 17), "month_names") == "17 Μαΐου 2023"


def hours_table() -> Table:
    table = Table("hours", ["record_id", "volunteer_id", "org_id", "municipality_code", "activity_id", "date", "hours",
                            "role"])
    table.rows = [[1, "V1", "ORG-1", "0101", None, date(2024, 3, 5), 3.5, "εθελοντής"],
                  [2, "V2", "ORG-1", "0101", "ACT-1", "31/02/2024", 4.0, None]]
    return table


def test_greek_excel_csv(tmp_path):
    path = write_csv(tmp_path / "h.csv", hours_table(), GREEK_EXCEL)
    expected = ("Κωδικός εγγραφής;Κωδικός εθελοντή;Κωδικός οργάνωσης;Δήμος;Κωδικός δράσης;Ημερομηνία;Ώρες;Ρόλος\r\n"
                "1;V1;ORG-1;0101;;05/03/2024;3,5;εθελοντής\r\n"
                "2;V2;ORG-1;0101;ACT-1;31/02/2024;4;\r\n")
    assert path.read_bytes() == expected.encode("cp1253")


def test_plain_and_month_name_csv(tmp_path):
    plain = write_csv(tmp_path / "p.csv", hours_table(), PLAIN).read_text(encoding="utf-8")
    assert plain.splitlines()[1] == "1,V1,ORG-1,0101,,2024-03-05,3.5,εθελοντής"
    named = write_csv(tmp_path / "m.csv", hours_table(), MONTH_NAMES).read_text(encoding="utf-8")
    assert named.splitlines()[1] == "1,V1,ORG-1,0101,,5 Μαρτίου 2024,3.5,εθελοντής"


def test_greek_choice_labels(tmp_path):
    table = Table("organizations", ["org_id", "name", "type", "municipality_code"])
    table.rows = [["ORG-1", "Κοινωνικό Φαρμακείο Δήμου Κομοτηνής", "social_pharmacy", "0101"]]
    assert ORGANIZATIONS.column("type").choices["social_pharmacy"][0] == "κοινωνικό φαρμακείο"
    text = write_csv(tmp_path / "o.csv", table, GREEK_EXCEL).read_bytes().decode("cp1253")
    assert text.splitlines()[1] == "ORG-1;Κοινωνικό Φαρμακείο Δήμου Κομοτηνής;κοινωνικό φαρμακείο;0101"


def test_workbook_as_people_make_it(tmp_path):
    path = write_xlsx(tmp_path / "h.xlsx", hours_table(), "Ώρες εθελοντισμού 2024", total_of="hours")
    sheet = openpyxl.load_workbook(path).active
    assert sheet["A1"].value == "Ώρες εθελοντισμού 2024"
    assert all(cell.value is None for cell in sheet[2])
    assert [c.value for c in sheet[3]][:3] == ["Κωδικός εγγραφής", "Κωδικός εθελοντή", "Κωδικός οργάνωσης"]
    assert sheet["F4"].is_date and sheet["F4"].number_format == "DD/MM/YYYY"
    assert sheet["F5"].value == "31/02/2024"  # a mistake typed as text stays text
    assert sheet["A6"].value == "ΣΥΝΟΛΟ" and sheet["G6"].value == 7.5  # 3.5 + 4


def test_workbook_bytes_carry_no_save_time(tmp_path):
    path = write_xlsx(tmp_path / "h.xlsx", hours_table(), "τίτλος")
    with zipfile.ZipFile(path) as archive:
        assert {info.date_time for info in archive.infolist()} == {(2025, 1, 1, 9, 0, 0)}
        core = archive.read("docProps/core.xml").decode("utf-8")
    assert "2025-01-01T09:00:00Z" in core
