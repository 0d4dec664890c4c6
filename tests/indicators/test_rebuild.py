"""pipelines.marts.rebuild: inside the caller's transaction, and on a database with no records yet."""

from __future__ import annotations

import duckdb

from civhub import config
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


def test_neighbours_are_recomputed_only_when_the_municipalities_change(tmp_path):
    db = tmp_path / "empty.duckdb"
    create_database(db, synthetic=False)
    con = duckdb.connect(str(db))
    nearest = "SELECT neighbour_code FROM mart_neighbours WHERE code = '0101' ORDER BY rank"
    con.execute("BEGIN")
    rebuild(con)
    before = con.execute(nearest).fetchall()
    assert len(before) == 10
    # Komotini with Athens' population and area: its nearest neighbours change, so the mart must follow.
    con.execute("UPDATE municipalities SET population_2021 = 643452, area_km2 = 38.96 WHERE code = '0101'")
    rebuild(con)
    after = con.execute(nearest).fetchall()
    assert after != before and len(after) == 10
    con.execute("ROLLBACK")
    con.close()


MARTS_SQL = config.SQL_DIR / "marts"


def test_every_mart_states_its_grain():
    for path in sorted(MARTS_SQL.glob("*.sql")):
        text = path.read_text(encoding="utf-8")
        header = "\n".join(line for line in text.splitlines() if line.startswith("--"))
        if "CREATE OR REPLACE TABLE mart_" in text:
            assert "Grain" in header, path.name


def test_every_mart_file_is_run_by_the_rebuild():
    code = "".join(path.read_text(encoding="utf-8") for path in (config.ROOT / "pipelines" / "marts").glob("*.py"))
    unused = [path.stem for path in MARTS_SQL.glob("*.sql") if f'"{path.stem}"' not in code
              and f'"marts/{path.stem}"' not in code]
    assert unused == []
