"""The outline of an area made of smaller areas, drawn with no geometry library.

The areas come from one topology: neighbours share the points of their common border exactly. Wound alike (each
outer ring anticlockwise, each hole clockwise), two neighbours run along their common border in opposite
directions, so an edge met once each way lies inside the whole and is dropped; the edges left are the whole's
border and are chained back into rings. An anticlockwise ring is an outer one, a clockwise ring a hole.

Dropping an edge pair drops its two opposite terms of the shoelace sum, so the rings left enclose exactly the
area of the parts, whether or not the parts meet cleanly: where borders do not share their points, both sides
stay, as a thin sliver of border, drawn but losing no area.
"""

from __future__ import annotations

import math

import numpy as np


def dissolve(polygons: list[list]) -> list[list] | None:
    """The polygons (GeoJSON coordinates: an outer ring, then its holes) covering what ``polygons`` cover together.

    Outer rings run anticlockwise and holes clockwise, each from its least point (by longitude, then latitude);
    the polygons come largest first. Islands stay separate polygons, and so do parts touching at a corner only.
    None when the edges left do not close into rings, or a hole lies in no outer ring: the parts do not come
    from one topology.
    """
    rings = [np.asarray(ring, dtype=float) for polygon in polygons for ring in polygon if len(ring)]
    if not rings:
        return []
    outer = np.array([number == 0 for polygon in polygons for number, ring in enumerate(polygon) if len(ring)])
    points, starts, ends = _edges(rings, outer)
    starts, ends = _border(starts, ends, len(points))
    cycles = _chained(starts, ends, points)
    if cycles is None:
        return None
    closed = [points[[*cycle, cycle[0]]] for cycle in cycles]
    areas = [_area(ring) for ring in closed]
    outers = sorted((i for i, area in enumerate(areas) if area > 0), key=lambda i: (-areas[i], cycles[i][0]))
    shapes = {i: [closed[i]] for i in outers}
    for hole in sorted((i for i, area in enumerate(areas) if area < 0), key=lambda i: cycles[i][0]):
        holder = _holder(closed[hole], [(i, closed[i], areas[i]) for i in outers])
        if holder is None:
            return None
        shapes[holder].append(closed[hole])
    return [[ring.tolist() for ring in shapes[i]] for i in outers]


