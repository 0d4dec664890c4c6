"""No raw volunteer identifier or dropped personal datum is written anywhere a load leaves traces.

Three files (UTF-8 CSV, Windows-1253 CSV, XLSX) carry distinctive volunteer identifiers,
one of them too long (so its row is quarantined), and name, telephone, e-mail and notes
columns. After loading them through the CLI, none of those strings may be found, in
UTF-8, UTF-16-LE or Windows-1253 bytes, in: the database folder (database file, any .wal,
the log ``pipelines.log``, the scratch folder beside the database), the temporary folder of
the process, the CLI's output, or any column of any table (the quarantine included).
"""

from __future__ import annotations

import hashlib
import hmac
import stat
from datetime import date
from pathlib import Path

import duckdb
import openpyxl
import pytest

from tests.corpus.cli import DB_NAME, KEY_NAME, Run, ingest, query

ORGANIZATIONS = Path(__file__).resolve().parent / "corpus" / "fixture" / "organizations.csv"

VOLUNTEER = "ΠΑΠΑΔΟΠΟΥΛΟΣ-ΚΛΕΙΔΙ-4242"
VOLUNTEER_LATIN = "ZX-SECRET-ID-31337"
TOO_LONG_PART = "ΜΑΚΡΥ-ΑΝΑΓΝΩΡΙΣΤΙΚΟ-5150"
TOO_LONG = "-".join([TOO_LONG_PART] * 3)  # 74 characters; the limit is 64
NAME = "ΚΩΝΣΤΑΝΤΙΝΟΥ-ΟΝΟΜΑ-88"
PHONE = "6912345678"
EMAIL = "maria.k@example.gr"
NOTE = "ΔΙΑΒΗΤΗΣ-ΣΗΜΕΙΩΣΗ-7781"
SECRETS = (VOLUNTEER, VOLUNTEER_LATIN, TOO_LONG_PART, NAME, PHONE, EMAIL, NOTE)
ENCODINGS = ("utf-8", "utf-16-le", "cp1253")


def _rows(prefix: str, day: str, hours: str) -> list[list[str]]:
    return [
        [f"{prefix}1", VOLUNTEER, "ORG-A", "0101", day, hours, NAME, PHONE, EMAIL, NOTE],
        [f"{prefix}2", VOLUNTEER_LATIN, "ORG-A", "0101", day, "1", NAME, PHONE, EMAIL, ""],
        [f"{prefix}3", TOO_LONG, "ORG-A", "0101", day, "1", NAME, PHONE, EMAIL, NOTE],
    ]


def _write_files(folder: Path) -> list[Path]:
    folder.mkdir()
    english = ["record_id", "volunteer_id", "org_id", "municipality_code", "date", "hours",
               "Ονοματεπώνυμο", "Τηλέφωνο", "E-mail", "Σημειώσεις"]
    greek = ["Κωδικός εγγραφής", "Κωδικός εθελοντή", "Κωδικός οργάνωσης", "Δήμος", "Ημερομηνία", "Ώρες",
             "Ονοματεπώνυμο", "Τηλέφωνο", "Email", "Παρατηρήσεις"]
    utf8 = folder / "volunteers.csv"
    utf8.write_text("".join(",".join(r) + "\n" for r in [english, *_rows("P-", "2024-03-05", "2")]), "utf-8")
    legacy = folder / "volunteers-1253.csv"
    legacy.write_bytes("".join(";".join(r) + "\r\n" for r in [greek, *_rows("P-1", "06/03/2024", "2,5")])
                       .encode("cp1253"))
    book = openpyxl.Workbook()
    book.active.append(english)
    for record, volunteer, org, municipality, _, _, name, _, email, note in _rows("P-2", "", ""):
        # The telephone as Excel keeps a number typed into a cell.
        book.active.append([record, volunteer, org, municipality, date(2024, 3, 7), 3, name, int(PHONE), email,
                            note or None])
    xlsx = folder / "volunteers.xlsx"
    book.save(xlsx)
    return [utf8, legacy, xlsx]


def _needles() -> list[tuple[str, str, bytes]]:
    return [(s, e, s.encode(e)) for s in SECRETS for e in ENCODINGS]


