#!/usr/bin/env python3
"""Draw the search page's map of Eurasia from Natural Earth country shapes, served by the site itself.

Reads the TopoJSON of the `world-atlas` npm package (Natural Earth, 1:110m,
public domain), decodes its arcs, keeps the countries that reach into the
map's frame and projects them (equirectangular, 10 units a degree) into SVG
path data, written to build/static/search/eurasia.json. `search/geo.py`
projects the find spots with the same numbers. No tile server, no request
leaves the site. Without node_modules it writes no outlines; the map then
shows the find spots on a plain ground.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "node_modules" / "world-atlas" / "countries-110m.json"
TARGET = ROOT / "build" / "static" / "search" / "eurasia.json"

# The frame, in degrees; keep in step with search/geo.py.
WEST, EAST, SOUTH, NORTH = 20.0, 150.0, 0.0, 75.0
SCALE = 10.0


def project(lon: float, lat: float) -> tuple[float, float]:
    return (lon - WEST) * SCALE, (NORTH - lat) * SCALE


def decode_arcs(topology) -> list[list[tuple[float, float]]]:
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring(indexes, arcs) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        points.extend(arc if not points else arc[1:])
    # The far east of Russia crosses the antimeridian: keep it east of 180° rather than across the map.
    return [(lon + 360 if lon < -100 else lon, lat) for lon, lat in points]


def polygons(geometry) -> list[list[list[int]]]:
    if geometry["type"] == "Polygon":
        return [geometry["arcs"]]
    if geometry["type"] == "MultiPolygon":
        return geometry["arcs"]
    return []


def in_frame(points) -> bool:
    return any(WEST - 5 <= lon <= EAST + 5 and SOUTH - 5 <= lat <= NORTH + 5 for lon, lat in points)


def path(rings) -> str:
    parts = []
    for points in rings:
        coordinates = " ".join(f"{x:.0f},{y:.0f}" for x, y in (project(lon, lat) for lon, lat in points))
        parts.append(f"M{coordinates}Z")
    return "".join(parts)


def main() -> int:
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    frame = {"width": (EAST - WEST) * SCALE, "height": (NORTH - SOUTH) * SCALE}
    if not SOURCE.exists():
        TARGET.write_text(json.dumps({**frame, "countries": []}))
        print("world-atlas not installed (npm ci): the search map has no country outlines.", file=sys.stderr)
        return 0
    topology = json.loads(SOURCE.read_text(encoding="utf-8"))
    arcs = decode_arcs(topology)
    countries = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        rings = [ring(indexes, arcs) for polygon in polygons(geometry) for indexes in polygon]
        rings = [points for points in rings if in_frame(points)]
        if rings:
            countries.append({"id": geometry.get("id", ""), "d": path(rings)})
    TARGET.write_text(json.dumps({**frame, "countries": countries}), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
