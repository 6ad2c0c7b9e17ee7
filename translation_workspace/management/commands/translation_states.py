"""Compute the translation state of existing content from its revision history (run once after upgrading)."""

from django.core.management.base import BaseCommand
from wagtail.models import Page

from translation_workspace import states


class Command(BaseCommand):
    help = "Compute every unit's translation state per language from the revisions of pages and vocabulary terms."

    def handle(self, *args, **options):
        from collections_app.models import VOCABULARIES

        count = 0
        for page in Page.objects.filter(depth__gt=1).specific().iterator(chunk_size=200):
            states.replay_history(page)
            count += 1
        for model in VOCABULARIES:
            for term in model.objects.all():
                states.replay_history(term)
                count += 1
        self.stdout.write(f"Translation states computed for {count} pages and terms.")
