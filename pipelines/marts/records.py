"""One pass over the hour records, for the two things the rebuild needs of all of them: the hour sums
(``pipelines/marts/hours.py``) and the volunteers' keys for distinct counting (``pipelines/marts/distinct.py``).

Reading 10 million records cost DuckDB about 0.3 s of both cores a pass, most of it in joining the
records' names to their numbers; one pass instead of two saves that. The records come batch by batch,
so that only the volunteers' keys (14 bytes a record) are ever all in memory.
"""

from __future__ import annotations

import datetime as dt

import duckdb
import numpy as np

from civhub.db import sql_text
from pipelines.marts.hours import HourSums, segment_table

BATCH_ROWS = 1 << 20
COLUMNS = ("org_index", "municipality_index", "region_index", "role_index", "day", "hundredths", "volunteer")
# The volunteers' keys, as pipelines/marts/distinct.py counts them: entity, area indexes, month.
KEYS = {"entity": np.uint64, "municipality_index": np.int16, "region_index": np.int16, "month": np.int16}


def read_hour_records(con: duckdb.DuckDBPyConnection) -> tuple[HourSums, dict[str, np.ndarray]]:
    """The hour sums (hours.sql's input, and the organizations' months of hours) and the volunteers' keys,
    from one pass over the records."""
    (municipalities, first_day, days, months, records) = con.sql(sql_text("marts/hour_sizes")).fetchall()[0]
    month_of_day = _month_of_day(first_day, days)
    sums = HourSums(segment_table(con), municipalities, months)
    keys = {name: np.empty(records, dtype=dtype) for name, dtype in KEYS.items()}
    filled = 0
    for batch in con.sql(sql_text("marts/hour_records")).to_arrow_reader(BATCH_ROWS):
        columns = {name: batch.column(name).to_numpy(zero_copy_only=False) for name in COLUMNS}
        columns["month"] = month_of_day[columns["day"]]
        sums.add(columns)
        stop = filled + len(columns["day"])
        keys["entity"][filled:stop] = columns["volunteer"]
        for name in ("municipality_index", "region_index", "month"):
            keys[name][filled:stop] = columns[name]
        filled = stop
    return sums, {name: array[:filled] for name, array in keys.items()}


def _month_of_day(first_day: dt.date | None, days: int) -> np.ndarray:
    """The month of each day counted from ``first_day`` (a 1 January), as months since then."""
    if first_day is None:
        return np.zeros(0, dtype=np.int16)
    dates = np.datetime64(first_day, "D") + np.arange(days)
    return (dates.astype("datetime64[M]") - np.datetime64(first_day, "M")).astype(np.int16)
