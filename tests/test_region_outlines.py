"""A region is drawn as one outline: its regional units dissolved (civhub/outlines.py, civhub/maps.py).

Hand-drawn fixtures show the rules, each expected ring written out point by point; the shipped boundaries show
that the 13 regions dissolve into as many polygons as their units form connected groups, with no area lost and
no gap opened between neighbouring regions by the simplification that follows.
"""

from __future__ import annotations

import json
from collections import Counter

import pytest

from civhub import config, maps, outlines
from tests.geometry import inside


def square(x: float, y: float, size: float = 1) -> list:
    """A square polygon from (x, y), anticlockwise."""
    return [[[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]]


def twice_the_area(ring: list) -> float:
    return sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:], strict=False))


def test_two_squares_sharing_a_side_become_one_rectangle():
    # The shared side (1, 0)-(1, 1) goes; its two ends stay on the rectangle's long sides: six points, from the
    # least, anticlockwise. The left square comes wound clockwise, as some files give outer rings: no matter.
    left = [[[0, 0], [0, 1], [1, 1], [1, 0], [0, 0]]]
    rectangle = [[0, 0], [1, 0], [2, 0], [2, 1], [1, 1], [0, 1], [0, 0]]
    assert outlines.dissolve([left, square(1, 0)]) == [[rectangle]]


def test_an_island_stays_a_polygon_of_its_own():
    # A unit of a square and an islet (0.5 across, at x = 3) beside a square neighbour: the rectangle comes
    # first (twice the area 4), then the islet (twice the area 0.5) as it was.
    unit = [square(0, 0), square(3, 0, 0.5)]  # the polygons of one MultiPolygon
    shapes = outlines.dissolve([*unit, square(1, 0)])
    assert shapes == [
        [[[0, 0], [1, 0], [2, 0], [2, 1], [1, 1], [0, 1], [0, 0]]],
        [[[3, 0], [3.5, 0], [3.5, 0.5], [3, 0.5], [3, 0]]],
    ]


def test_units_round_a_hole_keep_the_hole():
    # Four units round the empty square (1, 1)-(2, 2): a 3 x 1 strip below and above, a unit square left and
    # right. The strips carry the points where the side squares meet them, as a shared topology gives.
    below = [[[0, 0], [3, 0], [3, 1], [2, 1], [1, 1], [0, 1], [0, 0]]]
    above = [[[0, 2], [1, 2], [2, 2], [3, 2], [3, 3], [0, 3], [0, 2]]]
    shapes = outlines.dissolve([below, above, square(0, 1), square(2, 1)])
    outer = [[0, 0], [3, 0], [3, 1], [3, 2], [3, 3], [0, 3], [0, 2], [0, 1], [0, 0]]
    hole = [[1, 1], [1, 2], [2, 2], [2, 1], [1, 1]]  # clockwise, from its least point
    assert shapes == [[outer, hole]]
    # 3 x 3 less the hole's 1 x 1: an area of 8, twice that by the shoelace.
    assert twice_the_area(outer) + twice_the_area(hole) == 16


def test_an_island_in_a_hole_is_a_polygon_of_its_own_and_the_hole_stays_with_its_outer_ring():
    # A 5 x 5 square with the hole (1, 1)-(4, 4), and a unit square island at (2, 2) inside the hole: the island
    # lies within the hole's span but does not hold it, so the hole goes to the big square.
    frame = [[[0, 0], [5, 0], [5, 5], [0, 5], [0, 0]], [[1, 1], [1, 4], [4, 4], [4, 1], [1, 1]]]
    assert outlines.dissolve([frame, square(2, 2)]) == [frame, square(2, 2)]


def test_squares_touching_at_a_corner_stay_two_polygons():
    # At (1, 1) two edges leave: each ring takes the sharpest left turn and goes round its own square.
    assert outlines.dissolve([square(0, 0), square(1, 1)]) == [square(0, 0), square(1, 1)]


def test_a_border_whose_points_differ_on_its_two_sides_keeps_both_parts_whole():
    # The left square's side x = 1 has a point (1, 0.5) the right square's lacks: no edge is shared, nothing
    # is dropped, and both squares come out as they went in (an area of 2, none lost).
    left = [[[0, 0], [1, 0], [1, 0.5], [1, 1], [0, 1], [0, 0]]]
    shapes = outlines.dissolve([left, square(1, 0)])
    assert shapes == [left, square(1, 0)]
    assert sum(twice_the_area(shape[0]) for shape in shapes) == 4


def test_overlapping_parts_are_not_dissolved_and_the_region_keeps_its_units():
    # A square and the triangle of its lower right half, both anticlockwise: the two sides they share count
    # once, so two edges leave (1, 1) and one arrives there, and the edges left close into no ring.
    triangle = [[[0, 0], [1, 0], [1, 1], [0, 0]]]
    assert outlines.dissolve([square(0, 0), triangle]) is None
    units = [unit_feature("EL99", square(0, 0)), unit_feature("EL99", triangle)]
    assert maps._regions(units)[0]["geometry"]["coordinates"] == [square(0, 0), triangle]


def unit_feature(region: str, polygon: list) -> dict:
    return {"type": "Feature", "properties": {"region_nuts2_2021": region},
            "geometry": {"type": "Polygon", "coordinates": polygon}}


