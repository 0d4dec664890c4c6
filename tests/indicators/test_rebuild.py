"""pipelines.marts.rebuild: inside the caller's transaction, and on a database with no records yet."""

from __future__ import annotations

import duckdb

from civhub.indicators.table import indicator_table
from pipelines.marts import rebuild
from pipelines.store import create_database


def test_rebuild_on_an_empty_database(tmp_path):
    db = tmp_path / "empty.duckdb"
    create_database(db, synthetic=False)
    con = duckdb.connect(str(db))
    con.execute("BEGIN")
    rebuild(con)
    con.execute("COMMIT")
    assert con.execute("SELECT count(*) FROM mart_indicators").fetchall() == [(0,)]
    assert con.execute("SELECT count(*) FROM mart_areas").fetchall() == [(332 + 13 + 1,)]
    assert indicator_table(con, "municipality", "year").empty
    con.close()


def test_rebuild_is_part_of_the_callers_transaction(tmp_path):
    db = tmp_path / "empty.duckdb"
    create_database(db, synthetic=False)
    con = duckdb.connect(str(db))
    con.execute("BEGIN")
    rebuild(con)
    con.execute("ROLLBACK")
    tables = {row[0] for row in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    assert not {name for name in tables if name.startswith("mart_")}
    con.close()
