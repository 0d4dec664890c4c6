"""How the steps of the rebuild run their SQL files (civhub/sql/marts/) on the caller's connection."""

from __future__ import annotations

import contextlib

import duckdb
import pandas as pd

from civhub.db import sql_text


def run(con: duckdb.DuckDBPyConnection, files: tuple[str, ...]) -> None:
    """Run the SQL files of civhub/sql/marts/ named, in order."""
    for name in files:
        con.execute(sql_text(f"marts/{name}"))


def store(con: duckdb.DuckDBPyConnection, mart: str, **relation: pd.DataFrame) -> None:
    """Run the SQL file ``mart`` with one frame registered under the relation name it reads."""
    ((name, frame),) = relation.items()
    con.register(name, frame)
    try:
        con.execute(sql_text(f"marts/{mart}"))
    finally:
        unregister(con, name)


def unregister(con: duckdb.DuckDBPyConnection, name: str) -> None:
    with contextlib.suppress(duckdb.Error):  # a step that failed early may not have registered it
        con.unregister(name)