def _edges(rings: list[np.ndarray], outer: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The distinct points of ``rings`` (sorted by longitude, then latitude) and the rings' edges as the ids of
    the points each runs from and to: outer rings anticlockwise, holes clockwise, a point twice in a row once,
    and rings enclosing nothing left out."""
    coords = np.concatenate([ring[:, :2] for ring in rings])
    sizes = np.array([len(ring) for ring in rings])
    ring_of = np.repeat(np.arange(len(rings)), sizes)
    # A point equal to the one before it in its ring (the closing point among them) adds no edge.
    previous = np.arange(-1, len(coords) - 1)
    previous[np.cumsum(sizes) - sizes] = np.cumsum(sizes) - 1
    distinct = (coords != coords[previous]).any(axis=1)
    coords, ring_of = coords[distinct], ring_of[distinct]
    lengths = np.bincount(ring_of, minlength=len(rings))
    firsts, lasts = np.cumsum(lengths) - lengths, np.cumsum(lengths) - 1
    following = np.arange(1, len(coords) + 1)
    following[lasts[lengths > 0]] = firsts[lengths > 0]
    x, y = coords.T
    areas = np.bincount(ring_of, weights=x * y[following] - x[following] * y, minlength=len(rings))
    kept = ((lengths >= 3) & (areas != 0))[ring_of]
    turned = ((areas > 0) != outer)[ring_of]
    here, there = np.flatnonzero(kept), following[kept]
    starts, ends = np.where(turned[kept], there, here), np.where(turned[kept], here, there)
    # Complex numbers sort by their real part, then their imaginary part: by longitude, then latitude.
    distinct_points, ids = np.unique(x + 1j * y, return_inverse=True)
    points = np.column_stack([distinct_points.real, distinct_points.imag])
    return points, ids[starts], ids[ends]


def _border(starts: np.ndarray, ends: np.ndarray, count: int) -> tuple[np.ndarray, np.ndarray]:
    """The edges (point ids ``starts`` to ``ends``, of ``count`` points) no two parts share, sorted by start, end."""
    keys, times = np.unique(starts * count + ends, return_counts=True)
    back = (keys % count) * count + keys // count
    at = np.minimum(np.searchsorted(keys, back), len(keys) - 1)
    times_back = np.where(keys[at] == back, times[at], 0)
    # Met more often one way than the other: on the border, once (a part given twice covers its area once).
    kept = keys[times > times_back]
    return kept // count, kept % count


def _chained(starts: np.ndarray, ends: np.ndarray, points: np.ndarray) -> list[list[int]] | None:
    """The rings the edges (``starts`` to ``ends``, sorted) form, as point ids from each ring's least point;
    None if some edge leads nowhere or the edges cannot be followed round once each."""
    size = len(points)
    leaving, arriving = np.bincount(starts, minlength=size), np.bincount(ends, minlength=size)
    if (leaving != arriving).any():
        return None
    first = np.searchsorted(starts, np.arange(size))
    after, targets = first[ends], points[ends]
    for edge in np.flatnonzero(leaving[ends] > 1).tolist():
        choices = range(first[ends[edge]], first[ends[edge]] + leaving[ends[edge]])
        after[edge] = _turn(points[starts[edge]], targets[edge], choices, targets)
    return _cycles(after.tolist(), starts.tolist())


def _turn(start: np.ndarray, corner: np.ndarray, choices: range, targets: np.ndarray) -> int:
    """Of the edges ``choices`` leaving ``corner`` (to ``targets``), the sharpest left turn after ``start``.

    A ring so keeps to the side of the one area it goes round: two areas touching at a corner make two rings.
    """
    back = math.atan2(start[1] - corner[1], start[0] - corner[0])

    def clockwise_from_back(choice: int) -> float:
        # Turning clockwise from the way back, the first edge met is the sharpest left turn; the way back is last.
        angle = (back - math.atan2(targets[choice][1] - corner[1], targets[choice][0] - corner[0])) % math.tau
        return angle or math.tau

    return min(choices, key=clockwise_from_back)


def _cycles(after: list[int], starts: list[int]) -> list[list[int]] | None:
    """The cycles of edges that ``after`` leads round, as the point ids they start from, each from its least."""
    done = [False] * len(after)
    cycles = []
    for first in range(len(after)):
        if done[first]:
            continue
        cycle, edge = [], first
        while not done[edge]:
            done[edge] = True
            cycle.append(starts[edge])
            edge = after[edge]
        if edge != first:
            return None
        least = cycle.index(min(cycle))
        cycles.append(cycle[least:] + cycle[:least])
    return cycles


def _area(ring: np.ndarray) -> float:
    """Twice the signed area of a closed ring (shoelace): positive when it runs anticlockwise."""
    return float(np.sum(ring[:-1, 0] * ring[1:, 1] - ring[1:, 0] * ring[:-1, 1]))


def _holder(hole: np.ndarray, outers: list[tuple[int, np.ndarray, float]]) -> int | None:
    """Which outer ring (number, points, area) holds ``hole``: the smallest around it, as a hole may hold an island."""
    low, high = hole.min(axis=0), hole.max(axis=0)
    holders = []
    for number, outer, area in outers:
        if (outer.min(axis=0) > low).any() or (outer.max(axis=0) < high).any():
            continue
        # A hole may touch its outer ring at a corner: a point of the hole's own tells whether it lies inside.
        own = ~(hole[:, None, :] == outer[None, :, :]).all(axis=2).any(axis=1)
        if own.any() and _inside(hole[int(np.argmax(own))], outer):
            holders.append((area, number))
    return min(holders)[1] if holders else None


def _inside(point: np.ndarray, ring: np.ndarray) -> bool:
    """Whether ``point`` lies inside the closed ``ring`` (even-odd ray casting towards +x)."""
    x, y = point
    (x1, y1), (x2, y2) = ring[:-1].T, ring[1:].T
    spans = (y1 > y) != (y2 > y)
    with np.errstate(divide="ignore", invalid="ignore"):
        crossing = x1 + (y - y1) * (x2 - x1) / (y2 - y1)
    return int(np.count_nonzero(spans & (x < crossing))) % 2 == 1
