"""Keep derived data true when Wagtail changes the tree behind a model's back.

Imported from `CollectionsAppConfig.ready()`, once the models are loaded.
"""

from django.db.models.signals import post_delete, post_migrate, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from collections_app import indexing, permissions, tree
from collections_app.models import ExhibitionIndexPage, ExhibitionPage, HomePage, MuseumPage, RelicPage
from portal import cache


def update_relic_museum(sender, instance, parent_page_after, **kwargs):
    """A moved relic belongs to its new museum (Wagtail's move saves a plain Page), and the
    exhibitions showing it take part with the new museum."""
    moved = RelicPage.objects.filter(path__startswith=instance.path)
    moved.update(museum_id=parent_page_after.pk)
    for exhibition in ExhibitionPage.objects.filter(relics__in=moved).distinct():
        exhibition.sync_links()


def set_up_permissions(sender, instance, created, raw=False, **kwargs):
    """A new museum gets its groups, collection and workflow; a new exhibition index its workflow."""
    if not created or raw:
        return
    if isinstance(instance, MuseumPage):
        permissions.setup_museum(instance, ExhibitionIndexPage.objects.all())
    elif isinstance(instance, ExhibitionIndexPage):
        permissions.setup_exhibition_index(instance, MuseumPage.objects.select_related("editors_group"))
    elif isinstance(instance, HomePage):
        permissions.setup_site(instance)


def sync_permissions():
    """Every museum, exhibition index and site-wide group brought up to date (`sync_permissions`, `load_demo`)."""
    permissions.sync_permissions(
        homes=HomePage.objects.all(),
        museums=MuseumPage.objects.order_by("path"),
        exhibition_indexes=ExhibitionIndexPage.objects.all(),
    )


def create_page_indexes(sender, using="default", **kwargs):
    """Index every language's slug column after each migrate (wagtail-modeltranslation adds none),
    and the search index's title norms (collections_app/indexing.py)."""
    tree.ensure_page_indexes(using)
    indexing.ensure_search_indexes()


def connect(app_config):
    # Anything cached from the published site is stale once it changes (portal/cache.py).
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(cache.bump, dispatch_uid=f"portal_cache_{signal}")
    post_delete.connect(cache.bump, sender=Page, dispatch_uid="portal_cache_page_delete")
    # A view restriction changes what `visible()` lets through without any publication.
    for signal in (post_save, post_delete):
        signal.connect(cache.bump, sender=PageViewRestriction, dispatch_uid=f"portal_cache_restriction_{signal}")
    post_migrate.connect(create_page_indexes, sender=app_config, dispatch_uid="portal_page_indexes")
    post_page_move.connect(update_relic_museum, sender=RelicPage, dispatch_uid="relic_museum_on_move")
    for model in (MuseumPage, ExhibitionIndexPage, HomePage):
        post_save.connect(set_up_permissions, sender=model, dispatch_uid=f"permissions_{model.__name__}")
