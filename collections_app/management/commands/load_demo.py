from django.core.management.base import BaseCommand, CommandError

from collections_app.demo.loader import DemoDataError, DemoLoader
from portal.env import env_str


class Command(BaseCommand):
    help = "Load the demo museums, relics, exhibitions and accounts. Safe to run again: creates only what is missing."

    def add_arguments(self, parser):
        parser.add_argument(
            "--image-scale",
            type=float,
            default=1.0,
            help="Scale the generated illustrations (1.0 = full size, some 4,800 px; tests use less).",
        )

    def handle(self, *args, image_scale, **options):
        if not 0 < image_scale <= 1:
            raise CommandError("--image-scale must be in (0, 1].")
        password = env_str("DEMO_PASSWORD")
        try:
            report = DemoLoader(image_scale=image_scale, password=password).run()
        except DemoDataError as error:
            raise CommandError(f"Demo data is inconsistent, nothing was loaded: {error}") from error
        if report.created:
            summary = ", ".join(f"{count} {kind}" for kind, count in sorted(report.created.items()))
            self.stdout.write(self.style.SUCCESS(f"Demo content created: {summary}."))
        else:
            self.stdout.write("Demo content already loaded; nothing to do.")
        if report.password:
            self.stdout.write(
                self.style.WARNING(
                    "Demo accounts (admin, curator, editor-<museum>, translator-<language>) "
                    f"were created with the password: {report.password}\n"
                    "It is shown only this once; set DEMO_PASSWORD to choose your own."
                )
            )
