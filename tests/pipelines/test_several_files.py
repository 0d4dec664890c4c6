"""The files of one command: each loads or is refused on its own, on one work copy swapped in once,
whose marts are rebuilt once, after the last file.

The organizations are load 1; the hour files of a command are loads 2, 3, … in the order given.
"""

from __future__ import annotations

from decimal import Decimal

from pipelines import merge
from pipelines.ingest import ingest_files

HEADER = "record_id,volunteer_id,org_id,municipality_code,date,hours\n"
MARCH = HEADER + "R1,V-1,ORG1,0101,2024-03-02,2\n"
APRIL = HEADER + "R2,V-2,ORG1,0101,2024-04-06,3\n"
MAY = HEADER + "R3,V-3,ORG1,0101,2024-05-04,1.5\n"


def _hours(q) -> list[tuple]:
    return q("SELECT month, hours FROM mart_hours WHERE municipality_code = '0101' ORDER BY month")


def test_one_rebuild_after_the_last_file_and_a_refused_file_in_between(orgs, write, db, q):
    files = [write("march.csv", MARCH), write("empty.csv", ""), write("april.csv", APRIL)]
    reports = ingest_files("hours", files, db, lang="en")
    assert [(r.status, r.load_id, r.rows_loaded) for r in reports] == [
        ("loaded", 2, 1), ("refused", None, 0), ("loaded", 3, 1),
    ]
    assert q("SELECT load_id, file_name FROM loads WHERE load_id > 1 ORDER BY load_id") == [
        (2, "march.csv"), (3, "april.csv"),
    ]
    # Rebuilt once, after load 3: both months are in the marts.
    assert q("SELECT value FROM meta WHERE key = 'marts_after_load'") == [("3",)]
    assert [(str(m), h) for m, h in _hours(q)] == [("2024-03-01", Decimal("2.00")), ("2024-04-01", Decimal("3.00"))]


def test_an_unexpected_error_in_one_file_leaves_nothing_of_it(orgs, write, db, q, monkeypatch):
    real_merge = merge.merge
    calls = []

    def failing_merge(con, kind, load_id):
        counts = real_merge(con, kind, load_id)  # its records are written, then the load fails
        calls.append(load_id)
        if len(calls) == 2:  # the second file
            raise RuntimeError("disk full")
        return counts

    monkeypatch.setattr(merge, "merge", failing_merge)
    files = [write("march.csv", MARCH), write("april.csv", APRIL), write("may.csv", MAY)]
    reports = ingest_files("hours", files, db, lang="en")
    assert [r.status for r in reports] == ["loaded", "refused", "loaded"]
    assert reports[1].message.startswith("Unexpected error while loading")
    assert q("SELECT record_id FROM volunteer_hours ORDER BY record_id") == [("R1",), ("R3",)]
    assert q("SELECT load_id, file_name FROM loads WHERE load_id > 1 ORDER BY load_id") == [
        (2, "march.csv"), (3, "may.csv"),
    ]
    assert [str(m) for m, _ in _hours(q)] == ["2024-03-01", "2024-05-01"]


def test_a_command_that_loads_nothing_leaves_the_live_file_as_it_is(orgs, write, db):
    ingest_files("hours", [write("march.csv", MARCH)], db, lang="en")
    before = db.stat()
    reports = ingest_files("hours", [write("empty.csv", ""), write("missing.csv", "x")], db, lang="en")
    assert [r.status for r in reports] == ["refused", "refused"]
    after = db.stat()
    assert (after.st_ino, after.st_mtime_ns, after.st_size) == (before.st_ino, before.st_mtime_ns, before.st_size)


