"""Search at scale (`make bench-search`): query times at the demo size and with COUNT seeded relics.

Builds a throwaway database like `bench/scale.py` (SQLite, or the PostgreSQL
database named by BENCH_DATABASE_URL; `scripts/with-postgres` provides one),
loads the demo, seeds relics, rebuilds the portal's search index (timed) and
measures the search page — results, facets, map and timeline — and the API's
search for English, Russian and Chinese queries, with and without facets.
Reports median and 95th percentile in milliseconds, as JSON.

    scripts/with-postgres sh -c 'BENCH_DATABASE_URL=$DATABASE_URL .venv/bin/python bench/search.py --count 100000'
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.scale import configure, queries, timed  # noqa: E402


def targets():
    from django.test import Client

    from collections_app.models import MuseumPage

    client = Client()
    museum = MuseumPage.objects.order_by("path").first().pk

    def get(url):
        def fetch():
            response = client.get(url)
            assert response.status_code == 200, (url, response.status_code)

        return fetch

    return [
        ("en: bronze", get("/en/search/?q=bronze")),
        ("en: bronze mirror + museum + years", get(f"/en/search/?q=bronze+mirror&museum={museum}&year_from=-500")),
        ("ru: бронзовый", get("/ru/search/?q=%D0%B1%D1%80%D0%BE%D0%BD%D0%B7%D0%BE%D0%B2%D1%8B%D0%B9")),
        ("kk (fallback ru): бронза", get("/kk/search/?q=%D0%B1%D1%80%D0%BE%D0%BD%D0%B7%D0%B0")),
        ("zh-hans: 青铜", get("/zh-hans/search/?q=%E9%9D%92%E9%93%9C")),
        (
            "zh-hans: 青铜 + museum, sorted by date",
            get(f"/zh-hans/search/?q=%E9%9D%92%E9%93%9C&museum={museum}&sort=date"),
        ),
        ("browse all, faceted (no query)", get("/en/search/?q=")),
        ("API ?search=bronze&lang=ru", get("/api/v2/pages/?search=bronze&lang=ru&limit=20")),
        ("suggestions: bron", get("/en/search/suggest/?q=bron")),
    ]


def measure(repeat: int) -> dict:
    results = {}
    for name, function in targets():
        median, p95 = timed(function, repeat)
        results[name] = {"median_ms": round(median, 1), "p95_ms": round(p95, 1), "queries": queries(function)}
        print(f"  {name:45} {median:9.1f} ms  p95 {p95:9.1f} ms  {results[name]['queries']:3d} queries", flush=True)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100_000, help="relics to seed (default 100,000)")
    parser.add_argument("--repeat", type=int, default=20, help="timed requests per query")
    parser.add_argument("--json", type=Path, default=ROOT / "bench" / "results" / "search.json")
    parser.add_argument(
        "--workdir", type=Path, help="keep the media (and SQLite database) here instead of a temporary directory"
    )
    parser.add_argument(
        "--measure-only",
        action="store_true",
        help="measure a database an earlier run with --workdir left (migrated first), seeding nothing",
    )
    parser.add_argument("--reindex", action="store_true", help="with --measure-only: rebuild the search index first")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        workdir = args.workdir or Path(temporary)
        workdir.mkdir(parents=True, exist_ok=True)
        configure(workdir, os.environ.get("BENCH_DATABASE_URL"))
        from django.core.management import call_command
        from django.db import connection

        from search import indexer

        if args.measure_only:
            call_command("migrate", interactive=False, verbosity=0)
            report = {"database": connection.vendor, "machine": platform.machine(), "cpus": os.cpu_count()}
            if args.reindex:
                started = time.perf_counter()
                report["indexed_pages"] = indexer.rebuild()
                report["index_rebuild_seconds"] = round(time.perf_counter() - started, 1)
            indexer.tidy()
            report["large"] = measure(args.repeat)
            _write(args.json, report)
            return
        call_command("migrate", interactive=False, verbosity=0)
        call_command("load_demo", image_scale=0.1, verbosity=0)
        report = {"database": connection.vendor, "machine": platform.machine(), "cpus": os.cpu_count()}
        print(f"demo size ({connection.vendor}):", flush=True)
        report["demo"] = measure(args.repeat)
        started = time.perf_counter()
        call_command("seed_relics", count=args.count, verbosity=0)
        report["seed_seconds"] = round(time.perf_counter() - started, 1)
        started = time.perf_counter()
        report["indexed_pages"] = indexer.rebuild()
        report["index_rebuild_seconds"] = round(time.perf_counter() - started, 1)
        indexer.tidy()
        print(f"{args.count} seeded relics, index rebuilt in {report['index_rebuild_seconds']} s:", flush=True)
        report["large"] = measure(args.repeat)
        report["count"] = args.count
        _write(args.json, report)


def _write(path: Path, report: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(report, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
