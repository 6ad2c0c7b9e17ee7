"""Keep derived data true when Wagtail changes the tree behind a model's back."""

from wagtail.signals import post_page_move


def update_relic_museum(sender, instance, parent_page_after, **kwargs):
    """A moved relic belongs to its new museum (Wagtail's move saves a plain Page)."""
    from collections_app.models import RelicPage

    RelicPage.objects.filter(path__startswith=instance.path).update(museum_id=parent_page_after.pk)


def connect():
    from collections_app.models import RelicPage

    post_page_move.connect(update_relic_museum, sender=RelicPage, dispatch_uid="relic_museum_on_move")
