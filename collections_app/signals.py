"""Keep derived data true when Wagtail changes the tree behind a model's back."""

from django.db.models.signals import post_save
from wagtail.signals import post_page_move


def update_relic_museum(sender, instance, parent_page_after, **kwargs):
    """A moved relic belongs to its new museum (Wagtail's move saves a plain Page)."""
    from collections_app.models import RelicPage

    RelicPage.objects.filter(path__startswith=instance.path).update(museum_id=parent_page_after.pk)


def set_up_permissions(sender, instance, created, raw=False, **kwargs):
    """A new museum gets its groups, collection and workflow; a new exhibition index its workflow."""
    if not created or raw:
        return
    from collections_app import permissions
    from collections_app.models import ExhibitionIndexPage, HomePage, MuseumPage

    if isinstance(instance, MuseumPage):
        permissions.setup_museum(instance)
    elif isinstance(instance, ExhibitionIndexPage):
        permissions.setup_exhibition_index(instance)
    elif isinstance(instance, HomePage):
        permissions.setup_site(instance)


def connect():
    from collections_app.models import ExhibitionIndexPage, HomePage, MuseumPage, RelicPage

    post_page_move.connect(update_relic_museum, sender=RelicPage, dispatch_uid="relic_museum_on_move")
    for model in (MuseumPage, ExhibitionIndexPage, HomePage):
        post_save.connect(set_up_permissions, sender=model, dispatch_uid=f"permissions_{model.__name__}")
