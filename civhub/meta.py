"""The settings a database carries about itself (``meta`` table): whether its data are synthetic."""

from __future__ import annotations

import duckdb


def is_synthetic(con: duckdb.DuckDBPyConnection) -> bool:
    """True when the database was built from generated demo data (``meta.synthetic = 'true'``)."""
    row = con.execute("SELECT value FROM meta WHERE key = 'synthetic'").fetchone()
    return row is not None and row[0] == "true"
