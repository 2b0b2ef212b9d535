"""Writes rasad/api/static/syria.geojson: Syria's governorates, simplified for the dashboard.

Source: OCHA's Syria admin-1 boundaries (syr_admbnda_adm1_uncs_unocha, via the Humanitarian
Data Exchange), CC BY-IGO 3.0. Each ring is simplified with Douglas-Peucker and coordinates
are rounded, which takes the file from about 1.1 MB to a few tens of KB: enough for a country
map, not for deciding which side of a boundary a village lies on (the gazetteer does that).
Each governorate's ``label`` is where the map writes its name (``label_point``).

    python scripts/build_boundaries.py [SOURCE] [--tolerance 0.004]
"""

from __future__ import annotations

import argparse
import json
import math
from itertools import pairwise
from pathlib import Path

SOURCE = Path("/work/shared/data/gazetteer/syr_admbnda_adm1_uncs_unocha.json")
TARGET = Path(__file__).resolve().parent.parent / "rasad" / "api" / "static" / "syria.geojson"
ATTRIBUTION = "Boundaries: OCHA, syr_admbnda_adm1_uncs_unocha (HDX), CC BY-IGO 3.0"

Point = tuple[float, float]


def simplify(points: list[Point], tolerance: float) -> list[Point]:
    """The points Douglas-Peucker keeps of the polyline ``points`` at ``tolerance`` degrees."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    # An explicit stack: rings of thousands of points would overflow recursion.
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (x1, y1), (x2, y2) = points[first], points[last]
        dx, dy = x2 - x1, y2 - y1
        norm = (dx * dx + dy * dy) ** 0.5
        farthest, index = 0.0, -1
        for i in range(first + 1, last):
            x, y = points[i]
            if norm:
                distance = abs(dy * x - dx * y + x2 * y1 - y2 * x1) / norm
            else:
                distance = ((x - x1) ** 2 + (y - y1) ** 2) ** 0.5
            if distance > farthest:
                farthest, index = distance, i
        if farthest > tolerance:
            keep[index] = True
            stack += [(first, index), (index, last)]
    return [p for p, kept in zip(points, keep, strict=True) if kept]


def simplify_ring(ring: list[list[float]], tolerance: float) -> list[list[float]] | None:
    """The simplified closed ring, or None when too little of it is left to draw."""
    points = simplify([(x, y) for x, y, *_ in ring], tolerance)
    if len(points) < 4:
        return None
    return [[round(x, 4), round(y, 4)] for x, y in points]


def label_point(polygons: list[list[list[list[float]]]], steps: int = 24) -> list[float]:
    """Where a governorate's name goes: the point of its largest polygon farthest from every
    edge of it, holes included ([lon, lat], to 0.001 degree).

    Not the centroid: a ring such as Rural Damascus, around the enclave of Damascus, has its
    centroid near Damascus, and both names would be written on top of each other. A grid over
    the polygon is searched, then finer grids around the best point (a few hundred metres
    are enough for a label). Distances are in kilometres-like units: longitude scaled by the
    cosine of the latitude.
    """
    rings = max(polygons, key=lambda polygon: abs(_area(polygon[0])))
    xs = [x for x, _ in rings[0]]
    ys = [y for _, y in rings[0]]
    scale = math.cos(math.radians((min(ys) + max(ys)) / 2))
    edges = [
        ((x1 * scale, y1), (x2 * scale, y2))
        for ring in rings
        for (x1, y1), (x2, y2) in pairwise(ring)
    ]

    def depth(x: float, y: float) -> float:
        """How far (x, y) lies inside the polygon: negative outside it."""
        px = x * scale
        inside = False
        nearest = math.inf
        for (ax, ay), (bx, by) in edges:
            if (ay > y) != (by > y) and px < ax + (y - ay) * (bx - ax) / (by - ay):
                inside = not inside
            dx, dy = bx - ax, by - ay
            t = ((px - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy) if dx or dy else 0.0
            t = min(1.0, max(0.0, t))
            nearest = min(nearest, math.hypot(px - ax - t * dx, y - ay - t * dy))
        return nearest if inside else -nearest

    west, east, south, north = min(xs), max(xs), min(ys), max(ys)
    best = (-math.inf, (west + east) / 2, (south + north) / 2)
    while east - west > 0.002:
        for i in range(steps + 1):
            for j in range(steps + 1):
                x = west + (east - west) * i / steps
                y = south + (north - south) * j / steps
                best = max(best, (depth(x, y), x, y))
        # The next grid: two cells either side of the best point so far.
        _, x, y = best
        half_x, half_y = 2 * (east - west) / steps, 2 * (north - south) / steps
        west, east, south, north = x - half_x, x + half_x, y - half_y, y + half_y
    return [round(best[1], 3), round(best[2], 3)]


def _area(ring: list[list[float]]) -> float:
    return sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in pairwise(ring)) / 2


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", nargs="?", type=Path, default=SOURCE)
    parser.add_argument("--tolerance", type=float, default=0.004, help="degrees")
    args = parser.parse_args()
    collection = json.loads(args.source.read_text(encoding="utf-8"))
    features = []
    for feature in collection["features"]:
        geometry = feature["geometry"]
        polygons = geometry["coordinates"]
        if geometry["type"] == "Polygon":
            polygons = [polygons]
        kept = []
        for polygon in polygons:
            rings = [simplify_ring(ring, args.tolerance) for ring in polygon]
            if rings[0] is not None:
                kept.append([ring for ring in rings if ring is not None])
        properties = feature["properties"]
        features.append(
            {
                "type": "Feature",
                "properties": {
                    "pcode": properties["ADM1_PCODE"],
                    "name_en": properties["ADM1_EN"],
                    "name_ar": properties["ADM1_AR"],
                    "label": label_point(kept),
                },
                "geometry": {"type": "MultiPolygon", "coordinates": kept},
            }
        )
    features.sort(key=lambda f: f["properties"]["pcode"])
    out = {"type": "FeatureCollection", "attribution": ATTRIBUTION, "features": features}
    TARGET.write_text(
        json.dumps(out, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8"
    )
    print(f"{TARGET}: {len(features)} governorates, {TARGET.stat().st_size // 1024} KB")


if __name__ == "__main__":
    main()
