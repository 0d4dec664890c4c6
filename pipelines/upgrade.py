"""Bring a database made by an earlier version of civhub to the current schema.

Each step is a SQL file ``pipelines/sql/upgrade_N.sql`` taking schema N - 1 to N (reading reference
files, when it needs them, from the folder the variable ``reference_dir`` names), or no file when
only the marts changed (schema 3 added ``mart_withheld``, schema 5 the peer counts of
``mart_peer_stats``). The steps and the rebuilt marts are swapped in together, like a load
(``pipelines.store.writing``), so a reader sees the old database or the upgraded one, never a mix.
"""

from __future__ import annotations

from pathlib import Path

from civhub import config
from civhub.db import connect_read
from civhub.meta import schema_version
from pipelines.marts import rebuild
from pipelines.store import SCHEMA_VERSION, writing

SQL_DIR = Path(__file__).parent / "sql"


def upgrade(db: Path) -> bool:
    """Upgrade ``db`` to the current schema if it is older; whether anything was done."""
    current = int(SCHEMA_VERSION)
    con = connect_read(db)
    try:
        found = schema_version(con)
    finally:
        con.close()
    if found >= current:
        return False
    with writing(db) as con:
        # Each statement commits on its own (a column cannot be made NOT NULL in the transaction that filled
        # it); that is safe because the work copy is swapped in only when all have succeeded.
        con.execute("SET VARIABLE reference_dir = ?", [str(config.REFERENCE_DIR)])
        for step in range(found + 1, current + 1):
            script = SQL_DIR / f"upgrade_{step}.sql"
            if script.exists():
                con.execute(script.read_text(encoding="utf-8"))
        con.execute("BEGIN")
        con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [str(current)])
        rebuild(con)
        con.execute("COMMIT")
    return True
