"""A database of schema 1 (before volunteer_no) is upgraded by the next load, its records kept."""

from __future__ import annotations

import duckdb

from pipelines.__main__ import main
from tests.pipelines.conftest import ORGS

HOURS = "record_id,volunteer_id,org_id,municipality_code,date,hours\nR1,V-17,ORG1,0101,2024-03-02,2\n"
MORE = "record_id,volunteer_id,org_id,municipality_code,date,hours\nR2,V-18,ORG1,0101,2024-03-03,1\n"


def _as_schema_1(db) -> None:
    con = duckdb.connect(str(db))
    try:
        con.execute("ALTER TABLE volunteer_hours DROP COLUMN volunteer_no")
        con.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
        con.execute("DROP TABLE mart_hours")
        con.execute("DROP TABLE mart_withheld")
    finally:
        con.close()


def test_a_load_upgrades_an_old_database(db, load):
    assert load("organizations", ORGS).status == "loaded"
    assert load("hours", HOURS).status == "loaded"
    _as_schema_1(db)
    assert load("hours", MORE).rows_loaded == 1
    con = duckdb.connect(str(db), read_only=True)
    try:
        rows = con.execute("SELECT record_id, volunteer_key, volunteer_no FROM volunteer_hours ORDER BY 1").fetchall()
        version = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchall()
        marts = con.execute("SELECT sum(hours) FROM mart_hours").fetchall()
        withheld = con.execute("SELECT count(*) FROM mart_withheld").fetchall()
    finally:
        con.close()
    assert [r[0] for r in rows] == ["R1", "R2"]
    # volunteer_no is the first 16 hexadecimal digits of the key, read as a number, for old and new rows alike.
    for _, key, number in rows:
        assert number == int(key[:16], 16)
    assert version == [("3",)]
    assert marts == [(3,)]
    assert withheld[0][0] > 0


def test_the_upgrade_command(db, load, capsys):
    assert load("organizations", ORGS).status == "loaded"
    assert load("hours", HOURS).status == "loaded"
    _as_schema_1(db)
    assert main(["--lang", "en", "upgrade"]) == 0
    assert capsys.readouterr().out.strip() == f"Upgraded {db} to schema version 3."
    assert main(["--lang", "en", "upgrade"]) == 0
    assert capsys.readouterr().out.strip() == f"{db} is already at schema version 3."
    con = duckdb.connect(str(db), read_only=True)
    try:
        assert con.execute("SELECT count(*) FROM volunteer_hours WHERE volunteer_no IS NOT NULL").fetchall() == [(1,)]
    finally:
        con.close()
