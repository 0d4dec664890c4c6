"""The step timings a load writes to the pipelines log (pipelines/timings.py): every step named, nothing of the file."""

from __future__ import annotations

import logging

from pipelines import timings

HOURS = """record_id,volunteer_id,org_id,municipality_code,date,hours,role
R1,V-secret-1,ORG1,0101,2024-03-02,2,οδηγός
R2,V-secret-2,ORG1,0101,2024-03-02,3,οδηγός
R3,V-secret-3,ORGX,0101,2024-03-02,3,οδηγός
"""


def test_a_load_logs_how_long_each_of_its_steps_took(orgs, load, caplog):
    caplog.set_level(logging.INFO, logger="civhub.pipelines")
    report = load("hours", HOURS, "march.csv")
    assert (report.rows_loaded, report.rows_quarantined) == (2, 1)
    records = {record.pop("what"): record for record in timings.read(caplog.text)}
    assert set(records) == {"file", "marts", "database"}
    steps = {what: {key for key in record if key.endswith("_s")} for what, record in records.items()}
    assert steps == {
        "file": {"open_s", "stage_s", "check_s", "merge_s", "commit_s"},
        "marts": {"rebuild_s", "commit_s"},
        "database": {"copy_s", "swap_s"},
    }
    assert all(record[key] >= 0 for what, record in records.items() for key in steps[what])
    facts = {key: value for key, value in records["file"].items() if not key.endswith("_s")}
    assert facts == {"kind": "hours", "file": "march.csv", "rows": 3, "loaded": 2, "updated": 0}
    assert "V-secret" not in caplog.text


def test_a_step_timed_twice_adds_up(monkeypatch):
    clock = iter([10.0, 10.5, 20.0, 20.25])
    monkeypatch.setattr(timings.time, "perf_counter", lambda: next(clock))
    timed = timings.Timings("database")
    for _ in range(2):
        with timed.step("swap"):
            pass
    assert timed.record == {"what": "database", "swap_s": 0.75}


def test_only_timing_lines_are_read_back():
    log = "\n".join([
        '2026-01-01 10:00:00,000 ERROR civhub.pipelines unexpected error loading a.csv',
        '2026-01-01 10:00:01,000 INFO civhub.pipelines timings {"what": "marts", "rebuild_s": 1.5, "commit_s": 0.25}',
        '2026-01-01 10:00:02,000 INFO civhub.pipelines timings {"what": "database", "file": "x.duckdb", "copy_s": 0.1}',
    ])
    assert timings.read(log) == [
        {"what": "marts", "rebuild_s": 1.5, "commit_s": 0.25},
        {"what": "database", "file": "x.duckdb", "copy_s": 0.1},
    ]
