"""The portal's image model: Wagtail's image plus the facts a museum must publish
with every picture (rights, creator/credit, whether it is an illustration).

Alt text and captions are translated and belong to the place an image is used
(a relic's gallery), because the same file can need different words there.
"""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.images.models import AbstractImage, AbstractRendition, Image, ImageQuerySet

from collections_app.models.exhibition import ExhibitionPage
from collections_app.models.museum import MuseumPage
from collections_app.models.relic import RelicImage, RelicPage
from collections_app.rights import rights_field


class CollectionImageQuerySet(ImageQuerySet):
    def publicly_shown(self):
        """Images the public site shows: galleries of public relics, heroes of public
        exhibitions, logos of public museums. A museum's other photographs stay private."""
        public_relics = RelicPage.objects.visible().values("pk")
        shown = (
            Q(pk__in=RelicImage.objects.filter(page__in=public_relics).values("image"))
            | Q(pk__in=ExhibitionPage.objects.visible().values("hero_image"))
            | Q(pk__in=MuseumPage.objects.visible().values("logo"))
        )
        return self.filter(shown)


class CollectionImage(AbstractImage):
    rights_uri = rights_field(help_text=_("Rights statement for this image file (not the object it shows)."))
    credit = models.CharField(
        _("credit"),
        max_length=255,
        blank=True,
        help_text=_("Photographer or maker of the image, as it must be credited."),
    )
    default_alt_text = models.CharField(
        _("default alt text"),
        max_length=255,
        blank=True,
        help_text=_("Used where no translated alt text is given in a gallery."),
    )
    is_illustration = models.BooleanField(
        _("illustration"),
        default=False,
        help_text=_("Tick when the image is a drawing or generated illustration, not a photograph of the object."),
    )

    admin_form_fields = (*Image.admin_form_fields, "rights_uri", "credit", "default_alt_text", "is_illustration")

    objects = CollectionImageQuerySet.as_manager()

    class Meta(AbstractImage.Meta):
        verbose_name = _("image")
        verbose_name_plural = _("images")


class CollectionRendition(AbstractRendition):
    image = models.ForeignKey(CollectionImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)
