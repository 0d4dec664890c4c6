"""Small-number suppression (civhub/privacy.py): hand-checked tables and hypothesis properties."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from civhub.privacy import MIN_VOLUNTEERS, SUPPRESSED, mark, suppress, withhold_rows

S = SUPPRESSED


def published(frame: pd.DataFrame, column: str) -> list:
    return [None if not isinstance(v, str) and pd.isna(v) else v for v in frame[column]]


# --- primary suppression -----------------------------------------------------------------------------

def test_rows_below_five_volunteers_are_withheld():
    table = pd.DataFrame({
        "area": ["A", "B", "C", "D", "E"],
        "volunteers": [3, 5, 0, None, 1],
        "hours": [12.0, 40.0, 0.0, 7.0, None],
        "per_1k": [0.5, 2.0, 0.0, 0.1, 0.05],
    }, index=[10, 11, 12, 13, 14])
    out = suppress(table, volunteers_column="volunteers", value_columns=["hours", "per_1k"])
    # A (3) and E (1) are withheld, E's empty hours stay empty; B has 5, C has none, D is unknown.
    assert published(out, "volunteers") == [S, 5, 0, None, S]
    assert published(out, "hours") == [S, 40.0, 0.0, 7.0, None]
    assert published(out, "per_1k") == [S, 2.0, 0.0, 0.1, S]
    assert out["area"].tolist() == ["A", "B", "C", "D", "E"]
    assert list(out.index) == [10, 11, 12, 13, 14]
    assert all(out[column].dtype == "object" for column in ["volunteers", "hours", "per_1k"])


def test_nothing_to_withhold_still_gives_the_published_types():
    table = pd.DataFrame({"volunteers": [7, 9], "hours": [1.5, 2.5]})
    out = suppress(table, volunteers_column="volunteers", value_columns=["hours"])
    assert published(out, "hours") == [1.5, 2.5] and out["hours"].dtype == object


# --- secondary suppression ---------------------------------------------------------------------------

TOTALS = pd.DataFrame({
    "area": ["A", "B", "C", "D", "GR"],
    "volunteers": [3, 8, 6, 0, 17],
    "hours": [10.0, 40.0, 50.0, 0.0, 100.0],
})


def test_a_lone_withheld_cell_gets_a_partner_per_column():
    out = suppress(TOTALS, volunteers_column="volunteers", value_columns=["hours"], total_key={"area": "GR"})
    # A is withheld (3 volunteers). GR - B - C - D would give it back, so in each column the smallest
    # cell of a row with at least 5 volunteers goes too: hours of B (40 < 50), volunteers of C (6 < 8).
    assert published(out, "hours") == [S, S, 50.0, 0.0, 100.0]
    assert published(out, "volunteers") == [S, 8, S, 0, 17]


def test_a_withheld_total_gets_a_partner():
    table = pd.DataFrame({"area": ["A", "B", "C", "GR"], "volunteers": [0, 6, 7, 4], "hours": [0.0, 9.0, 8.0, 3.0]})
    out = suppress(table, volunteers_column="volunteers", value_columns=["hours"], total_key={"area": "GR"})
    # Only the total has fewer than 5; the sum of the others would give it back, so C's 8 hours go too.
    assert published(out, "hours") == [0.0, 9.0, S, S]
    assert published(out, "volunteers") == [0, S, 7, S]


def test_the_total_is_the_partner_when_no_detail_is_safe():
    table = pd.DataFrame({"area": ["A", "B", "GR"], "volunteers": [2, 0, 6], "hours": [5.0, 0.0, 5.0]})
    out = suppress(table, volunteers_column="volunteers", value_columns=["hours"], total_key={"area": "GR"})
    assert published(out, "hours") == [S, 0.0, S]


def test_two_withheld_cells_need_no_partner():
    table = pd.DataFrame({"area": ["A", "B", "C", "GR"], "volunteers": [2, 4, 9, 15], "hours": [5.0, 6.0, 20.0, 31.0]})
    out = suppress(table, volunteers_column="volunteers", value_columns=["hours"], total_key={"area": "GR"})
    assert published(out, "hours") == [S, S, 20.0, 31.0]


def test_groups_add_up_to_totals_published_elsewhere():
    table = pd.DataFrame({
        "region": ["R1", "R1", "R1", "R2", "R2", "R3"],
        "area": ["A", "B", "C", "D", "E", "F"],
        "volunteers": [2, 12, 9, 7, 8, 1],
        "hours": [4.0, 30.0, 30.0, 14.0, 16.0, 2.0],
    })
    out = suppress(table, volunteers_column="volunteers", value_columns=["hours"], group_column="region")
    # R1: A is withheld; B and C tie on hours and the earlier row (B) goes. R2 has nothing small.
    # R3 is F alone: nothing else to withhold, and R3's own total is built from F's single volunteer.
    assert published(out, "hours") == [S, S, 30.0, 14.0, 16.0, S]
    assert published(out, "volunteers") == [S, 12, S, 7, 8, S]


def test_one_total_row_per_period():
    table = pd.DataFrame({
        "period": ["2023", "2023", "2023", "2024", "2024", "2024"],
        "area": ["A", "B", "GR", "A", "B", "GR"],
        "volunteers": [3, 10, 13, 6, 10, 16],
        "hours": [6.0, 20.0, 26.0, 12.0, 20.0, 32.0],
    })
    out = suppress(table, volunteers_column="volunteers", value_columns=["hours"],
                   total_key={"area": "GR"}, group_column="period")
    assert published(out, "hours") == [S, S, 26.0, 12.0, 20.0, 32.0]
    with pytest.raises(ValueError, match="more than one total"):
        suppress(table, volunteers_column="volunteers", value_columns=["hours"], total_key={"area": "GR"})


def test_several_group_columns():
    table = pd.DataFrame({
        "period": ["2023", "2023", "2024", "2024"], "region": ["R1", "R1", "R1", "R1"],
        "volunteers": [3, 10, 3, 10], "hours": [1.0, 2.0, 3.0, 4.0],
    })
    out = suppress(table, volunteers_column="volunteers", value_columns=["hours"], group_column=["period", "region"])
    assert published(out, "hours") == [S, S, S, S]


def test_bad_calls_are_refused():
    with pytest.raises(ValueError, match="minutes"):
        suppress(TOTALS, volunteers_column="volunteers", value_columns=["minutes"])
    with pytest.raises(ValueError, match="numeric"):
        suppress(TOTALS, volunteers_column="area", value_columns=["hours"])


# --- properties --------------------------------------------------------------------------------------

volunteer_counts = st.one_of(st.none(), st.integers(min_value=0, max_value=12))
amounts = st.one_of(st.none(), st.floats(min_value=0, max_value=1000, allow_nan=False))
group_sizes = st.lists(st.integers(min_value=1, max_value=6), min_size=1, max_size=4)


@st.composite
def tables(draw) -> tuple[pd.DataFrame, bool]:
    """Groups of detail rows, each group with its own total row or with its total published elsewhere."""
    with_totals = draw(st.booleans())
    rows = []
    for group, size in enumerate(draw(group_sizes)):
        details = [(f"g{group}", f"a{i}", draw(volunteer_counts), draw(amounts), draw(amounts)) for i in range(size)]
        rows.extend(details)
        if with_totals:
            volunteers = sum(d[2] or 0 for d in details)
            rows.append((f"g{group}", "TOTAL", volunteers, sum(d[3] or 0 for d in details), draw(amounts)))
    frame = pd.DataFrame(rows, columns=["group", "area", "volunteers", "hours", "per_1k"])
    return frame.astype({"volunteers": "Int64"}), with_totals


def is_empty(value) -> bool:
    return not isinstance(value, str) and pd.isna(value)


PROTECTED = ["volunteers", "hours", "per_1k"]


@settings(max_examples=200, deadline=None)
@given(tables())
def test_properties(drawn):
    table, with_totals = drawn
    before = table.copy(deep=True)
    out = suppress(table, volunteers_column="volunteers", value_columns=["hours", "per_1k"],
                   total_key={"area": "TOTAL"} if with_totals else None, group_column="group")

    pd.testing.assert_frame_equal(table, before)  # the input is never modified
    pd.testing.assert_frame_equal(out[["group", "area"]], table[["group", "area"]])
    small = table["volunteers"].fillna(0).between(1, MIN_VOLUNTEERS - 1).to_numpy()
    for column in PROTECTED:
        for row, (given_value, shown) in enumerate(zip(table[column], out[column], strict=True)):
            if small[row]:  # no published number below five volunteers
                assert shown == S or (is_empty(shown) and is_empty(given_value))
            elif shown != S:  # what is shown is what was given
                assert (is_empty(shown) and is_empty(given_value)) or shown == given_value

    for _, rows in out.groupby("group").groups.items():
        group_small = small[table.index.get_indexer(rows)].any()
        for column in PROTECTED:
            shown = out.loc[rows, column]
            withheld = int((shown == S).sum())
            others_empty = shown[shown != S].map(is_empty).all()
            # No single withheld cell per group and column, unless nothing else in it could be withheld.
            assert withheld != 1 or others_empty
            # Cells are withheld only where a group holds a small row, and at most one beyond the small ones.
            primary = int((small[table.index.get_indexer(rows)] & table.loc[rows, column].notna().to_numpy()).sum())
            assert withheld == 0 or group_small
            assert withheld <= primary + 1


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
