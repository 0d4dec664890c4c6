"""Numbers computed once per distinct identifier: the same number on every path a file may take through staging."""

from __future__ import annotations

import hashlib
import hmac
from pathlib import Path

import duckdb
import pytest

from pipelines import stage
from pipelines.kinds import HOURS
from pipelines.read import FastCsv, header
from pipelines.read.decode import ByteProfile

# V-1 three times, V-2 once: four records, two volunteers. The plain file takes DuckDB's fast path;
# the quoted cell in the other keeps it on the reader's batches.
PLAIN = """record_id,volunteer_id,org_id,municipality_code,date,hours
K1,V-1,ORG1,0101,2024-03-05,1
K2,V-2,ORG1,0101,2024-03-05,2
K3,V-1,ORG2,0102,2024-03-06,3
K4,V-1,ORG1,0101,2024-03-07,4
"""
QUOTED = PLAIN.replace("K4,V-1,ORG1,0101,", 'K4,V-1,ORG1,"0101",')


def _number_of(identifier: str, key_file: Path) -> int:
    # The first 16 hexadecimal digits of the identifier's HMAC-SHA256, read as a number: computed here
    # with Python's hmac, not by the code under test.
    key = bytes.fromhex(key_file.read_text(encoding="ascii").strip())
    return int(hmac.new(key, identifier.encode("utf-8"), hashlib.sha256).hexdigest()[:16], 16)


def _stored(q) -> list[tuple]:
    return q("SELECT record_id, volunteer_no FROM volunteer_hours ORDER BY record_id")


def _expected(db: Path) -> list[tuple]:
    key_file = db.with_name("pseudonym.key")
    v1, v2 = _number_of("V-1", key_file), _number_of("V-2", key_file)
    return [("K1", v1), ("K2", v2), ("K3", v1), ("K4", v1)]


@pytest.mark.parametrize("content", [PLAIN, QUOTED], ids=["fast path", "batches"])
def test_each_record_gets_the_hmac_of_its_identifier(orgs, load, q, db, content):
    report = load("hours", content)
    assert (report.rows_read, report.rows_loaded, report.rows_quarantined) == (4, 4, 0)
    assert _stored(q) == _expected(db)


def test_identifiers_that_do_not_fit_in_memory_get_the_same_numbers_row_by_row(orgs, load, q, db, monkeypatch):
    monkeypatch.setattr(stage, "_gather_numbers", lambda *args: False)
    assert load("hours", PLAIN).rows_loaded == 4
    assert _stored(q) == _expected(db)


def test_an_identifier_in_several_batches_gets_one_number(orgs, load, q, db, monkeypatch):
    monkeypatch.setattr(header, "BATCH_ROWS", 1)  # every record a batch of its own: V-1 is met three times
    report = load("hours", QUOTED)
    assert (report.rows_read, report.rows_loaded) == (4, 4)
    assert _stored(q) == _expected(db)


def test_a_refused_identifier_gets_no_number_and_its_row_its_reason(orgs, load, q):
    content = PLAIN + "K5,,ORG1,0101,2024-03-05,1\nK6," + "W" * 65 + ",ORG1,0101,2024-03-05,1\n"
    report = load("hours", content)
    assert (report.rows_read, report.rows_loaded, report.rows_quarantined) == (6, 4, 2)
    assert q("SELECT line, column_name, reason, value FROM quarantine ORDER BY line") == [
        (6, "volunteer_id", "required", None),
        (7, "volunteer_id", "too_long", None),
    ]


SECRETS = {"salt": b"s" * 16, "ipad": bytes(64), "opad": bytes(64)}


def _many_identifiers(tmp_path: Path) -> tuple[FastCsv, stage.Staged]:
    # 200,000 distinct identifiers of 36 characters: several MB to gather, more than a 4 MB limit allows.
    path = tmp_path / "many.csv"
    rows = "".join(f"R{i},VOLUNTEER-{i:09d}-ABCDEFGHIJKLMN\n" for i in range(200_000))
    path.write_text("record_id,volunteer_id\n" + rows)
    return FastCsv(path, ",", 1, 2), stage.Staged(columns={"record_id": 0, "volunteer_id": 1}, ignored=[])


def test_identifiers_that_do_not_fit_in_memory_are_not_offloaded_to_disk(tmp_path):
    fast, staged = _many_identifiers(tmp_path)
    scratch = tmp_path / "scratch"
    con = duckdb.connect(config={"memory_limit": "4MB", "threads": 1})
    con.execute(f"SET temp_directory = '{scratch}'")
    assert stage._gather_numbers(con, HOURS.column("volunteer_id"), fast, staged, SECRETS) is False
    assert not scratch.exists() or not any(scratch.iterdir())
    assert con.execute("SELECT current_setting('temp_directory')").fetchall() == [(str(scratch),)]
    tables = con.execute("SELECT table_name FROM duckdb_tables()").fetchall()
    assert ("pseudonyms_volunteer_id",) not in tables


def test_numbers_are_not_gathered_once_the_scratch_folder_is_in_use(tmp_path):
    # Three identifiers would fit, but DuckDB cannot stop offloading once it has used its scratch folder.
    path = tmp_path / "few.csv"
    path.write_text("record_id,volunteer_id\nR1,V-1\nR2,V-2\nR3,V-3\n")
    staged = stage.Staged(columns={"record_id": 0, "volunteer_id": 1}, ignored=[])
    scratch = tmp_path / "scratch"
    con = duckdb.connect(config={"memory_limit": "4MB", "threads": 1})
    con.execute(f"SET temp_directory = '{scratch}'")
    con.execute("CREATE TEMP TABLE filler AS SELECT repeat('x', 100) || range AS text FROM range(200000)")
    assert any(scratch.iterdir())
    assert stage._gather_numbers(con, HOURS.column("volunteer_id"), FastCsv(path, ",", 1, 2), staged, SECRETS) is False


def test_a_file_duckdbs_reader_cannot_split_is_read_by_the_batches(orgs, load, q, db, monkeypatch):
    # Lines ending in CR LF and in LF in one file stop DuckDB's reader short of rejecting lines: the byte
    # profile keeps such a file off the fast path, and were it let through, the batches read it instead.
    monkeypatch.setattr(ByteProfile, "_ends_alike", lambda *args: True)
    mixed = PLAIN.replace("\n", "\r\n", 2)
    report = load("hours", mixed)
    assert (report.rows_read, report.rows_loaded, report.rows_quarantined) == (4, 4, 0)
    assert _stored(q) == _expected(db)
