"""The demo's time frame: 1 January 2019 to 31 December 2025, or to today if that is earlier."""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np

START = date(2019, 1, 1)
LAST = date(2025, 12, 31)


def end_date(today: date | None = None) -> date:
    """The last date the demo may use: the loader refuses dates after today."""
    return min(LAST, today or date.today())


def month_index(day: date) -> int:
    return (day.year - START.year) * 12 + day.month - 1


def month_start(index: int) -> date:
    return date(START.year + index // 12, index % 12 + 1, 1)


def month_end(index: int) -> date:
    return month_start(index + 1) - timedelta(days=1)


def day_number(day: date) -> int:
    """Days since START, the integer form used by the vectorised generators."""
    return (day - START).days


def month_starts(months: int) -> np.ndarray:
    """Day number of the first day of each month 0..months (one extra, so month m spans [s[m], s[m+1]))."""
    return np.array([day_number(month_start(i)) for i in range(months + 1)], dtype=np.int32)


def random_day(rng: np.random.Generator, first: date, last: date) -> date:
    """A uniformly drawn day in [first, last]."""
    return first + timedelta(days=int(rng.integers(0, (last - first).days + 1)))
