"""The admin's image form, kept apart from `forms.py`: Wagtail's image forms need the
models loaded, and the page forms are imported while the models load."""

from django.utils.translation import gettext_lazy as _
from wagtail.images.forms import BaseImageForm

from collections_app.permissions import may_change_published_media


class CollectionImageForm(BaseImageForm):
    """The image edit form (WAGTAILIMAGES_IMAGE_FORM_BASE): public images change only by those who publish.

    Image metadata (file, title, credit, rights, default alt text) has no
    drafts in Wagtail: a change is live at once on every page that shows the
    image. An editor may still correct the images they uploaded until the
    public site shows one; after that, the museum's moderators (or curators)
    change it, as they approve everything else that goes live.
    """

    def __init__(self, *args, **kwargs):
        self.user = kwargs.get("user")
        super().__init__(*args, **kwargs)
        if "default_alt_text" in self.fields:
            # Which alt text readers get: see the relic gallery's own help (collections_app/models/relic.py).
            self.fields["default_alt_text"].help_text = _(
                "A plain description of the image, in English. It is never shown to readers by itself: "
                "choosing the image for a relic's gallery starts that row's English alt text with it, and "
                "readers get the row's alt text, in their language."
            )

    def clean(self):
        cleaned = super().clean()
        image = self.instance
        if (
            image.pk
            and self.user is not None
            and self.has_changed()
            and not may_change_published_media(self.user, image)
            and type(image)._default_manager.publicly_shown().filter(pk=image.pk).exists()
        ):
            # On the first changed field: Wagtail's image form shows no form-wide errors.
            self.add_error(
                self.changed_data[0],
                _(
                    "This image is on the public site, so a change would be published at once. "
                    "Ask your museum's moderators to change it."
                ),
            )
        return cleaned
