"""The map's outlines are simplified once before they are sent (civhub/maps.py): fewer points, the same map.

Hand-drawn fixtures show the rules; the shipped boundaries show that no area is lost, that no point is
invented and that both sides of every border keep the same points, so neighbours still meet.
"""

from __future__ import annotations

import json

from civhub import config, maps
from tests.geometry import inside

TOLERANCE = {"degrees": 0.002, "share": 0.02}


def feature(name: str, *rings: list) -> dict:
    geometry = {"type": "Polygon", "coordinates": list(rings)}
    return {"type": "Feature", "properties": {"name": name}, "geometry": geometry}


def rings_of(features: list[dict]) -> dict[str, list]:
    return {f["properties"]["name"]: f["geometry"]["coordinates"] for f in features}


def test_a_shared_border_loses_the_same_small_bend_on_both_sides():
    # Two unit squares side by side. Their common border x = 1 bends by 0.0001 at (1.0001, 0.5): under the
    # 0.002 tolerance, so both drop it. A's bottom side bends by 0.0001 too, at (0.5, 0.0001): dropped.
    # Each ring starts again at its first cut, the first point where the rings sharing its points change.
    left = feature("A", [[0, 0], [0.5, 0.0001], [1, 0], [1.0001, 0.5], [1, 1], [0, 1], [0, 0]])
    right = feature("B", [[1, 0], [2, 0], [2, 1], [1, 1], [1.0001, 0.5], [1, 0]])
    shapes = rings_of(maps.simplified([left, right], **TOLERANCE))
    assert shapes["A"] == [[[[1, 0], [1, 1], [0, 1], [0, 0], [1, 0]]]]
    assert shapes["B"] == [[[[1, 0], [2, 0], [2, 1], [1, 1], [1, 0]]]]


def test_a_bend_larger_than_the_tolerance_stays_on_both_sides():
    # The same squares with a bend of 0.01 (five times the tolerance) in their common border.
    left = feature("A", [[0, 0], [1, 0], [1.01, 0.5], [1, 1], [0, 1], [0, 0]])
    right = feature("B", [[1, 0], [2, 0], [2, 1], [1, 1], [1.01, 0.5], [1, 0]])
    shapes = rings_of(maps.simplified([left, right], **TOLERANCE))
    assert [1.01, 0.5] in shapes["A"][0][0] and [1.01, 0.5] in shapes["B"][0][0]


def test_an_enclave_and_its_hole_keep_the_same_points():
    # A 4 x 4 square with a hole that is exactly the enclave; the enclave's side y = 1 bends by 0.0001 at
    # (2, 1.0001). No point of the hole is shared with any other ring, so the hole and the enclave are cut
    # at their least point (1, 1) and the point farthest from it (3, 3); both drop the bend.
    hole = [[1, 1], [1, 3], [3, 3], [3, 1], [2, 1.0001], [1, 1]]
    outer = feature("outer", [[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]], hole)
    enclave = feature("enclave", [[2, 1.0001], [3, 1], [3, 3], [1, 3], [1, 1], [2, 1.0001]])
    shapes = rings_of(maps.simplified([outer, enclave], **TOLERANCE))
    kept_hole, kept_enclave = shapes["outer"][0][1], shapes["enclave"][0][0]
    assert {tuple(p) for p in kept_hole} == {tuple(p) for p in kept_enclave} == {(1, 1), (1, 3), (3, 3), (3, 1)}
    assert shapes["outer"][0][0] == [[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]]


def test_a_tiny_islet_stays_whole():
    # A triangle 0.0005 across: every point is within the tolerance, yet it keeps all three.
    islet = feature("islet", [[25.0, 37.0], [25.0005, 37.0], [25.0, 37.0005], [25.0, 37.0]])
    assert rings_of(maps.simplified([islet], **TOLERANCE))["islet"] == [[[[25.0, 37.0], [25.0005, 37.0],
                                                                          [25.0, 37.0005], [25.0, 37.0]]]]


def source_points(name: str) -> dict[str, set[tuple]]:
    with open(config.REFERENCE_DIR / name, encoding="utf-8") as handle:
        features = json.load(handle)["features"]
    points = {}
    for f in features:
        geometry = f["geometry"]
        polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
        points[f["properties"]["elstat_code_2011"]] = {tuple(p) for polygon in polygons for r in polygon for p in r}
    return points


def drawn_points(feature: dict) -> set[tuple]:
    return {tuple(p) for polygon in feature["geometry"]["coordinates"] for ring in polygon for p in ring}


def test_the_municipalities_keep_every_area_and_border_with_far_fewer_points():
    source = source_points("municipalities.geojson")
    drawn = {f["id"]: f for f in maps.boundaries("municipality")["features"]}
    assert set(drawn) == set(source)
    kept = {code: drawn_points(f) for code, f in drawn.items()}
    # No point is invented, and the 2.2 MB of outlines shrink to well under half their points.
    assert all(kept[code] <= source[code] for code in source)
    assert sum(map(len, kept.values())) < sum(map(len, source.values())) / 2
    for f in drawn.values():
        for polygon in f["geometry"]["coordinates"]:
            for ring in polygon:
                assert len(ring) >= 4 and ring[0] == ring[-1]
    # A point two municipalities share in the file is kept by both or by neither: their border still meets.
    owners: dict[tuple, list[str]] = {}
    for code, points in source.items():
        for point in points:
            owners.setdefault(point, []).append(code)
    for point, codes in owners.items():
        if len(codes) > 1:
            assert len({point in kept[code] for code in codes}) == 1, (point, codes)


def test_a_town_is_still_inside_its_municipality():
    # The town of Grevena (21.427 E, 40.084 N) is in the municipality of Grevena (1501), not in its neighbours.
    drawn = {f["id"]: f for f in maps.boundaries("municipality")["features"]}
    holding = [code for code, f in drawn.items()
               if any(inside((21.427, 40.084), polygon[0]) for polygon in f["geometry"]["coordinates"])]
    assert holding == ["1501"]
