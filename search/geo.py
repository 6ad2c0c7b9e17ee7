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
from django.db.models import Count, Max, Min, Q

from search.models import Kind

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


def spots(documents) -> list[Spot]:
    """The find spots of the matching relics that have coordinates inside the frame, with counts."""
    from collections_app.models import Place

    rows = (
        documents.filter(kind=Kind.RELIC, find_spot_id__isnull=False)
        .order_by()
        .values("find_spot_id")
        .annotate(n=Count("pk"))
    )
    counts = {row["find_spot_id"]: row["n"] for row in rows}
    found = []
    places = Place.objects.filter(pk__in=counts, latitude__isnull=False, longitude__isnull=False)
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


def timeline(documents) -> list[Bucket]:
    """Counts of matching relics whose year range overlaps each period, in one query per search."""
    relics = documents.filter(kind=Kind.RELIC, year_from__isnull=False).order_by()
    bounds = relics.aggregate(first=Min("year_from"), last=Max("year_to"), last_start=Max("year_from"))
    first, last = bounds["first"], bounds["last"] if bounds["last"] is not None else bounds["last_start"]
    if first is None or last is None:
        return []
    width = next((w for w in WIDTHS if (last - first) // w + 1 <= MAX_BUCKETS), WIDTHS[-1])
    start = first - first % width
    edges = list(range(start, last + 1, width))
    counts = relics.aggregate(
        **{
            f"b{i}": Count(
                "pk",
                filter=Q(year_from__lte=edge + width - 1)
                & (Q(year_to__gte=edge) | Q(year_to__isnull=True, year_from__gte=edge)),
            )
            for i, edge in enumerate(edges)
        }
    )
    peak = max(counts.values()) or 1
    return [
        Bucket(edge, edge + width - 1, counts[f"b{i}"], round(100 * counts[f"b{i}"] / peak, 1))
        for i, edge in enumerate(edges)
    ]
