"""Small-number protection of whole rows (civhub/privacy.py): hand-checked cases and a hypothesis property."""

from __future__ import annotations

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from civhub.privacy import MIN_VOLUNTEERS, SUPPRESSED, mark, mark_columns, withhold_rows

S = SUPPRESSED


# Whole rows over equations (civhub.privacy.withhold_rows): each case worked out by hand.
NAN = float("nan")


def rows_withheld(volunteers, equations):
    return withhold_rows(np.array(volunteers, dtype=float), [(np.array(p), t) for p, t in equations]).tolist()


def test_a_small_row_takes_the_safe_part_with_the_fewest_volunteers():
    # Rows 0-2 add up to row 3; row 0 has 3 volunteers. Of rows 1 (6) and 2 (8), row 1 goes.
    assert rows_withheld([3, 6, 8, 17], [([0, 1, 2], 3)]) == [True, True, False, False]


def test_without_a_safe_part_the_total_goes():
    # Row 0 is the only part of row 1 (a year with one month): the total would give it away.
    assert rows_withheld([3, 9], [([0], 1)]) == [True, True]


def test_partners_spread_over_equations_until_none_is_left_alone():
    # Equation a: rows 0 + 1 = 2. Equation b: rows 1 + 3 = 4. Row 0 is small, so row 1 (5) goes with it in a;
    # then row 1 is alone in b, so row 3 (7) goes too; row 2 and row 4 stay published.
    assert rows_withheld([2, 5, 30, 7, 40], [([0, 1], 2), ([1, 3], 4)]) == [True, True, False, True, False]


def test_ties_take_the_first_row_and_rows_without_volunteers_come_after_the_total():
    # Rows 1 and 2 tie at 6: row 1 goes. In the second equation, row 4 has no volunteers: the total (5) goes first.
    assert rows_withheld([1, 6, 6, 20, 2, 0, 9], [([0, 1, 2], 3), ([4, 5], 6)]) == [
        True, True, False, False, True, False, True]


def test_a_lone_row_with_nothing_beside_it_stays_alone():
    assert rows_withheld([4, NAN], [([0], -1)]) == [True, False]


def test_marks_leave_empty_cells_empty():
    cells = pd.Series([1.5, None, 2.0], name="hours")
    assert mark(cells, np.array([True, True, False])).tolist() == [S, None, 2.0]


def test_marking_columns_together_marks_as_one_column_at_a_time():
    cells = pd.DataFrame({
        "volunteers": pd.Series([12, 3, 40], dtype="int64"),
        "hours": [5.5, np.nan, 2.25],
        "rate": pd.Series([None, 0.5, 1.0], dtype="Float64"),
    })
    withheld = np.array([True, True, False])
    marked = mark_columns(cells, withheld)
    assert marked.to_dict("list") == {
        "volunteers": [SUPPRESSED, SUPPRESSED, 40],
        "hours": [SUPPRESSED, None, 2.25],  # an empty cell stays empty
        "rate": [None, SUPPRESSED, 1.0],
    }
    assert type(marked.at[2, "volunteers"]) is int  # whole numbers stay whole
    for column in cells.columns:
        assert marked[column].tolist() == mark(cells[column], withheld).tolist()


# --- property: any rows, any equations ----------------------------------------------------------------

@st.composite
def problems(draw) -> tuple[list[float], list[tuple[list[int], int]]]:
    """Rows with 0-12 volunteers (or unknown) and equations over them, overlapping as they may."""
    size = draw(st.integers(min_value=1, max_value=12))
    volunteers = draw(st.lists(st.one_of(st.just(NAN), st.integers(0, 12).map(float)), min_size=size, max_size=size))
    equations = []
    for _ in range(draw(st.integers(0, 5))):
        parts = sorted(draw(st.sets(st.integers(0, size - 1), min_size=1, max_size=size)))
        others = [row for row in range(size) if row not in parts]
        total = draw(st.sampled_from([-1, *others]))
        equations.append((parts, total))
    return volunteers, equations


@settings(max_examples=300, deadline=None)
@given(problems())
def test_no_equation_is_left_with_a_lone_withheld_row(problem):
    volunteers, equations = problem
    withheld = rows_withheld(volunteers, equations)
    for row, count in enumerate(volunteers):
        if 0 < count < MIN_VOLUNTEERS:
            assert withheld[row]  # every small row
    for parts, total in equations:
        members = [*parts, *([total] if total >= 0 else [])]
        # One withheld row alone could be recomputed, unless it is the equation's only row.
        assert sum(withheld[m] for m in members) != 1 or len(members) == 1
    if not equations:
        assert withheld == [0 < v < MIN_VOLUNTEERS for v in volunteers]  # no equation, no partner
