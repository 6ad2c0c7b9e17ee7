"""`manage.py seed_relics --count N`: synthetic relics in bulk for the scale report and benchmarks."""

import time

from django.core.management.base import BaseCommand, CommandError

from collections_app.demo.seed import RelicSeeder


class Command(BaseCommand):
    help = (
        "Add N generated relics (accession numbers SEED-…) spread over the museums, through a bulk path "
        "that keeps the page tree, every language's slugs and URL paths and the search index valid. "
        "For benchmarks and scale tests only; needs the demo content (load_demo)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, required=True, help="How many relics to add.")
        parser.add_argument("--seed", type=int, default=1, help="Random seed (the same seed gives the same relics).")

    def handle(self, *args, count, seed, **options):
        if count < 0:
            raise CommandError("--count must be zero or more.")
        started = time.perf_counter()
        try:
            report = RelicSeeder(seed=seed).run(count)
        except ValueError as error:
            raise CommandError(str(error)) from error
        seconds = time.perf_counter() - started
        self.stdout.write(
            self.style.SUCCESS(
                f"Seeded {report.created} relics over {report.museums} museums in {seconds:.1f} s "
                f"({report.created / seconds if seconds else 0:.0f} relics/s)."
            )
        )
