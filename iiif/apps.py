from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IIIFConfig(AppConfig):
    """The IIIF Image API 3.0 server for the images the public site shows (iiif/views.py)."""

    name = "iiif"
    label = "iiif"
    verbose_name = _("IIIF")
    default_auto_field = "django.db.models.BigAutoField"
