"""The hour sums of pipelines/marts/hours.py, and the months of the records pass of
pipelines/marts/records.py, on records small enough to add up by hand."""

from __future__ import annotations

import datetime as dt

import numpy as np

from pipelines.marts.hours import HourSums
from pipelines.marts.records import _month_of_day

# Role 0 is valued at one rate on days 0-1 (segment 0) and another from day 2 (segment 1); role 1 is
# segment 2 throughout.
SEGMENT_OF = np.array([[0, 0, 1, 1], [2, 2, 2, 2]], dtype=np.int32)


def batch(**values: list[int]) -> dict[str, np.ndarray]:
    return {name: np.array(column, dtype=np.int64) for name, column in values.items()}


def records(rows: list[tuple[int, int, int, int, int, int]]) -> dict[str, np.ndarray]:
    """Rows of (municipality_index, month, day, role_index, org_index, hundredths)."""
    names = ("municipality_index", "month", "day", "role_index", "org_index", "hundredths")
    return batch(**{name: [row[i] for row in rows] for i, name in enumerate(names)})


def summed(*batches: dict[str, np.ndarray]) -> HourSums:
    sums = HourSums(SEGMENT_OF, municipalities=2, months=2)
    for one in batches:
        sums.add(one)
    return sums


FIRST = records([(0, 0, 0, 0, 1, 150), (0, 0, 1, 0, 1, 250), (0, 0, 3, 0, 0, 100)])
SECOND = records([(1, 0, 2, 0, 1, 75), (1, 1, 0, 1, 1, 800), (1, 1, 3, 1, 1, 25), (0, 0, 1, 0, 1, 5)])


def test_hours_are_summed_per_municipality_and_segment_over_the_batches():
    cells = summed(FIRST, SECOND).cells()
    found = sorted(zip(cells["municipality_index"], cells["segment"], cells["hundredths"], strict=True))
    # Municipality 0: 150 + 250 + 5 in segment 0, 100 in segment 1; municipality 1: 75 in segment 1,
    # 800 + 25 in segment 2.
    assert found == [(0, 0, 405), (0, 1, 100), (1, 1, 75), (1, 2, 825)]


def test_each_organizations_months_in_each_municipality_once_over_the_batches():
    sums = summed(FIRST, SECOND)
    found = sorted(zip(*sums.unpack(sums.worked()), strict=True))
    # Organization 1 in municipality 0 in month 0 appears in both batches, and twice in the first: once.
    assert found == [(0, 0, 0), (1, 0, 0), (1, 1, 0), (1, 1, 1)]


def test_no_records_no_sums():
    sums = summed()
    assert sums.cells().empty and not len(sums.worked())
    empty = summed(records([]))
    assert empty.cells().empty and not len(empty.worked())


def test_the_month_of_each_day_counts_from_january_of_the_first_year():
    # 2024 is a leap year: day 59 is 29 February, day 60 is 1 March, day 366 is 1 January 2025.
    months = _month_of_day(dt.date(2024, 1, 1), 366 + 31)
    assert len(months) == 397
    assert [int(months[day]) for day in (0, 30, 31, 59, 60, 365, 366, 396)] == [0, 0, 1, 1, 2, 11, 12, 12]


def test_no_calendar_no_months():
    assert len(_month_of_day(None, 0)) == 0
