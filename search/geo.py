"""The map and the timeline of a search: where the matching relics were found, and when they were made.

Both are drawn on the server as SVG whose marks are links that filter the same
search (`place=`, `year_from=`/`year_to=`), so they work without JavaScript,
by keyboard, and have a list equivalent in the page. The country outlines come
from `scripts/build_map.py` (Natural Earth via the world-atlas npm package).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache

from django.conf import settings

# The map's frame, as in scripts/build_map.py.
WEST, EAST, SOUTH, NORTH = 20.0, 150.0, 0.0, 75.0
SCALE = 10.0
#: Timeline bucket widths in years, the first that gives at most MAX_BUCKETS bars is used.
WIDTHS = (25, 50, 100, 250, 500, 1000, 2500)
MAX_BUCKETS = 32


@cache
def outlines() -> dict:
    path = settings.BUILD_STATIC / "search" / "eurasia.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {"width": (EAST - WEST) * SCALE, "height": (NORTH - SOUTH) * SCALE, "countries": []}


@dataclass(frozen=True)
class Spot:
    place_id: int
    name: str
    count: int
    x: float
    y: float
    radius: float


def spots(counts: dict[int, int]) -> list[Spot]:
    """The find spots of the matching relics that have coordinates inside the frame, from the `place` counts of
    `query.overview`."""
    from collections_app.models import Place

    found = []
    places = Place.objects.filter(pk__in=list(counts), latitude__isnull=False, longitude__isnull=False)
    for place in places.order_by("pk"):
        lon, lat = float(place.longitude), float(place.latitude)
        if not (WEST <= lon <= EAST and SOUTH <= lat <= NORTH):
            continue
        count = counts[place.pk]
        x, y = (lon - WEST) * SCALE, (NORTH - lat) * SCALE
        found.append(
            Spot(place.pk, str(place), count, round(x, 1), round(y, 1), round(7 + 4 * min(count, 16) ** 0.5, 1))
        )
    return found


@dataclass(frozen=True)
class Bucket:
    start: int
    end: int
    count: int
    height: float


def timeline(datings: list[tuple[int, int | None, int]]) -> list[Bucket]:
    """Counts of matching relics whose year range overlaps each period, from the datings of `query.overview`.

    A relic without an end year counts in the periods from its start year on, as the `year_from` filter reads it.
    """
    if not datings:
        return []
    first = min(start for start, _end, _count in datings)
    last = max(start if end is None else max(start, end) for start, end, _count in datings)
    width = next((w for w in WIDTHS if (last - first) // w + 1 <= MAX_BUCKETS), WIDTHS[-1])
    edges = list(range(first - first % width, last + 1, width))
    counts = [
        sum(
            count
            for start, end, count in datings
            if start <= edge + width - 1 and (end >= edge if end is not None else start >= edge)
        )
        for edge in edges
    ]
    peak = max(counts) or 1
    return [
        Bucket(edge, edge + width - 1, count, round(100 * count / peak, 1))
        for edge, count in zip(edges, counts, strict=True)
    ]
