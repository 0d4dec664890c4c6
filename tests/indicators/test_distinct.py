"""The distinct counting of pipelines/marts/distinct.py on keys small enough to follow by hand."""

from __future__ import annotations

import numpy as np
import pytest

from pipelines.marts import distinct
from pipelines.marts.distinct import NO_PREVIOUS, _entity_bits, _gaps

U64 = np.uint64


def key(entity: int, area: int, month: int, month_bits: int = 5, area_bits: int = 2) -> int:
    return (entity << (area_bits + month_bits)) | (area << month_bits) | month


# Worked through in slices of 2 and 3 keys, the gaps cross slice boundaries; 1 << 20 is the real size.
@pytest.mark.parametrize("slice_size", [2, 3, 1 << 20])
def test_gaps_follow_each_pair_month_by_month(monkeypatch, slice_size):
    monkeypatch.setattr(distinct, "_SLICE", slice_size)
    keys = np.array([
        key(1, 0, 14), key(1, 0, 0), key(1, 0, 1), key(1, 0, 1), key(1, 0, 3),  # one pair, out of order, a repeat
        key(1, 2, 3),  # the same entity in another area: a pair of its own
        key(2, 0, 3),  # another entity in area 0
    ], dtype=U64)
    gaps = _gaps(keys, month_bits=5, area_bits=2)
    found = sorted(zip(gaps["area_index"], gaps["month"], gaps["gap"], gaps["n"], strict=True))
    assert found == [
        (0, 0, NO_PREVIOUS, 1),  # entity 1's first month in area 0
        (0, 1, 0, 1),  # the repeat in month 1
        (0, 1, 1, 1),  # month 1: one month after month 0
        (0, 3, 2, 1),  # month 3: two after month 1
        (0, 3, NO_PREVIOUS, 1),  # entity 2, first seen
        (0, 14, 11, 1),  # month 14: eleven after month 3
        (2, 3, NO_PREVIOUS, 1),  # entity 1 in area 2
    ]


def test_a_gap_of_two_years_or_more_counts_as_none():
    keys = np.array([key(1, 0, 0), key(1, 0, 30)], dtype=U64)
    assert sorted(_gaps(keys, month_bits=5, area_bits=2)["gap"]) == [NO_PREVIOUS, NO_PREVIOUS]


def test_entities_keep_their_numbers_when_small():
    entities = np.array([3, 9, 3], dtype=U64)
    assert _entity_bits(entities, 10).tolist() == [3, 9, 3]


def test_hashes_keep_their_top_bits_when_those_differ():
    hashes = np.array([(5 << 60) | 1, (6 << 60) | 2, (5 << 60) | 1], dtype=U64)
    assert _entity_bits(hashes, 4).tolist() == [5, 6, 5]


def test_hashes_sharing_their_top_bits_are_numbered():
    hashes = np.array([(5 << 60) | 1, (5 << 60) | 2, (7 << 60), (5 << 60) | 1], dtype=U64)
    numbers = _entity_bits(hashes, 4).tolist()
    assert numbers[0] == numbers[3] and len({numbers[0], numbers[1], numbers[2]}) == 3


@pytest.mark.parametrize("slice_size", [2, 1 << 20])
def test_bits_are_set_in_every_slice(monkeypatch, slice_size):
    monkeypatch.setattr(distinct, "_SLICE", slice_size)
    keys = np.array([1, 0, 2, 0, 4], dtype=U64)
    distinct._add_bits(keys, np.array([1, 2, 3, 4, 5], dtype=np.int16), 3)
    assert keys.tolist() == [(1 << 3) | 1, 2 << 3, (3 << 3) | 2, 4 << 3, (5 << 3) | 4]
