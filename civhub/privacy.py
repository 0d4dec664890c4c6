"""Small-number protection: no published figure may be built from fewer than 5 distinct volunteers.

The indicator tables are the only place volunteer-based figures are published from, and they pass
through one read path (``civhub.indicators.published.publish``), which applies the flags decided here
once per rebuild of the marts and stored in ``mart_withheld``.

``withhold_rows`` decides for whole rows over every equation the published figures obey at once
(``civhub/indicators/published.py`` builds them: areas adding up to their region and nation, months
and quarters adding up to their year, months to their quarter). The columns of a row are functions of
one another (value = hours × rate, per resident = sum / population), so a row is withheld whole or not
at all, and a withheld row can hide behind neither a total of areas nor a total of periods.

Primary: a row built from 1 to 4 volunteers. A row with 0 volunteers holds no volunteer's data, and
one whose count is unknown (NaN) is neither small nor safe. Secondary: a withheld row alone in an
equation could be recomputed as the total minus the others, so one more row of that equation is
withheld, chosen in this order:

1. the part with the fewest volunteers among those with at least ``MIN_VOLUNTEERS`` (ties: the
   earlier row), since it costs the reader least;
2. else the equation's total, when it is a row of the table;
3. else the first other part still published.

Both kinds show the same mark (``mark_columns`` writes it, ``mark`` for one column), so that a reader
cannot tell which row was the small one.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

MIN_VOLUNTEERS = 5
SUPPRESSED = "<5"


def withhold_rows(volunteers: np.ndarray, equations: list[tuple[np.ndarray, int]]) -> np.ndarray:
    """Which rows to withhold whole, given each row's number of distinct volunteers (NaN: unknown) and
    the equations the rows obey: ``(parts, total)`` says that the rows ``parts`` add up to row
    ``total`` (-1 when the total is published elsewhere).

    First the rows of 1 to 4 volunteers; then, while an equation holds exactly one withheld row (its
    total included), one more of its rows, chosen as the module docstring says: the row with the fewest
    volunteers among the parts with at least ``MIN_VOLUNTEERS`` (ties: the earlier row), else the total,
    else the first other part. Each new row may leave another equation with a lone one, so this runs
    until none is left or none can be helped (its other rows all withheld or absent already).
    """
    withheld = (volunteers > 0) & (volunteers < MIN_VOLUNTEERS)
    if not equations:
        return withheld
    rows, owner = _memberships(equations)
    while True:
        counts = np.bincount(owner, weights=withheld[rows], minlength=len(equations))
        added = False
        for equation in np.flatnonzero(counts == 1):
            parts, total = equations[equation]
            parts = np.asarray(parts, dtype=np.intp)
            # An earlier partner may have joined it.
            if np.count_nonzero(withheld[parts]) + bool(total >= 0 and withheld[total]) == 1:
                partner = _row_partner(withheld, volunteers, parts, total)
                if partner is not None:
                    withheld[partner] = added = True
        if not added:
            return withheld


def _memberships(equations: list[tuple[np.ndarray, int]]) -> tuple[np.ndarray, np.ndarray]:
    """Every row of every equation (parts and total), and the equation it belongs to."""
    parts = [np.asarray(p, dtype=np.intp) for p, _ in equations]
    totals = np.fromiter((total for _, total in equations), dtype=np.intp, count=len(equations))
    sizes = np.fromiter((len(p) for p in parts), dtype=np.intp, count=len(parts))
    has_total = np.flatnonzero(totals >= 0)
    rows = np.concatenate([*parts, totals[has_total]])
    owner = np.concatenate([np.repeat(np.arange(len(parts)), sizes), has_total])
    return rows, owner


def _row_partner(withheld: np.ndarray, volunteers: np.ndarray, parts: np.ndarray, total: int) -> int | None:
    free = parts[~withheld[parts]]
    safe = free[volunteers[free] >= MIN_VOLUNTEERS]
    if len(safe):
        return int(safe[np.argmin(volunteers[safe])])  # argmin takes the first of equals
    if total >= 0 and not withheld[total]:
        return total
    return int(free[0]) if len(free) else None


def mark(cells: pd.Series, withheld: np.ndarray) -> pd.Series:
    """``cells`` with ``SUPPRESSED`` in the withheld rows that hold a figure (object dtype; NULL stays empty)."""
    return mark_columns(cells.to_frame(), withheld).iloc[:, 0].rename(cells.name)


def mark_columns(cells: pd.DataFrame, withheld: np.ndarray) -> pd.DataFrame:
    """``cells`` with ``SUPPRESSED`` in every column of the withheld rows that hold a figure (object dtype;
    NULL stays empty), in one 2-D pass."""
    values = cells.to_numpy(dtype=object, na_value=None, copy=True)
    values[withheld[:, None] & cells.notna().to_numpy()] = SUPPRESSED
    return pd.DataFrame(values, index=cells.index, columns=cells.columns, dtype=object)
