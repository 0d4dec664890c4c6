"""Read-only access to the live database, and the SQL files of the read side.

The pipelines never write the live file in place: they build a new file and swap it
in atomically (``pipelines/store.py``). A reader therefore opens the live file
read-only, never blocks a load, and sees the new data when it reopens after a swap;
``signature()`` tells it when that is.
"""

from __future__ import annotations

import os
from pathlib import Path

import duckdb
import pandas as pd

from civhub import config

READ_CONFIG = {"threads": 2, "memory_limit": "1GB"}


class DatabaseMissing(Exception):
    """The database has not been built yet."""


class DatabaseUnreadable(Exception):
    """A file is where the database should be, but it is no DuckDB database (another file saved under its name)."""


# What every DuckDB database file holds at bytes 8 to 11, after a checksum.
_MAGIC = b"DUCK"


def check_readable(path: Path) -> None:
    """Raise ``DatabaseUnreadable`` unless the existing file ``path`` is a DuckDB database. DuckDB's own
    refusal is an IOException, as is a file it cannot lock: only this says which it is."""
    with open(path, "rb") as handle:
        head = handle.read(12)
    if head[8:12] != _MAGIC:
        raise DatabaseUnreadable(str(path))


def signature(path: Path | None = None) -> tuple[int, int, int] | None:
    """Identity of the current live file (inode, mtime, size); changes on every swap."""
    try:
        st = os.stat(path or config.db_path())
    except FileNotFoundError:
        return None
    return (st.st_ino, st.st_mtime_ns, st.st_size)


def connect_read(path: Path | None = None) -> duckdb.DuckDBPyConnection:
    """A read-only connection to the live database."""
    target = Path(path or config.db_path())
    if not target.exists():
        raise DatabaseMissing(str(target))
    check_readable(target)
    return duckdb.connect(str(target), read_only=True, config=READ_CONFIG)


def sql_text(name: str) -> str:
    """The text of ``civhub/sql/<name>.sql``; names come from code, never from users."""
    return (config.SQL_DIR / f"{name}.sql").read_text(encoding="utf-8")


def query_df(con: duckdb.DuckDBPyConnection, name: str, **params: object) -> pd.DataFrame:
    """Run a named SQL file with bound ``$name`` parameters."""
    return con.execute(sql_text(name), params or None).df()
