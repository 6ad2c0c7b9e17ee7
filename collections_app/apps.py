from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CollectionsAppConfig(AppConfig):
    """The alliance's collection: museums, relics, exhibitions and vocabularies."""

    name = "collections_app"
    verbose_name = _("Collections")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from collections_app import indexing, signals, tree
        from collections_app.models import BasePage

        signals.connect(self)
        indexing.localize_search_fields()
        tree.use_indexed_tree_queries([model for model in self.get_models() if issubclass(model, BasePage)])
