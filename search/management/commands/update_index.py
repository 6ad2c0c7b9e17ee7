"""`update_index`: Wagtail's search index (admin search, API), then the portal's own (`search/`)."""

from wagtail.search.management.commands.update_index import Command as WagtailUpdateIndex

from search import indexer


class Command(WagtailUpdateIndex):
    def handle(self, **options):
        super().handle(**options)
        count = indexer.rebuild()
        indexer.tidy()
        self.stdout.write(f"Portal search: {count} public relics, exhibitions and museums indexed.")
