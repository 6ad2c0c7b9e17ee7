"""Write a language's units for a CAT tool.

`export_translations --lang kk --format po|xliff [--museum SLUG | --exhibition SLUG] [--state missing,stale] -o FILE`
"""

from django.core.management.base import BaseCommand, CommandError

from translation_workspace import files
from translation_workspace.models import State
from translation_workspace.units import target_languages


class Command(BaseCommand):
    help = "Write one language's translation units to a PO or XLIFF 1.2 file for a CAT tool."

    def add_arguments(self, parser):
        parser.add_argument("--lang", required=True, choices=target_languages())
        parser.add_argument("--format", default="po", choices=sorted(files.FORMATS))
        scope = parser.add_mutually_exclusive_group()
        scope.add_argument("--museum", help="the museum's English slug")
        scope.add_argument("--exhibition", help="the exhibition's English slug")
        parser.add_argument("--state", default="", help="comma-separated: missing,stale,translated,reviewed")
        parser.add_argument("-o", "--output", required=True, help="file to write ('-' for standard output)")

    def handle(self, *args, lang, format, museum, exhibition, state, output, **options):
        from collections_app.models import ExhibitionPage, MuseumPage

        scope = {}
        if museum:
            scope["museum"] = MuseumPage.objects.filter(slug_en=museum).first()
            if scope["museum"] is None:
                raise CommandError(f"No museum with the slug “{museum}”.")
        if exhibition:
            scope["exhibition"] = ExhibitionPage.objects.filter(slug_en=exhibition).first()
            if scope["exhibition"] is None:
                raise CommandError(f"No exhibition with the slug “{exhibition}”.")
        states = [s for s in state.split(",") if s]
        unknown = [s for s in states if s not in State.values]
        if unknown:
            raise CommandError(f"Unknown state: {', '.join(unknown)} (use {', '.join(State.values)}).")
        data = files.export(lang, format, states=states, **scope)
        if output == "-":
            self.stdout.write(data.decode("utf-8"))
        else:
            with open(output, "wb") as handle:
                handle.write(data)
            self.stdout.write(f"Wrote {output}.")