def test_two_regions_keep_their_common_border_each():
    # Region A: two unit squares side by side; region B: the 2 x 1 rectangle on top, carrying the point (1, 1)
    # where A's squares meet it. A loses the side between its squares; both keep (0, 1)-(1, 1)-(2, 1).
    units = [unit_feature("A", square(0, 0)), unit_feature("A", square(1, 0)),
             unit_feature("B", [[[0, 1], [1, 1], [2, 1], [2, 2], [0, 2], [0, 1]]])]
    regions = maps._regions(units)
    assert [(f["id"], f["properties"]) for f in regions] == [("A", {"region_code": "A"}),
                                                             ("B", {"region_code": "B"})]
    assert regions[0]["geometry"]["coordinates"] == [[[[0, 0], [1, 0], [2, 0], [2, 1], [1, 1], [0, 1], [0, 0]]]]
    assert regions[1]["geometry"]["coordinates"] == [[[[0, 1], [1, 1], [2, 1], [2, 2], [0, 2], [0, 1]]]]


# The polygons each region is drawn with, counted as the groups of the file's polygons (regional_units.geojson)
# that are joined, directly or through others, by a border edge they share (``connected_groups`` below), a count
# that never chains or orients a ring. Sharing a point only would join no more: counted that way, too, the
# groups are the same. The island regions (North and South Aegean, Ionian Islands) keep every polygon of
# the file (46, 239, 55), as no two of their units touch; landlocked West Macedonia is one polygon.
POLYGONS = {"EL30": 61, "EL41": 46, "EL42": 239, "EL43": 34, "EL51": 9, "EL52": 22, "EL53": 1,
            "EL54": 18, "EL61": 37, "EL62": 55, "EL63": 40, "EL64": 48, "EL65": 24}


def unit_polygons() -> dict[str, list]:
    with open(config.REFERENCE_DIR / "regional_units.geojson", encoding="utf-8") as handle:
        features = json.load(handle)["features"]
    regions: dict[str, list] = {}
    for f in features:
        geometry = f["geometry"]
        polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
        regions.setdefault(f["properties"]["region_nuts2_2021"], []).extend(polygons)
    return regions


def sides(ring: list) -> list[frozenset]:
    return [frozenset((tuple(a), tuple(b))) for a, b in zip(ring, ring[1:], strict=False)]


def connected_groups(polygons: list) -> int:
    leader = list(range(len(polygons)))

    def find(i: int) -> int:
        while leader[i] != i:
            i = leader[i]
        return i

    first_with: dict[frozenset, int] = {}
    for number, polygon in enumerate(polygons):
        for side in (side for ring in polygon for side in sides(ring)):
            other = first_with.setdefault(side, number)
            leader[find(number)] = find(other)
    return len({find(i) for i in range(len(polygons))})


@pytest.fixture(scope="module")
def units() -> dict[str, list]:
    return unit_polygons()


def test_each_region_is_drawn_with_as_many_polygons_as_its_units_form_groups(units):
    drawn = {f["id"]: f["geometry"]["coordinates"] for f in maps.boundaries("region")["features"]}
    assert sorted(drawn) == sorted(POLYGONS)
    assert {code: len(polygons) for code, polygons in drawn.items()} == POLYGONS
    assert {code: connected_groups(polygons) for code, polygons in units.items()} == POLYGONS
    # No region of the file has a hole, nor gains one; every outline runs clockwise, as the sphere wants it.
    assert all(len(polygon) == 1 for polygons in drawn.values() for polygon in polygons)
    assert all(twice_the_area(polygon[0]) < 0 for polygons in drawn.values() for polygon in polygons)


def test_the_mainland_of_attica_is_one_polygon_over_four_regional_units():
    # Athens (Central Athens), Piraeus, Megara (West Attica) and Lavrio (East Attica); Aegina is an island.
    attica = next(f for f in maps.boundaries("region")["features"] if f["id"] == "EL30")["geometry"]["coordinates"]
    towns = {"Athens": (23.728, 37.984), "Piraeus": (23.646, 37.942), "Megara": (23.344, 37.996),
             "Lavrio": (24.057, 37.714), "Aegina": (23.49, 37.74)}
    holding = {town: [i for i, polygon in enumerate(attica) if inside(point, polygon[0])]
               for town, point in towns.items()}
    mainland = holding["Athens"]
    assert len(mainland) == 1 and holding["Piraeus"] == holding["Megara"] == holding["Lavrio"] == mainland
    assert len(holding["Aegina"]) == 1 and holding["Aegina"] != mainland


def test_dissolving_loses_no_area_and_keeps_only_the_sides_no_two_units_share(units):
    for feature in maps._regions([unit_feature(code, polygon) for code, polygons in units.items()
                                  for polygon in polygons]):
        code, shapes = feature["id"], feature["geometry"]["coordinates"]
        area = sum(abs(twice_the_area(polygon[0])) for polygon in units[code])
        assert sum(twice_the_area(ring) for shape in shapes for ring in shape) == pytest.approx(area, rel=1e-12)
        used = Counter(side for polygon in units[code] for ring in polygon for side in sides(ring))
        outline = [side for shape in shapes for ring in shape for side in sides(ring)]
        assert Counter(outline) == Counter(side for side, n in used.items() if n == 1), code


def test_simplifying_the_regions_opens_no_gap_between_them(units):
    dissolved = {f["id"]: {tuple(p) for shape in f["geometry"]["coordinates"] for ring in shape for p in ring}
                 for f in maps._regions([unit_feature(code, polygon) for code, polygons in units.items()
                                         for polygon in polygons])}
    drawn = {f["id"]: {tuple(p) for shape in f["geometry"]["coordinates"] for ring in shape for p in ring}
             for f in maps.boundaries("region")["features"]}
    assert all(drawn[code] <= dissolved[code] for code in dissolved)
    assert sum(map(len, drawn.values())) < sum(map(len, dissolved.values())) / 2
    # A point two regions share is kept by both or by neither: their common border still meets.
    owners = Counter(point for points in dissolved.values() for point in points)
    shared = [point for point, n in owners.items() if n > 1]
    assert len(shared) > 1000
    for point in shared:
        assert len({point in drawn[code] for code in dissolved if point in dissolved[code]}) == 1, point
