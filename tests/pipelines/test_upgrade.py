"""Databases of older schemas are upgraded by the next load (or the upgrade command), their records kept.

Schema 1 stored the volunteer as the 64-character HMAC only (``volunteer_key``); schema 2 added its
first 64 bits as ``volunteer_no``; schema 4 keeps ``volunteer_no`` alone; schema 5's marts count the
municipalities each peer rank is out of; schema 6 gives the regions display names, and its marts join the
rows of the indicator table once per rebuild; schema 7 keeps each load's own headers.
"""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest

from civhub.indicators.registry import INDICATORS
from pipelines import pseudonym
from pipelines.__main__ import main
from pipelines.store import SCHEMA_VERSION
from tests.pipelines.conftest import ORGS

HOURS = "record_id,volunteer_id,org_id,municipality_code,date,hours\nR1,V-17,ORG1,0101,2024-03-02,2\n"
MORE = "record_id,volunteer_id,org_id,municipality_code,date,hours\nR2,V-18,ORG1,0101,2024-03-03,1\n"


def _key(db: Path) -> bytes:
    return bytes.fromhex(db.with_name("pseudonym.key").read_text(encoding="ascii").strip())


def _with_volunteer_key(con: duckdb.DuckDBPyConnection, key: bytes) -> None:
    # The old column held the whole HMAC in hexadecimal: rebuilt here from the identifiers the tests loaded.
    con.execute("ALTER TABLE volunteer_hours ADD COLUMN volunteer_key VARCHAR")
    for record, identifier in (("R1", "V-17"), ("R2", "V-18")):
        con.execute(
            "UPDATE volunteer_hours SET volunteer_key = ? WHERE record_id = ?",
            [pseudonym.pseudonymise(identifier, key), record],
        )


def _as_schema(db: Path, version: int) -> None:
    con = duckdb.connect(str(db))
    try:
        if version <= 3:
            _with_volunteer_key(con, _key(db))
        if version == 1:
            con.execute("ALTER TABLE volunteer_hours DROP COLUMN volunteer_no")
            con.execute("DROP TABLE mart_withheld")
        # Marts made before schema 5 had no peer counts.
        if version < 5:
            counts = con.execute("SELECT column_name FROM information_schema.columns "
                                 "WHERE table_name = 'mart_peer_stats' AND column_name LIKE '%_peer_count'").fetchall()
            for (column,) in counts:
                con.execute(f"ALTER TABLE mart_peer_stats DROP COLUMN {column}")
        # Nor before schema 6 the joined rows of the indicator table, and the regions' display names.
        if version < 6:
            con.execute("DROP TABLE mart_indicator_rows")
            con.execute("ALTER TABLE municipalities DROP COLUMN region_el_display")
        con.execute("ALTER TABLE loads DROP COLUMN headers")
        con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [str(version)])
        con.execute("DROP TABLE mart_hours")
    finally:
        con.close()


@pytest.mark.parametrize("version", [1, 3, 4, 5, 6])
def test_a_load_upgrades_an_old_database(db, load, version):
    assert load("organizations", ORGS).status == "loaded"
    assert load("hours", HOURS).status == "loaded"
    _as_schema(db, version)
    assert load("hours", MORE).rows_loaded == 1
    con = duckdb.connect(str(db), read_only=True)
    try:
        columns = [r[0] for r in con.execute("DESCRIBE volunteer_hours").fetchall()]
        rows = con.execute("SELECT record_id, volunteer_no FROM volunteer_hours ORDER BY 1").fetchall()
        stored = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchall()
        marts = con.execute("SELECT sum(hours) FROM mart_hours").fetchall()
        withheld = con.execute("SELECT count(*) FROM mart_withheld").fetchall()
        peer_counts = con.execute("SELECT count(*) FROM information_schema.columns "
                                  "WHERE table_name = 'mart_peer_stats' AND column_name LIKE '%_peer_count'").fetchall()
        joined = con.execute("SELECT count(*) FROM mart_indicator_rows").fetchall()
        region = con.execute("SELECT DISTINCT region_el_display FROM municipalities "
                             "WHERE region_code = 'EL51'").fetchall()
        unnamed = con.execute("SELECT count(*) FROM municipalities WHERE region_el_display IS NULL").fetchall()
        indicators = con.execute("SELECT count(*) FROM mart_indicators").fetchall()
        headers = con.execute("SELECT load_id, headers FROM loads ORDER BY load_id").fetchall()
    finally:
        con.close()
    assert "volunteer_key" not in columns
    # The old record keeps its volunteer: its number is the first 16 hexadecimal digits of its old key.
    key = _key(db)
    assert rows == [("R1", pseudonym.number("V-17", key)), ("R2", pseudonym.number("V-18", key))]
    assert rows[0][1] == int(pseudonym.pseudonymise("V-17", key)[:16], 16)
    assert stored == [(SCHEMA_VERSION,)]
    assert marts == [(3,)]
    assert withheld[0][0] > 0
    assert peer_counts[0][0] == len(INDICATORS)
    assert joined == indicators
    assert region == [("Περιφέρεια Ανατολικής Μακεδονίας και Θράκης",)] and unnamed == [(0,)]
    # The loads before the upgrade kept no headers; the load after it did.
    assert [(load_id, json.loads(h) if h else None) for load_id, h in headers] == [
        (1, None), (2, None),
        (3, {"record_id": "record_id", "volunteer_id": "volunteer_id", "org_id": "org_id",
             "municipality_code": "municipality_code", "date": "date", "hours": "hours"}),
    ]


@pytest.mark.parametrize("version", [1, 4, 5, 6])
def test_the_upgrade_command(db, load, capsys, version):
    assert load("organizations", ORGS).status == "loaded"
    assert load("hours", HOURS).status == "loaded"
    _as_schema(db, version)
    assert main(["--lang", "en", "upgrade"]) == 0
    assert capsys.readouterr().out.strip() == f"Upgraded {db} to schema version {SCHEMA_VERSION}."
    assert main(["--lang", "en", "upgrade"]) == 0
    assert capsys.readouterr().out.strip() == f"{db} is already at schema version {SCHEMA_VERSION}."
    con = duckdb.connect(str(db), read_only=True)
    try:
        numbered = con.execute("SELECT count(*) FROM volunteer_hours WHERE volunteer_no IS NOT NULL").fetchall()
        peers = con.execute("SELECT volunteers_per_1k_peer_rank, volunteers_per_1k_peer_count FROM mart_peer_stats "
                            "WHERE area_code = '0101' AND period_type = 'year'").fetchall()
    finally:
        con.close()
    assert numbered == [(1,)]
    # The marts are rebuilt with the peer counts. One volunteer in 0101 in 2024: withheld, so unranked; no
    # other municipality of its peer group has data.
    assert peers == [(None, 0)]
