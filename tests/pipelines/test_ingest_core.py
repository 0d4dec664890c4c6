"""The ingest on small hand-checked files: counts, idempotency, corrections, history, quarantine."""

from __future__ import annotations

from decimal import Decimal

HOURS = """record_id,volunteer_id,org_id,municipality_code,activity_id,date,hours,role
R1,V-001,ORG1,0101,,2024-03-05,3,εθελοντής
R2,V-002,ORG1,Κομοτηνής,,05/03/2024,2.5,οδηγός
R3,V-001,ORG2,0102,,6 Μαρτίου 2024,4,συντονιστής
R4,V-003,ORG9,0101,,2024-03-05,1,
R5,V-003,ORG1,0101,,2024-03-05,0,
R6,V-004,ORG1,9999,,2024-03-05,2,
"""
# By hand: R1-R3 are good (3 + 2.5 + 4 = 9.5 hours, volunteers V-001 and V-002);
# R4 names an organization never loaded, R5 has 0 hours, R6 an unknown municipality.


def test_first_load_counts_and_values(orgs, load, q):
    report = load("hours", HOURS)
    assert (report.status, report.rows_read, report.rows_loaded, report.rows_quarantined) == ("loaded", 6, 3, 3)
    assert q("SELECT sum(hours), count(DISTINCT volunteer_no) FROM volunteer_hours") == [(Decimal("9.50"), 2)]
    assert q(
        "SELECT record_id, municipality_code, work_date::VARCHAR, role_category FROM volunteer_hours ORDER BY record_id"
    ) == [
        ("R1", "0101", "2024-03-05", "general"),
        ("R2", "0101", "2024-03-05", "driver"),
        ("R3", "0102", "2024-03-06", "coordination"),
    ]
    assert q("SELECT line, column_name, reason FROM quarantine ORDER BY line") == [
        (5, "org_id", "unknown_reference"),
        (6, "hours", "out_of_range"),
        (7, "municipality_code", "unknown_municipality"),
    ]
    assert [e["line"] for e in report.errors] == [5, 6, 7]


def test_same_file_twice_and_renamed_copy_add_nothing(orgs, load, q):
    load("hours", HOURS)
    again = load("hours", HOURS)
    renamed = load("hours", HOURS, name="copy of hours.csv")
    for report in (again, renamed):
        assert (report.rows_loaded, report.rows_updated, report.rows_duplicate) == (0, 0, 3)
    assert q("SELECT count(*), sum(hours) FROM volunteer_hours") == [(3, Decimal("9.50"))]


def test_correction_replaces_and_keeps_history(orgs, load, q):
    load("hours", HOURS)
    corrected = HOURS.replace("05/03/2024,2.5,", "05/03/2024,3.5,")
    report = load("hours", corrected)
    assert (report.rows_loaded, report.rows_updated, report.rows_duplicate) == (0, 1, 2)
    assert q("SELECT hours FROM volunteer_hours WHERE record_id = 'R2'") == [(Decimal("3.50"),)]
    assert q("SELECT kind, record_key, json_extract_string(old_values, '$.hours') FROM record_history") == [
        ("hours", "ORG1|R2", "2.5")
    ]


def test_cumulative_resubmission_adds_only_new_rows(orgs, load, q):
    load("hours", HOURS)
    report = load("hours", HOURS + "R7,V-005,ORG2,0102,,2024-04-01,1.5,\n")
    assert (report.rows_loaded, report.rows_duplicate, report.rows_quarantined) == (1, 3, 3)
    assert q("SELECT count(*), sum(hours) FROM volunteer_hours") == [(4, Decimal("11.00"))]


def test_header_only_file_deletes_nothing(orgs, load, q):
    load("hours", HOURS)
    report = load("hours", HOURS.splitlines()[0] + "\n")
    assert (report.status, report.rows_read, report.rows_loaded) == ("loaded", 0, 0)
    assert q("SELECT count(*) FROM volunteer_hours") == [(3,)]


def test_duplicates_and_conflicts_within_one_file(orgs, load, q):
    content = """record_id,volunteer_id,org_id,municipality_code,date,hours
A1,V1,ORG1,0101,2024-01-10,2
A1,V1,ORG1,0101,2024-01-10,2
B1,V2,ORG1,0101,2024-01-10,2
B1,V2,ORG1,0101,2024-01-10,5
C1,V3,ORG2,0102,2024-01-11,1
"""
    # A1 twice with equal values: one loaded, one duplicate. B1 twice with different values: both quarantined.
    report = load("hours", content)
    assert (report.rows_read, report.rows_loaded, report.rows_duplicate, report.rows_quarantined) == (5, 2, 1, 2)
    assert q("SELECT line, reason FROM quarantine ORDER BY line") == [
        (4, "conflicting_record"),
        (5, "conflicting_record"),
    ]
    assert q("SELECT record_id FROM volunteer_hours ORDER BY 1") == [("A1",), ("C1",)]


def test_same_record_id_in_two_organizations_is_two_records(orgs, load, q):
    content = """record_id,volunteer_id,org_id,municipality_code,date,hours
1,V1,ORG1,0101,2024-01-10,2
1,V1,ORG2,0102,2024-01-10,2
"""
    report = load("hours", content)
    assert report.rows_loaded == 2


def test_one_volunteer_in_two_files_gets_one_number_and_no_raw_identifier(orgs, load, q, db):
    load(
        "hours",
        "record_id,volunteer_id,org_id,municipality_code,date,hours\nX1,ΚΩΣΤΑΣ-77,ORG1,0101,2024-01-10,2\n",
        name="a.csv",
    )
    load(
        "hours",
        "record_id,volunteer_id,org_id,municipality_code,date,hours\nX2,ΚΩΣΤΑΣ-77,ORG2,0102,2024-01-11,2\n",
        name="b.csv",
    )
    assert q("SELECT count(DISTINCT volunteer_no) FROM volunteer_hours") == [(1,)]
    assert "ΚΩΣΤΑΣ-77".encode() not in db.read_bytes()


def test_over_24_hours_in_a_day_is_noted_not_refused(orgs, load, q):
    content = """record_id,volunteer_id,org_id,municipality_code,date,hours,role
D1,V9,ORG1,0101,2024-02-01,14,εθελοντής
D2,V9,ORG2,0102,2024-02-01,12,μπαλαρίνα
"""
    report = load("hours", content)
    assert report.rows_loaded == 2
    notes = q("SELECT note, rows FROM quality_notes ORDER BY note")
    assert notes == [("over_24h_day", 2), ("unknown_role", 1)]
    assert q("SELECT subject FROM quality_notes WHERE note = 'unknown_role'") == [("μπαλαρίνα",)]
