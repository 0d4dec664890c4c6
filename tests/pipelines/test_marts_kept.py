"""A load that adds or changes no record keeps the marts, unless they were not rebuilt after the last load.

Which load the marts were last rebuilt after is in meta ('marts_after_load'): the organizations are load 1.
"""

from __future__ import annotations

from decimal import Decimal

from pipelines.ingest import ingest_files

HOURS = "record_id,volunteer_id,org_id,municipality_code,date,hours\nR1,V-1,ORG1,0101,2024-03-02,2\n"
MORE = "record_id,volunteer_id,org_id,municipality_code,date,hours\nR2,V-2,ORG1,0101,2024-03-09,3\n"


def _built_after(q) -> str:
    return q("SELECT value FROM meta WHERE key = 'marts_after_load'")[0][0]


def _march_hours(q) -> list[tuple]:
    return q("SELECT hours FROM mart_hours WHERE municipality_code = '0101' AND month = DATE '2024-03-01'")


def test_the_same_file_again_keeps_the_marts(orgs, load, q):
    assert load("hours", HOURS).rows_loaded == 1
    assert _built_after(q) == "2"
    again = load("hours", HOURS)
    assert (again.load_id, again.rows_loaded, again.rows_updated, again.rows_duplicate) == (3, 0, 0, 1)
    assert _built_after(q) == "2"  # not rebuilt after load 3
    assert _march_hours(q) == [(Decimal("2.00"),)]


def test_a_file_whose_every_row_is_refused_keeps_the_marts(orgs, load, q):
    load("hours", HOURS)
    refused = load("hours", HOURS.replace("R1,V-1,ORG1,0101,2024-03-02,2", "R9,V-9,ORG9,0101,2024-03-02,2"))
    assert (refused.rows_loaded, refused.rows_quarantined) == (0, 1)
    assert _built_after(q) == "2"


def test_a_change_rebuilds_them(orgs, load, q):
    load("hours", HOURS)
    corrected = load("hours", HOURS.replace("2024-03-02,2", "2024-03-02,4"))
    assert (corrected.load_id, corrected.rows_updated) == (3, 1)
    assert _built_after(q) == "3"
    assert _march_hours(q) == [(Decimal("4.00"),)]


def test_marts_left_behind_by_a_batch_are_rebuilt_by_the_next_load(orgs, load, write, db, q):
    load("hours", HOURS)
    # A batch loads without the marts and leaves their rebuild to its end; here it stopped before it.
    (batch,) = ingest_files("hours", [write("more.csv", MORE)], db, lang="en", marts=False)
    assert batch.rows_loaded == 1 and _built_after(q) == "2"
    assert _march_hours(q) == [(Decimal("2.00"),)]
    again = load("hours", HOURS)  # changes nothing, but the marts are behind: rebuilt
    assert again.rows_loaded == again.rows_updated == 0
    assert _built_after(q) == "4"
    assert _march_hours(q) == [(Decimal("5.00"),)]
