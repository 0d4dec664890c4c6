"""The engine's ceiling: DuckDB's own CSV reader into a table of a persistent file, no validation."""

from __future__ import annotations

import sys

import duckdb

if __name__ == "__main__":
    con = duckdb.connect(sys.argv[2])
    source = sys.argv[1].replace("'", "''")
    con.execute(f"CREATE OR REPLACE TABLE bare AS SELECT * FROM read_csv('{source}')")
    con.execute("CHECKPOINT")
    print(con.execute("SELECT count(*) FROM bare").fetchall()[0][0])
    con.close()
