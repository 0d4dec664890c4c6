"""Distinct and repeated values of large integer arrays, by sorting them in place.

np.unique hashes integers since NumPy 2.3: over ten times slower than sorting them here.
"""

from __future__ import annotations

import numpy as np


def distinct(values: np.ndarray) -> np.ndarray:
    """The distinct values, in order (``values`` is sorted in place)."""
    values.sort()
    return _first_of_runs(values)


def repeated(values: np.ndarray) -> np.ndarray:
    """The values found more than once, each once, in order (``values`` is sorted in place)."""
    values.sort()
    return _first_of_runs(values[1:][values[1:] == values[:-1]])


def _first_of_runs(ordered: np.ndarray) -> np.ndarray:
    keep = np.empty(len(ordered), dtype=bool)
    keep[:1] = True
    np.not_equal(ordered[1:], ordered[:-1], out=keep[1:])
    return ordered[keep]
