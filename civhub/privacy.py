"""Small-number protection: no published figure may be built from fewer than 5 distinct volunteers.

Every table, chart, export and report passes its rows through ``suppress`` before showing them.

Primary suppression: in a row whose volunteer count is 1 to 4, every protected cell (the value
columns and the volunteer count itself, which is a published figure too) shows ``SUPPRESSED``.
A row with 0 volunteers is left as it is: it holds no volunteer's data, so there is nobody to
protect. A row whose count is NULL is left as it is, and an empty (NULL) cell stays empty in
any row: there is no figure in it.

Secondary suppression: the rows of a group add up to a total, either a total row in the group
(identified by ``total_key``) or a total published elsewhere (the group's rows given by
``group_column``). For each protected column, the cells of a group (with its total row, when it
has one) are one equation; a single withheld cell in it could be recomputed as the total minus
the others. So whenever exactly one cell of a group is withheld in a column, one more is
withheld, chosen in this order:

1. the smallest value among the rows with at least ``MIN_VOLUNTEERS`` volunteers (ties: the
   earlier row), since it costs the reader least;
2. else the group's total cell, when the total row is in the table;
3. else the smallest other non-empty cell (rows with 0 or an unknown number of volunteers).

Groups are disjoint, so one withheld cell per lone one suffices. When nothing is left to
withhold, the group's only volunteers are in the withheld row, so a total published elsewhere
is itself built from fewer than 5 volunteers and withheld where it is published. Nested
totals are covered by the finest grouping: if every region has 0 or at least 2 withheld
cells, so has the nation, which is the sum of its regions.

Both kinds show the same mark, so that a reader cannot tell which cell was the small one.

``suppress`` decides column by column within one table. The indicator tables are protected by
``withhold_rows`` instead, which decides for whole rows over every equation the published figures
obey at once (``civhub/indicators/published.py`` builds them: areas adding up to their region and
nation, months and quarters adding up to their year): the columns of a row are functions of one
another (value = hours × rate, per resident = sum / population), so a row is withheld whole or
not at all, and a withheld cell can hide behind neither a total of areas nor a total of periods.
``mark`` writes the mark into the withheld cells.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

MIN_VOLUNTEERS = 5
SUPPRESSED = "<5"

# The order in which a complementary cell is chosen (see the module docstring).
_SAFE_DETAIL, _TOTAL, _OTHER_DETAIL = 0, 1, 2


def suppress(
    table: pd.DataFrame,
    *,
    volunteers_column: str,
    value_columns: list[str],
    total_key: dict | None = None,
    group_column: str | list[str] | None = None,
) -> pd.DataFrame:
    """A copy of ``table`` fit to publish; ``table`` itself is never modified.

    ``volunteers_column`` holds the number of distinct volunteers behind each row (numeric,
    NULL allowed). It and ``value_columns`` are the protected columns: they come back with
    object dtype, holding the original values or ``SUPPRESSED``. ``total_key`` (e.g.
    ``{"area_code": "GR"}``) marks the total row of each group; ``group_column`` (one column or
    several) splits the table into groups that each add up to a total. Without either, nothing
    but primary suppression applies; with ``total_key`` alone the whole table is one group.
    Every other column is returned unchanged. Raises ``ValueError`` on a missing column, a
    non-numeric volunteer count, or a group with more than one total row.
    """
    protected = list(dict.fromkeys([*value_columns, volunteers_column]))
    _require_columns(table, [*protected, *(total_key or {}), *_as_list(group_column)])
    volunteers = _volunteer_counts(table, volunteers_column)
    values = table[protected].reset_index(drop=True)
    primary = (volunteers > 0) & (volunteers < MIN_VOLUNTEERS)
    withheld = {column: primary & values[column].notna().to_numpy() for column in protected}
    if total_key is not None or group_column is not None:
        groups = _groups(table, group_column)
        totals = _totals(groups, _total_rows(table, total_key))
        for column in protected:
            amounts = pd.to_numeric(values[column], errors="coerce").to_numpy(dtype=float, na_value=np.nan)
            for group in _lone_groups(groups, withheld[column]):
                _add_partner(withheld[column], amounts, volunteers, groups.members[group], totals[group])
    return _publish(table, values, withheld)


def withhold_rows(volunteers: np.ndarray, equations: list[tuple[np.ndarray, int]]) -> np.ndarray:
    """Which rows to withhold whole, given each row's number of distinct volunteers (NaN: unknown) and
    the equations the rows obey: ``(parts, total)`` says that the rows ``parts`` add up to row
    ``total`` (-1 when the total is published elsewhere).

    First the rows of 1 to 4 volunteers; then, while an equation holds exactly one withheld row (its
    total included), one more of its rows, in the order of ``suppress``: the row with the fewest
    volunteers among the parts with at least ``MIN_VOLUNTEERS`` (ties: the earlier row), else the total,
    else the first other part. Each new row may leave another equation with a lone one, so this runs
    until none is left or none can be helped (its other rows all withheld or absent already).
    """
    withheld = (volunteers > 0) & (volunteers < MIN_VOLUNTEERS)
    members = [np.append(parts, total) if total >= 0 else np.asarray(parts) for parts, total in equations]
    if not members:
        return withheld
    rows = np.concatenate(members).astype(np.intp)
    owner = np.repeat(np.arange(len(members)), [len(m) for m in members])
    while True:
        counts = np.bincount(owner, weights=withheld[rows], minlength=len(members))
        added = False
        for equation in np.flatnonzero(counts == 1):
            parts, total = equations[equation]
            if np.count_nonzero(withheld[members[equation]]) == 1:  # an earlier partner may have joined it
                partner = _row_partner(withheld, volunteers, np.asarray(parts), total)
                if partner is not None:
                    withheld[partner] = added = True
        if not added:
            return withheld


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
    values = cells.to_numpy(dtype=object, na_value=None, copy=True)
    values[withheld & cells.notna().to_numpy()] = SUPPRESSED
    return pd.Series(values, index=cells.index, dtype=object, name=cells.name)


@dataclass
class _Groups:
    ids: np.ndarray  # the group of each row
    members: list[np.ndarray]  # the rows of each group, in table order


def _lone_groups(groups: _Groups, withheld: np.ndarray) -> np.ndarray:
    """The groups holding exactly one withheld cell (with their total row, when they have one)."""
    counts = np.bincount(groups.ids, weights=withheld, minlength=len(groups.members))
    return np.flatnonzero(counts == 1)


def _add_partner(withheld: np.ndarray, amounts: np.ndarray, volunteers: np.ndarray,
                 members: np.ndarray, total: int) -> None:
    candidates = [
        (_tier(row, total, volunteers), amounts[row], row)
        for row in members
        if not withheld[row] and not np.isnan(amounts[row])
    ]
    if candidates:
        withheld[min(candidates)[2]] = True


def _tier(row: int, total: int, volunteers: np.ndarray) -> int:
    if row == total:
        return _TOTAL
    return _SAFE_DETAIL if volunteers[row] >= MIN_VOLUNTEERS else _OTHER_DETAIL


def _publish(table: pd.DataFrame, values: pd.DataFrame, withheld: dict[str, np.ndarray]) -> pd.DataFrame:
    published = table.copy()
    for column, mask in withheld.items():
        cells = values[column].to_numpy(dtype=object, na_value=None, copy=True)
        cells[mask] = SUPPRESSED
        published[column] = pd.Series(cells, index=table.index, dtype=object)
    return published


def _volunteer_counts(table: pd.DataFrame, column: str) -> np.ndarray:
    try:
        counts = pd.to_numeric(table[column], errors="raise")
    except (TypeError, ValueError) as error:
        raise ValueError(f"the volunteer count {column!r} must be numeric") from error
    # NaN compares false both ways, so an unknown count is neither small nor safe.
    return counts.to_numpy(dtype=float, na_value=np.nan)


def _total_rows(table: pd.DataFrame, total_key: dict | None) -> np.ndarray:
    is_total = np.full(len(table), total_key is not None)
    for column, value in (total_key or {}).items():
        is_total &= (table[column] == value).fillna(False).to_numpy(dtype=bool)
    return is_total


def _groups(table: pd.DataFrame, group_column: str | list[str] | None) -> _Groups:
    """The groups of rows; rows whose group value is empty form one group of their own."""
    if group_column is None:
        return _Groups(ids=np.zeros(len(table), dtype=np.intp), members=[np.arange(len(table))])
    keys = table[_as_list(group_column)].reset_index(drop=True)
    ids = keys.groupby(_as_list(group_column), dropna=False, sort=False).ngroup().to_numpy(dtype=np.intp)
    order = np.argsort(ids, kind="stable")
    members = np.split(order, np.flatnonzero(np.diff(ids[order])) + 1) if len(ids) else []
    return _Groups(ids=ids, members=members)


def _totals(groups: _Groups, is_total: np.ndarray) -> np.ndarray:
    """The total row of each group, -1 where the total is published elsewhere."""
    per_group = np.bincount(groups.ids[is_total], minlength=len(groups.members))
    if (per_group > 1).any():
        raise ValueError("a group has more than one total row; give a group_column that separates them")
    totals = np.full(len(groups.members), -1, dtype=np.intp)
    totals[groups.ids[is_total]] = np.flatnonzero(is_total)
    return totals


def _as_list(columns: str | list[str] | None) -> list[str]:
    if columns is None:
        return []
    return [columns] if isinstance(columns, str) else list(columns)


def _require_columns(table: pd.DataFrame, columns: list[str]) -> None:
    missing = [column for column in dict.fromkeys(columns) if column not in table.columns]
    if missing:
        raise ValueError(f"the table lacks columns {missing}")
