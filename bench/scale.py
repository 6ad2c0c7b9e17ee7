"""The scale report (`make scale`): every page type at the demo size and at 100,000 relics, in one run.

Builds a throwaway database (SQLite in a temporary directory, or the
PostgreSQL database named by BENCH_DATABASE_URL), migrates it, loads the demo
content, measures, grows it with `seed_relics`, and measures again. For each
page type it reports the median time of several requests through Django's
test client in this process (no network, no browser: the application's own
cost) and the number of SQL queries, and writes it all as JSON.

    .venv/bin/python bench/scale.py --count 100000 --json bench/results/scale.json
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import tempfile
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def configure(workdir: Path, database_url: str | None) -> None:
    # Static files are served from the finders here; there is no collected STATIC_ROOT to warn about.
    warnings.filterwarnings("ignore", message="No directory at")
    os.environ["DJANGO_SETTINGS_MODULE"] = "portal.settings.bench"
    os.environ["DATABASE_URL"] = database_url or f"sqlite:///{workdir / 'scale.sqlite3'}"
    os.environ["MEDIA_ROOT"] = str(workdir / "media")
    os.environ.setdefault("DEMO_PASSWORD", "bench-only-password")
    import django

    django.setup()


def timed(function, repeat: int) -> tuple[float, float]:
    """Median and 95th percentile in milliseconds (after two warm-up calls)."""
    for _ in range(2):
        function()
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        samples.append((time.perf_counter() - started) * 1000)
    samples.sort()
    return statistics.median(samples), samples[min(len(samples) - 1, int(len(samples) * 0.95))]


def queries(function) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as context:
        function()
    return len(context)


def targets():
    """(name, callable) for every page type and action measured, chosen the same way at every size."""
    from django.core.cache import cache
    from django.test import Client
    from django.utils import translation

    from collections_app.models import ExhibitionIndexPage, ExhibitionPage, MuseumIndexPage, MuseumPage, RelicPage

    client = Client()

    def get(url, expect=200, fresh=False):
        def fetch():
            if fresh:  # measure building it, not the cache
                cache.clear()
            response = client.get(url)
            assert response.status_code == expect, (url, response.status_code)
            return response

        return fetch

    def url(page, lang):
        with translation.override(lang):
            return page.url

    museum = MuseumPage.objects.order_by("path").first()
    biggest = max(MuseumPage.objects.all(), key=lambda candidate: candidate.relics.count()).pk
    relics = museum.relics.visible()
    count = relics.count()
    middle = relics.order_by("path")[count // 2]
    last_page = max(1, (count + 23) // 24)
    exhibition = ExhibitionPage.objects.visible().order_by("path").first()
    total = RelicPage.objects.visible().count()
    api_relics = "/api/v2/pages/?type=collections_app.RelicPage&limit=20"
    items = [
        ("home /ru/", get("/ru/")),
        ("museum index", get(url(MuseumIndexPage.objects.first(), "ru"))),
        ("museum page, first listing page", get(url(museum, "ru"))),
        ("museum page, last listing page", get(f"{url(museum, 'ru')}?page={last_page}")),
        ("museum page, ?sort=title", get(f"{url(museum, 'kk')}?sort=title")),
        ("relic page (kk, with fallbacks)", get(url(middle, "kk"))),
        ("relic page, mistyped slug (404)", get(url(museum, "ru") + "no-such-relic/", expect=404)),
        ("exhibition index", get(url(ExhibitionIndexPage.objects.first(), "ru"))),
        ("exhibition page", get(url(exhibition, "ru"))),
        ("sitemap index /sitemap.xml", get("/sitemap.xml", fresh=True)),
        ("sitemap part: largest museum, ru", get(f"/sitemaps/museum-{biggest}/ru/1.xml", fresh=True)),
        ("robots.txt", get("/robots.txt")),
        ("API relic list", get(api_relics)),
        ("API relic list, deep offset", get(f"{api_relics}&offset={max(0, min(total, 10000) - 20)}")),
        ("API search ?search=bronze", get("/api/v2/pages/?search=bronze&limit=20")),
    ]

    def publish():
        relic = RelicPage.objects.get(pk=middle.pk)
        relic.title_uz = f"Nashr {time.perf_counter_ns()}"
        relic.save_revision().publish()

    items.append(("save and publish one relic", publish))
    return items


def measure(repeat: int) -> dict:
    results = {}
    for name, function in targets():
        median, p95 = timed(function, repeat)
        results[name] = {"median_ms": round(median, 1), "p95_ms": round(p95, 1), "queries": queries(function)}
        print(f"  {name:40} {median:9.1f} ms  {results[name]['queries']:4d} queries", flush=True)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100_000, help="relics to seed (default 100,000)")
    parser.add_argument("--repeat", type=int, default=10, help="timed requests per page type (median reported)")
    parser.add_argument("--json", type=Path, default=ROOT / "bench" / "results" / "scale.json")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="portal-scale-") as workdir:
        configure(Path(workdir), os.environ.get("BENCH_DATABASE_URL"))
        from django.core.management import call_command
        from django.db import connection

        from collections_app.models import RelicPage

        call_command("migrate", interactive=False, verbosity=0)
        call_command("load_demo", image_scale=0.1, verbosity=0)
        small = RelicPage.objects.count()
        print(f"Demo size: {small} relics ({connection.vendor})", flush=True)
        at_demo = measure(args.repeat)

        started = time.perf_counter()
        call_command("seed_relics", count=args.count, verbosity=0)
        seeding = time.perf_counter() - started
        large = RelicPage.objects.count()
        print(f"Seeded {args.count} relics in {seeding:.0f} s; now {large} relics", flush=True)
        at_scale = measure(args.repeat)

    rows = []
    print(f"\n{'page':40} {'demo ms':>9} {'scale ms':>9} {'ratio':>6} {'queries':>9}")
    for name, small_result in at_demo.items():
        big = at_scale[name]
        ratio = big["median_ms"] / small_result["median_ms"] if small_result["median_ms"] else 0
        rows.append({"page": name, "demo": small_result, "scale": big, "ratio": round(ratio, 2)})
        print(
            f"{name:40} {small_result['median_ms']:9.1f} {big['median_ms']:9.1f} {ratio:6.2f} "
            f"{small_result['queries']:4d}→{big['queries']:<4d}"
        )
    report = {
        "relics": {"demo": small, "scale": large},
        "seeding_seconds": round(seeding, 1),
        "seeding_relics_per_second": round(args.count / seeding) if seeding else None,
        "database": connection.vendor,
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count(), "platform": platform.platform()},
        "pages": rows,
    }
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"\nWritten {args.json}")


if __name__ == "__main__":
    main()
