"""Keep the search index in step with the published site. Imported from `SearchConfig.ready()`."""

from django.db import connection
from django.db.models.signals import post_migrate
from wagtail.signals import page_published, page_unpublished, post_page_move, published

from portal import cache
from search import indexer
from search.query import LEXEMES


def page_changed(sender, instance, **kwargs):
    indexer.index_page(instance)


def page_moved(sender, instance, **kwargs):
    from wagtail.models import Page

    indexer.index_pages(Page.objects.descendant_of(instance, inclusive=True).specific().iterator())


def term_published(sender, instance, **kwargs):
    """A vocabulary name is part of the documents of the relics that use it, and of the suggestions."""
    indexer.index_pages(indexer.relics_using(instance))
    cache.bump()


def create_indexes(sender, using="default", **kwargs):
    """PostgreSQL: a GIN index over the terms as lexemes, taken as they are (no parser, no dictionary:
    `search/text.py` made them), which `query.py` matches with `'term':*` prefixes; one over the stems."""
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute(
            f"CREATE INDEX IF NOT EXISTS portal_search_terms_gin ON portal_search_searchdocument USING gin ({LEXEMES})"
        )
        cursor.execute(
            "CREATE INDEX IF NOT EXISTS portal_search_stems_gin ON portal_search_searchdocument USING gin (stems)"
        )


def connect(app_config):
    from collections_app.models import VOCABULARIES

    page_published.connect(page_changed, dispatch_uid="search_on_publish")
    page_unpublished.connect(page_changed, dispatch_uid="search_on_unpublish")
    post_page_move.connect(page_moved, dispatch_uid="search_on_move")
    for model in VOCABULARIES:
        published.connect(term_published, sender=model, dispatch_uid=f"search_on_publish_{model.__name__}")
    post_migrate.connect(create_indexes, sender=app_config, dispatch_uid="search_gin_index")
