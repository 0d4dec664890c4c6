"""What the hour records add up to: the hours of each municipality and segment (``hour_segments.sql``:
the days of one month on which one role is valued at the same rates), which ``hours.sql`` values; and
the months in which each organization recorded hours in a municipality, which
``pipelines/marts/organizations.py`` joins to the months of their activities.

Grouping 10 million records by strings and dates cost DuckDB about a second of both cores. Here the
records come as small integers, batch by batch (``pipelines/marts/records.py``): a weighted count
(``np.bincount``) sums the hours, and each batch's distinct (organization, municipality, month) are kept.
"""

from __future__ import annotations

import duckdb
import numpy as np
import pandas as pd

from pipelines.sorting import distinct

HOUR_CELLS = "hour_cells"  # what hours.sql reads


def segment_table(con: duckdb.DuckDBPyConnection) -> np.ndarray:
    """The segment of each (role_index, day), as a 2-D array, from mart_hour_segments."""
    numbers = con.sql("SELECT role_index, day, segment FROM mart_hour_segments").fetchnumpy()
    roles, days = numbers["role_index"], numbers["day"]
    shape = (int(roles.max()) + 1, int(days.max()) + 1) if len(roles) else (0, 0)
    table = np.full(shape, -1, dtype=np.int32)
    table[roles, days] = numbers["segment"]
    return table


class HourSums:
    """Hours per (municipality, segment), and the months in which each organization recorded hours in
    each municipality, added up batch by batch."""

    def __init__(self, segment_of: np.ndarray, municipalities: int, months: int) -> None:
        self._segment_of = segment_of
        self._segments = int(segment_of.max()) + 1 if segment_of.size else 0
        self._hundredths = np.zeros(municipalities * self._segments)  # (municipality, segment)
        # The bases of pack and unpack (at least 1, so that an empty calendar still unpacks).
        self._municipalities = max(municipalities, 1)
        self._months = max(months, 1)
        self._worked: list[np.ndarray] = []  # each batch's distinct (organization, municipality, month)

    def add(self, batch: dict[str, np.ndarray]) -> None:
        """Add a batch of records: arrays of org_index, municipality_index, month, day, role_index and
        hundredths."""
        municipality = batch["municipality_index"].astype(np.int64)
        cell = municipality * self._segments
        cell += self._segment_of[batch["role_index"], batch["day"]]
        # Sums of integers below 2**53: the float weights of bincount add them exactly.
        self._hundredths += np.bincount(cell, weights=batch["hundredths"], minlength=len(self._hundredths))
        self._worked.append(distinct(self.pack(batch["org_index"], municipality, batch["month"])))

    def cells(self) -> pd.DataFrame:
        """(municipality_index, segment, hundredths) of every cell with records."""
        found = np.flatnonzero(self._hundredths)  # every record has hours above 0
        municipality, segment = np.divmod(found, max(self._segments, 1))
        hundredths = self._hundredths[found].astype(np.int64)
        return pd.DataFrame({"municipality_index": municipality, "segment": segment, "hundredths": hundredths})

    def worked(self) -> np.ndarray:
        """The distinct (organization, municipality, month) with hours, packed as ``pack`` packs them, in order."""
        return distinct(np.concatenate(self._worked)) if self._worked else np.zeros(0, dtype=np.int64)

    def pack(self, org: np.ndarray, municipality: np.ndarray, month: np.ndarray) -> np.ndarray:
        """(organization, municipality, month) as one integer each: in order of organization, then municipality."""
        packed = org.astype(np.int64)
        packed *= self._municipalities
        packed += municipality
        packed *= self._months
        packed += month
        return packed

    def unpack(self, packed: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        place, month = np.divmod(packed, self._months)
        org, municipality = np.divmod(place, self._municipalities)
        return org, municipality, month
