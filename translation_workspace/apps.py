from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TranslationWorkspaceConfig(AppConfig):
    name = "translation_workspace"
    verbose_name = _("Translations")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from translation_workspace import signals

        signals.connect()
