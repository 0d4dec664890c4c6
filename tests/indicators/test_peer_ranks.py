"""Ranks within peer groups agree with pandas' own group ranking (lowest rank for ties, NaN unranked)."""

from __future__ import annotations

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from civhub.indicators.published import _min_ranks

values = st.lists(st.one_of(st.none(), st.integers(0, 5), st.floats(-3, 3, allow_nan=False)), min_size=1, max_size=60)


@settings(max_examples=200, deadline=None)
@given(values, st.integers(1, 6), st.randoms(use_true_random=False))
def test_ranks_match_pandas(cells, group_count, rnd):
    numbers = np.array([np.nan if c is None else float(c) for c in cells])
    groups = np.array([rnd.randrange(group_count) for _ in cells])
    expected = pd.Series(numbers).groupby(groups).rank(method="min").astype("Int64")
    assert _min_ranks(numbers, groups).equals(expected)


def test_ties_share_the_lowest_rank():
    ranks = _min_ranks(np.array([2.0, 1.0, 2.0, np.nan, 5.0]), np.array([0, 0, 0, 0, 1]))
    assert ranks.tolist() == [2, 1, 2, pd.NA, 1]
