"""The entry point: the reader is chosen by content; faults of the whole file before any reading."""

from __future__ import annotations

import pytest

from civhub import config
from pipelines.faults import FileFault
from pipelines.read.open_file import OLE_MAGIC, close_table
from tests.read.support import read, values


def refused(path) -> FileFault:
    with pytest.raises(FileFault) as fault:
        read(path)
    return fault.value


def test_old_excel_files_are_refused_by_name(write):
    assert refused(write(OLE_MAGIC + b"\x00" * 504, name="data.xls")).code == "xls_not_supported"


def test_a_missing_file(tmp_path):
    assert refused(tmp_path / "nothing.csv").code == "unreadable_file"


def test_size_limit_applies_to_workbooks_too(workbook, monkeypatch):
    path = workbook({"Φύλλο": [["Δήμος", "Υπογραφή"], ["9101", "2024-01-02"]]})
    monkeypatch.setattr(config, "MAX_FILE_BYTES", path.stat().st_size - 1)
    assert refused(path).code == "file_too_large"


def test_a_file_exactly_at_the_size_limit_is_read(write, monkeypatch):
    path = write("Δήμος,Υπογραφή\n9101,2024-01-02\n")
    monkeypatch.setattr(config, "MAX_FILE_BYTES", path.stat().st_size)
    assert values(read(path)) == [(2, "9101", "2024-01-02")]


def test_closing_a_workbook_table_is_harmless(workbook):
    table = read(workbook({"Φύλλο": [["Δήμος", "Υπογραφή"], ["9101", "2024-01-02"]]}))
    close_table(table)
    assert values(table) == [(2, "9101", "2024-01-02")]


def test_a_string_path_is_accepted(write):
    assert values(read(str(write("Δήμος,Υπογραφή\n9101,2024-01-02\n")))) == [(2, "9101", "2024-01-02")]
