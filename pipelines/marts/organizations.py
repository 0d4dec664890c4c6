"""The months in which each organization was active in each municipality, as the keys that
``pipelines/marts/distinct.py`` counts: it recorded hours there (the records pass,
``pipelines/marts/hours.py``), or led or partnered an activity running there that month
(``organization_activity_months.sql``).

Both sides come numbered alike (``mart_record_orgs``) and are packed into one integer each, so that their
union is deduplicated by one sort. (Storing the union as a table of names and numbering it again in SQL
cost about a quarter of a second at national scale, half a million rows grouped by three names.)
"""

from __future__ import annotations

import duckdb
import numpy as np

from civhub.db import sql_text
from pipelines.marts.hours import HourSums
from pipelines.sorting import distinct


def organization_keys(con: duckdb.DuckDBPyConnection, sums: HourSums) -> dict[str, np.ndarray]:
    """Each distinct (organization, municipality, month) of activity: arrays of entity (the organization),
    municipality_index, region_index and month."""
    activities = con.sql(sql_text("marts/organization_activity_months")).fetchnumpy()
    taking_part = sums.pack(activities["org_index"], activities["municipality_index"], activities["month"])
    org, municipality, month = sums.unpack(distinct(np.concatenate([sums.worked(), taking_part])))
    return {
        "entity": org.astype(np.uint64),
        "municipality_index": municipality.astype(np.int16),
        "region_index": _regions(con)[municipality],
        "month": month.astype(np.int16),
    }


def _regions(con: duckdb.DuckDBPyConnection) -> np.ndarray:
    """The region index of each municipality index."""
    found = con.sql("SELECT municipality_index, region_index FROM mart_municipality_index").fetchnumpy()
    regions = np.zeros(len(found["municipality_index"]), dtype=np.int16)
    regions[found["municipality_index"]] = found["region_index"]
    return regions
