"""The marts: pre-computed tables of the read side, rebuilt from the records after every load.

``rebuild(con)`` runs the steps below in order on the caller's connection, inside the caller's
transaction, so that a load and the marts it changes are swapped in together. Most steps are SQL
files of ``civhub/sql/marts/`` (each states the grain of the table it builds); the others are Python, for
what SQL does slowly or badly (one pass over the hour records, ``pipelines/marts/records.py``, for the
hour sums, ``pipelines/marts/hours.py``, and distinct counting over millions of records,
``pipelines/marts/distinct.py``, of volunteers, of pairs of organizations and of organizations,
``pipelines/marts/organizations.py``; peers and the composite index, ``pipelines/marts/derived.py``), and
hand their results to the SQL files that store them.
"""

from __future__ import annotations

import duckdb
import numpy as np

from civhub.db import sql_text
from pipelines.kinds import ACTIVITY_CATEGORIES
from pipelines.marts.derived import peers_and_index
from pipelines.marts.distinct import COUNTS_RELATION, Counting
from pipelines.marts.hours import HOUR_CELLS, HourSums
from pipelines.marts.organizations import organization_keys
from pipelines.marts.records import read_hour_records
from pipelines.marts.steps import run, store, unregister

# SQL files of civhub/sql/marts/, in the order they run; the records pass comes after the first group (it
# needs the calendar and the numbering), and distinct counting runs alongside the marts of _alongside_counting.
FIRST = ("calendar", "areas", "area_members", "municipality_index", "record_numbers", "hour_segments")
LAST = ("distinct_counts", "area_periods", "indicators")
# The rebuild's temporary working tables (built by the SQL files of the same names), dropped once the marts
# are built: nothing reads them afterwards, and storing them would lengthen each load's commit.
WORKING_TABLES = ("activity_months", "pair_months", "support_months", "area_periods")


# DuckDB's memory while the marts are rebuilt: distinct counting holds NumPy arrays of up to ~500 MB
# beside it at national scale, and the two together must stay under 1 GB.
MEMORY_LIMIT = "300MB"


def rebuild(con: duckdb.DuckDBPyConnection) -> None:
    """Rebuild every mart from the records, on ``con`` and inside its open transaction."""
    con.execute(f"SET VARIABLE activity_categories = {len(ACTIVITY_CATEGORIES):d}")
    (memory_limit,) = con.execute("SELECT current_setting('memory_limit')").fetchone()
    con.execute(f"SET memory_limit = '{MEMORY_LIMIT}'")
    try:
        run(con, FIRST)
        sums, volunteers = read_hour_records(con)
        counting = Counting(volunteers)
        del volunteers
        try:
            organizations = _alongside_counting(con, sums)
        except BaseException:
            counting.close()
            raise
        counting.finish(con, organizations)
        run(con, LAST)
        peers_and_index(con)
        run(con, ("built_after",))
        for table in WORKING_TABLES:
            con.execute(f"DROP TABLE {table}")
    finally:
        unregister(con, COUNTS_RELATION)
        con.execute("SET memory_limit = ?", [memory_limit])


def current(con: duckdb.DuckDBPyConnection, load_id: int) -> bool:
    """Whether the marts were rebuilt after every load before ``load_id`` that changed records: then a load
    that changes no record can leave them as they are."""
    return bool(con.execute(sql_text("marts/current"), {"load_id": load_id}).fetchone()[0])


def _alongside_counting(con: duckdb.DuckDBPyConnection, sums: HourSums) -> dict[str, np.ndarray]:
    """The marts built while the volunteers are counted, from the hour sums of the records pass
    (pipelines/marts/hours.py) and the other records; returns the organizations' keys for counting."""
    run(con, ("activity_months",))
    organizations = organization_keys(con, sums)
    run(con, ("pair_months", "support_months"))
    store(con, "hours", **{HOUR_CELLS: sums.cells()})
    return organizations
