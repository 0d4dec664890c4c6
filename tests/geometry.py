"""Geometry for the map tests, worked out independently of civhub.maps."""

from __future__ import annotations


def inside(point: tuple[float, float], ring: list) -> bool:
    """Whether ``point`` lies inside ``ring`` (a closed list of [x, y]): the even-odd ray-crossing rule."""
    x, y = point
    crossings = 0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:], strict=False):
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            crossings += 1
    return crossings % 2 == 1
