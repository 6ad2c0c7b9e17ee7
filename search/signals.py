"""Keep the search index in step with the published site. Imported from `SearchConfig.ready()`."""

from django.db import connection
from django.db.models.signals import post_delete, post_migrate, post_save
from wagtail.models import PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move, published

from portal import cache
from search import indexer
from search.query import LEXEMES


def page_changed(sender, instance, **kwargs):
    indexer.index_page(instance)


def page_moved(sender, instance, **kwargs):
    from wagtail.models import Page

    indexer.index_pages(Page.objects.descendant_of(instance, inclusive=True).specific().iterator())


def restriction_changed(sender, instance, **kwargs):
    """A view restriction hides (or, removed, shows) a page and everything below it: `visible()` decides again."""
    from wagtail.models import Page

    page = Page.objects.filter(pk=instance.page_id).first()  # gone when the page itself was deleted
    if page is not None:
        indexer.index_pages(Page.objects.descendant_of(page, inclusive=True).specific().iterator())
    cache.bump()


def term_published(sender, instance, **kwargs):
    """A vocabulary name is part of the documents of the relics that use it, and of the suggestions."""
    indexer.index_pages(indexer.relics_using(instance))
    cache.bump()


def create_indexes(sender, using="default", **kwargs):
    """PostgreSQL: per site language, a GIN index over the terms as lexemes, taken as they are (no parser, no
    dictionary: `search/text.py` made them), which `query.py` matches with `'term':*` prefixes, and one over
    the stems. Partial indexes, because every search reads one language: at 100,000 relics, intersecting a
    whole-table GIN lookup with the language's rows cost more than the lookup itself."""
    from collections_app.languages import language_codes

    if connection.vendor != "postgresql":
        return
    table = "portal_search_searchdocument"
    with connection.cursor() as cursor:
        cursor.execute("DROP INDEX IF EXISTS portal_search_terms_gin")  # the whole-table indexes of 0001
        cursor.execute("DROP INDEX IF EXISTS portal_search_stems_gin")
        for code in language_codes():
            suffix = code.replace("-", "_")
            # Names and codes come from the language table; nothing from a request is formatted in.
            cursor.execute(
                f"CREATE INDEX IF NOT EXISTS portal_search_terms_{suffix} ON {table} USING gin ({LEXEMES}) "
                "WHERE language = %s",
                [code],
            )
            cursor.execute(
                f"CREATE INDEX IF NOT EXISTS portal_search_stems_{suffix} ON {table} USING gin (stems) "
                "WHERE language = %s",
                [code],
            )


def connect(app_config):
    from collections_app.models import VOCABULARIES

    page_published.connect(page_changed, dispatch_uid="search_on_publish")
    page_unpublished.connect(page_changed, dispatch_uid="search_on_unpublish")
    post_page_move.connect(page_moved, dispatch_uid="search_on_move")
    for signal in (post_save, post_delete):
        signal.connect(restriction_changed, sender=PageViewRestriction, dispatch_uid=f"search_on_restriction_{signal}")
    for model in VOCABULARIES:
        published.connect(term_published, sender=model, dispatch_uid=f"search_on_publish_{model.__name__}")
    post_migrate.connect(create_indexes, sender=app_config, dispatch_uid="search_gin_index")
