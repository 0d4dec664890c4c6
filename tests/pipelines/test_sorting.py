"""Distinct and repeated values by sorting (pipelines/sorting.py), against counting them one by one."""

from collections import Counter

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from pipelines.sorting import distinct, repeated

VALUES = st.lists(st.integers(min_value=0, max_value=2**64 - 1), max_size=60)


@given(VALUES)
def test_distinct_gives_each_value_once_in_order(values):
    assert distinct(np.array(values, dtype=np.uint64)).tolist() == sorted(set(values))


@given(VALUES)
def test_repeated_gives_each_value_found_twice_or_more_once_in_order(values):
    counts = Counter(values)
    assert repeated(np.array(values, dtype=np.uint64)).tolist() == sorted(v for v, n in counts.items() if n > 1)


def test_a_day_with_three_records_is_repeated_once():
    assert repeated(np.array([7, 3, 7, 1, 7, 3], dtype=np.uint64)).tolist() == [3, 7]
