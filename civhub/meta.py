"""The settings a database carries about itself (``meta`` table): whether its data are synthetic, and
which version of the schema it follows."""

from __future__ import annotations

import duckdb

# The schema this version of civhub reads and writes; ``python -m pipelines upgrade`` (run by ``make run``)
# brings a database made by an earlier version to it.
SCHEMA_VERSION = "7"


def schema_version(con: duckdb.DuckDBPyConnection) -> int:
    """The schema version the database was made with or upgraded to (1: before it was recorded)."""
    rows = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchall()
    return int(rows[0][0]) if rows else 1


def outdated(con: duckdb.DuckDBPyConnection) -> bool:
    """Whether the database was made by an earlier version of civhub and needs ``python -m pipelines upgrade``."""
    return schema_version(con) < int(SCHEMA_VERSION)


def is_synthetic(con: duckdb.DuckDBPyConnection) -> bool:
    """True when the database was built from generated demo data (``meta.synthetic = 'true'``)."""
    row = con.execute("SELECT value FROM meta WHERE key = 'synthetic'").fetchone()
    return row is not None and row[0] == "true"
