"""What the hour records add up to: the hours of each municipality and segment (``hour_segments.sql``:
the days of one month on which one role is valued at the same rates), which ``hours.sql`` values; and
the months in which each organization recorded hours in a municipality, which ``org_months.sql`` reads.

Grouping 10 million records by strings and dates cost DuckDB about a second of both cores. Here DuckDB
only reads them, as small integers (``hour_numbers.sql``), and hands them over batch by batch, so that
they are never all in memory at once: a weighted count (``np.bincount``) sums the hours, and a flag per
(organization and municipality, month) marks when each organization worked where.
"""

from __future__ import annotations

import duckdb
import numpy as np
import pandas as pd

from civhub.db import sql_text

HOUR_CELLS = "hour_cells"  # what hours.sql reads
ORG_HOUR_MONTHS = "org_hour_months"  # what org_months.sql reads
COLUMNS = ("place_index", "municipality_index", "month", "day", "role_index", "hundredths")
BATCH_ROWS = 1 << 20


def sum_hours(con: duckdb.DuckDBPyConnection) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The inputs of hours.sql and org_months.sql, from the records read batch by batch."""
    (municipalities, places, months) = con.sql(sql_text("marts/hour_sizes")).fetchall()[0]
    sums = HourSums(segment_table(con), municipalities, places, months)
    for batch in con.sql(sql_text("marts/hour_numbers")).to_arrow_reader(BATCH_ROWS):
        sums.add({name: batch.column(name).to_numpy(zero_copy_only=False) for name in COLUMNS})
    return sums.cells(), sums.org_months()


def segment_table(con: duckdb.DuckDBPyConnection) -> np.ndarray:
    """The segment of each (role_index, day), as a 2-D array, from mart_hour_segments."""
    numbers = con.sql("SELECT role_index, day, segment FROM mart_hour_segments").fetchnumpy()
    roles, days = numbers["role_index"], numbers["day"]
    shape = (int(roles.max()) + 1, int(days.max()) + 1) if len(roles) else (0, 0)
    table = np.full(shape, -1, dtype=np.int32)
    table[roles, days] = numbers["segment"]
    return table


class HourSums:
    """Hours per (municipality, segment), and the months of each (organization, municipality) place with
    hours, added up batch by batch."""

    def __init__(self, segment_of: np.ndarray, municipalities: int, places: int, months: int) -> None:
        self._segment_of = segment_of
        self._segments = int(segment_of.max()) + 1 if segment_of.size else 0
        self._hundredths = np.zeros(municipalities * self._segments)  # (municipality, segment)
        self._months = months
        self._worked = np.zeros(places * months, dtype=bool)  # (place, month) with hours

    def add(self, batch: dict[str, np.ndarray]) -> None:
        """Add a batch of records: arrays named as ``COLUMNS``."""
        cell = batch["municipality_index"].astype(np.int64)
        cell *= self._segments
        cell += self._segment_of[batch["role_index"], batch["day"]]
        # Sums of integers below 2**53: the float weights of bincount add them exactly.
        self._hundredths += np.bincount(cell, weights=batch["hundredths"], minlength=len(self._hundredths))
        place_month = batch["place_index"].astype(np.int64)
        place_month *= self._months
        place_month += batch["month"]
        self._worked[place_month] = True

    def cells(self) -> pd.DataFrame:
        """(municipality_index, segment, hundredths) of every cell with records."""
        found = np.flatnonzero(self._hundredths)  # every record has hours above 0
        municipality, segment = np.divmod(found, max(self._segments, 1))
        hundredths = self._hundredths[found].astype(np.int64)
        return pd.DataFrame({"municipality_index": municipality, "segment": segment, "hundredths": hundredths})

    def org_months(self) -> pd.DataFrame:
        """(place_index, month) of every place and month with hours."""
        place, month = np.divmod(np.flatnonzero(self._worked), max(self._months, 1))
        return pd.DataFrame({"place_index": place, "month": month})