def test_a_failing_rebuild_loads_no_file_of_the_command(orgs, write, db, q, monkeypatch):
    def failing_rebuild(con):
        raise RuntimeError("out of memory")

    monkeypatch.setattr("pipelines.ingest.rebuild_mart_tables", failing_rebuild)
    reports = ingest_files("hours", [write("march.csv", MARCH), write("april.csv", APRIL)], db, lang="en")
    assert [r.status for r in reports] == ["refused", "refused"]
    assert all(r.message.startswith("Unexpected error while loading") for r in reports)
    assert q("SELECT count(*) FROM volunteer_hours") == [(0,)]
    assert q("SELECT max(load_id) FROM loads") == [(1,)]


def test_a_folder_stands_for_its_submission_files_in_name_order(orgs, tmp_path, db, q):
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "2024-04.csv").write_text(APRIL, encoding="utf-8")
    (folder / "2024-03.CSV").write_text(MARCH, encoding="utf-8")
    (folder / "~$2024-05.xlsx").write_bytes(b"lock")  # Excel's lock file of an open workbook
    (folder / ".2024-05.csv").write_text(MAY, encoding="utf-8")  # hidden
    (folder / "notes.pdf").write_bytes(b"%PDF")
    (folder / "old").mkdir()
    (folder / "old" / "2023.csv").write_text(MAY, encoding="utf-8")  # folders inside are not entered
    reports = ingest_files("hours", [folder], db, lang="en")
    assert [(r.file, r.status, r.load_id) for r in reports] == [
        (str(folder / "2024-03.CSV"), "loaded", 2), (str(folder / "2024-04.csv"), "loaded", 3),
    ]
    assert q("SELECT record_id FROM volunteer_hours ORDER BY record_id") == [("R1",), ("R2",)]


def test_a_folder_with_nothing_to_load_is_refused(orgs, tmp_path, db):
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "notes.pdf").write_bytes(b"%PDF")
    (report,) = ingest_files("hours", [folder], db, lang="en")
    assert report.status == "refused"
    assert report.message == "The folder holds no files to load (.csv, .tsv, .txt, .xls, .xlsm, .xlsx)."


def test_a_dry_run_answers_as_a_load_and_saves_nothing(orgs, write, db, q):
    ingest_files("hours", [write("march.csv", MARCH)], db, lang="en")
    before = db.stat()
    corrected = MARCH.replace("2024-03-02,2", "2024-03-02,4")
    files = [write("march-corrected.csv", corrected), write("april.csv", APRIL), write("empty.csv", "")]
    reports = ingest_files("hours", files, db, lang="en", dry_run=True)
    assert [(r.status, r.rows_loaded, r.rows_updated) for r in reports] == [
        ("loaded", 0, 1), ("loaded", 1, 0), ("refused", 0, 0),
    ]
    after = db.stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)
    assert q("SELECT record_id, hours FROM volunteer_hours") == [("R1", Decimal("2.00"))]


def test_a_file_of_another_kind_is_named_as_such(orgs, write, db):
    organizations = "org_id,name,type,municipality_code\nORG9,Σύλλογος,association,0101\n"
    (report,) = ingest_files("hours", [write("organizations.csv", organizations)], db, lang="en")
    assert report.status == "refused"
    assert report.message == (
        "Required columns are missing: Date (date), Hours (hours), Record ID (record_id), Volunteer ID "
        "(volunteer_id). Columns of the file not recognised: 'name', 'type'. It looks like a file of kind "
        "'organizations'. (line 1)"
    )


def test_a_dry_run_without_a_database_creates_none(tmp_path, write, monkeypatch):
    monkeypatch.setenv("CIVHUB_KEY_FILE", str(tmp_path / "pseudonym.key"))
    db = tmp_path / "none" / "civhub.duckdb"
    (report,) = ingest_files("organizations", [write("orgs.csv", "org_id,name,type,municipality_code\n"
                                                   "ORG9,Σύλλογος,association,0101\n")], db, dry_run=True)
    assert (report.status, report.rows_loaded) == ("loaded", 1)
    assert not db.parent.exists() or not any(db.parent.iterdir())
