"""The marts: pre-computed tables of the read side, rebuilt from the records after every load.

``rebuild(con)`` runs the steps below in order on the caller's connection, inside the caller's
transaction, so that a load and the marts it changes are swapped in together. A step is a SQL
file of ``civhub/sql/marts/`` (each states the grain of the table it builds) or a Python step that
computes what SQL does badly and hands it to the SQL file that stores it.
"""

from __future__ import annotations

import contextlib

import duckdb

from civhub.db import sql_text
from pipelines.kinds import ACTIVITY_CATEGORIES
from pipelines.marts.derived import peers_and_index
from pipelines.marts.distinct import COUNTS_RELATION, count_distinct

STEPS = (
    "calendar",
    "areas",
    "area_members",
    "municipality_index",
    "hours",
    "activity_months",
    "org_months",
    "pair_months",
    "support_months",
    count_distinct,
    "distinct_counts",
    "area_periods",
    "indicators",
    peers_and_index,
)


def rebuild(con: duckdb.DuckDBPyConnection) -> None:
    """Rebuild every mart from the records, on ``con`` and inside its open transaction."""
    con.execute(f"SET VARIABLE activity_categories = {len(ACTIVITY_CATEGORIES):d}")
    try:
        for step in STEPS:
            if callable(step):
                step(con)
            else:
                con.execute(sql_text(f"marts/{step}"))
    finally:
        _unregister(con, COUNTS_RELATION)


def _unregister(con: duckdb.DuckDBPyConnection, name: str) -> None:
    with contextlib.suppress(duckdb.Error):  # a step that failed early may not have registered it
        con.unregister(name)