def _found_in_files(folder: Path) -> list[tuple[str, str, str]]:
    found = []
    for path in (p for p in folder.rglob("*") if p.is_file()):
        data = path.read_bytes()
        found += [(path.name, s, e) for s, e, needle in _needles() if needle in data]
    return found


def _found_in_tables(folder: Path) -> list[tuple[str, str, str]]:
    con = duckdb.connect(str(folder / DB_NAME), read_only=True)
    try:
        columns = con.execute(
            "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'main'").fetchall()
        found = []
        for table, column in columns:
            for secret in SECRETS:
                hits = con.execute(f'SELECT count(*) FROM {table} WHERE contains(CAST("{column}" AS VARCHAR), ?)',
                                   [secret]).fetchall()[0][0]
                if hits:
                    found.append((table, column, secret))
        return found
    finally:
        con.close()


@pytest.fixture(scope="module")
def loaded(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, list[Run]]:
    """The three files loaded twice (JSON in English, then text in Greek); the database and temp folders, the runs."""
    root = tmp_path_factory.mktemp("privacy")
    folder, temp = root / "db", root / "tmp"
    folder.mkdir()
    setup = ingest(folder, "organizations", [ORGANIZATIONS], temp=temp)
    assert setup.code == 0, setup.stdout + setup.stderr
    files = _write_files(root / "in")
    runs = [ingest(folder, "hours", files, temp=temp)]
    runs.append(ingest(folder, "hours", files, temp=temp, lang="el"))
    return folder, temp, runs


def test_files_loaded_with_the_too_long_identifier_quarantined(loaded):
    folder, _, runs = loaded
    assert runs[0].code == 0, runs[0].stdout + runs[0].stderr
    outcome = [(r["status"], r["rows_read"], r["rows_loaded"], r["rows_quarantined"]) for r in runs[0].reports]
    assert outcome == [("loaded", 3, 2, 1)] * 3
    assert query(folder, "SELECT line, column_name, value, reason FROM quarantine ORDER BY load_id") == [
        (4, "volunteer_id", None, "too_long")
    ] * 6
    assert query(folder, "SELECT count(*) FROM volunteer_hours") == [(6,)]


def test_the_volunteer_is_stored_as_the_hmac_of_the_identifier(loaded):
    folder, _, _ = loaded
    key_file = folder / KEY_NAME
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    key = bytes.fromhex(key_file.read_text(encoding="ascii").strip())
    # The first 64 bits of the HMAC-SHA256, worked out here with Python's hmac.
    expected = {
        v: int(hmac.new(key, v.encode("utf-8"), hashlib.sha256).hexdigest()[:16], 16)
        for v in (VOLUNTEER, VOLUNTEER_LATIN)
    }
    rows = query(folder, "SELECT record_id, volunteer_no FROM volunteer_hours ORDER BY record_id")
    assert rows == [
        ("P-1", expected[VOLUNTEER]), ("P-11", expected[VOLUNTEER]), ("P-12", expected[VOLUNTEER_LATIN]),
        ("P-2", expected[VOLUNTEER_LATIN]), ("P-21", expected[VOLUNTEER]), ("P-22", expected[VOLUNTEER_LATIN]),
    ]


def test_the_search_sees_what_is_there(loaded):
    folder, _, _ = loaded
    submitted = {s for _, s, _ in _found_in_files(folder.parent / "in")}
    assert submitted == set(SECRETS)
    # A value that is stored (an organization's name) is found in the database file's bytes.
    assert "Κοινωνικό Παντοπωλείο Κομοτηνής".encode() in (folder / DB_NAME).read_bytes()


def test_no_secret_in_the_database_folder(loaded):
    folder, _, _ = loaded
    assert (folder / DB_NAME).stat().st_size > 0 and (folder / "pipelines.log").exists()
    assert _found_in_files(folder) == []


def test_no_secret_left_in_the_temporary_folder(loaded):
    _, temp, _ = loaded
    assert _found_in_files(temp) == []


def test_no_secret_in_the_cli_output(loaded):
    _, _, runs = loaded
    for run in runs:
        text = run.stdout + run.stderr
        assert [s for s in SECRETS if s in text] == []


def test_no_secret_in_any_column_of_any_table(loaded):
    folder, _, _ = loaded
    assert _found_in_tables(folder) == []
    for row in query(folder, "SELECT * FROM quarantine"):
        assert [s for s in SECRETS for value in row if s in str(value)] == []
