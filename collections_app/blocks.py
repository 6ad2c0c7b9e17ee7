"""StreamField blocks of exhibition narratives and standard pages.

Relic cards and grids store only the relic's page id, so they always show the
relic's current, published data in the visitor's language; an unpublished or
deleted relic simply drops out of the story rather than leaking a draft. They
are chosen with the relic chooser (staff_admin.exhibitions), which stores that
same id.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.images.blocks import ImageChooserBlock

from staff_admin.exhibitions import relic_chooser

RICH_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul", "h3", "h4"]

#: A relic, chosen among recent relics with thumbnail, museum and accession number; stored as its page id.
RelicChooserBlock = relic_chooser.get_block_class("RelicChooserBlock", module_path=__name__)
#: The fewest relics a grid shows once published (a single relic is a relic card).
GRID_MIN_RELICS = 2


class SectionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=200)
    text = blocks.RichTextBlock(label=_("Text"), features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "doc-full"
        label = _("Section")
        template = "blocks/section_block.html"
        description = _("A passage of the story, with an optional heading.")
        preview_value = {
            "heading": _("Along the caravan roads"),
            "text": "<p>"
            + str(_("Merchants, pilgrims and envoys carried objects and ideas between the oases."))
            + "</p>",
        }


class RelicCardValue(blocks.StructValue):
    @property
    def relic_ids(self) -> list[int]:
        relic = self.get("relic")
        return [relic.pk] if relic is not None else []


class RelicCardBlock(blocks.StructBlock):
    relic = RelicChooserBlock(label=_("Relic"))
    note = blocks.TextBlock(
        label=_("Curator's note"),
        required=False,
        help_text=_("Why this relic belongs here; its own title and image are shown automatically."),
    )

    class Meta:
        icon = "image"
        label = _("Relic card")
        template = "blocks/relic_card_block.html"
        value_class = RelicCardValue
        description = _("One relic with its image, title and museum, always up to date.")

    @property
    def relic_model(self):
        return self.child_blocks["relic"].model_class

    def get_preview_value(self):
        relic = self.relic_model.objects.visible().order_by("pk").first()
        return self.to_python({"relic": getattr(relic, "pk", None), "note": ""})


class RelicGridValue(blocks.StructValue):
    @property
    def relic_ids(self) -> list[int]:
        return [relic.pk for relic in self.get("relics") or [] if relic is not None]


class RelicGridBlock(blocks.StructBlock):
    """Several relics side by side.

    The least number of relics is checked in `clean()`, not with the ListBlock's
    `min_num`: the editor's script checks `min_num` as soon as a block is added,
    so a new grid (one empty slot) showed "The minimum number of items is 2"
    before the curator had chosen anything.
    """

    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=200)
    relics = blocks.ListBlock(RelicChooserBlock(label=_("Relic")), label=_("Relics"), max_num=24)

    class Meta:
        icon = "table"
        label = _("Relic grid")
        template = "blocks/relic_grid_block.html"
        value_class = RelicGridValue
        description = _("Several relics side by side, e.g. from different museums.")

    @property
    def relic_model(self):
        return self.child_blocks["relics"].child_block.model_class

    def get_preview_value(self):
        pks = list(self.relic_model.objects.visible().order_by("pk").values_list("pk", flat=True)[:3])
        return self.to_python({"heading": "", "relics": pks})

    def clean(self, value):
        value = super().clean(value)
        ids = [relic.pk for relic in value.get("relics") or [] if relic is not None]
        if len(ids) != len(set(ids)):
            raise StructBlockValidationError(
                block_errors={"relics": ValidationError(_("The same relic appears twice in this grid."))}
            )
        # A draft may be unfinished (Wagtail defers what is required when saving one); publishing may not.
        if len(ids) < GRID_MIN_RELICS and not self.is_deferred_validation:
            raise StructBlockValidationError(
                block_errors={
                    "relics": ValidationError(
                        ngettext(
                            "Choose at least %(count)d relic for a grid.",
                            "Choose at least %(count)d relics for a grid.",
                            GRID_MIN_RELICS,
                        )
                        % {"count": GRID_MIN_RELICS}
                    )
                }
            )
        return value


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alt text"),
        max_length=255,
        help_text=_("What the image shows, for readers who cannot see it."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=500)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "blocks/image_block.html"
        description = _("A large image with alt text and a caption.")

    def get_preview_value(self):
        image = self.child_blocks["image"].target_model.objects.order_by("pk").first()
        return self.to_python({"image": getattr(image, "pk", None), "alt_text": getattr(image, "default_alt_text", "")})


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quotation"))
    attribution = blocks.CharBlock(label=_("Attribution"), required=False, max_length=255)

    class Meta:
        icon = "openquote"
        label = _("Quotation")
        template = "blocks/quote_block.html"
        description = _("A quotation, with who said or wrote it.")
        preview_value = {
            "quote": _("The road is made by walking it."),
            "attribution": _("Proverb"),
        }


class NarrativeBlock(blocks.StreamBlock):
    """The body of an exhibition: text, relics, images and quotations, in any order."""

    section = SectionBlock()
    relic_card = RelicCardBlock()
    relic_grid = RelicGridBlock()
    image = ImageBlock()
    quote = QuoteBlock()


class StandardBodyBlock(blocks.StreamBlock):
    section = SectionBlock()
    image = ImageBlock()
    quote = QuoteBlock()


def relic_ids_in(stream_value) -> list[int]:
    """Ids of the relics a narrative places, in order of first appearance.

    Reads the stored JSON rather than the bound values, so finding them costs
    no query.
    """
    ids: list[int] = []

    def add(value):
        if isinstance(value, dict):  # ListBlock items are stored as {"type": "item", "value": id}
            value = value.get("value")
        if isinstance(value, int) and value not in ids:
            ids.append(value)

    for child in getattr(stream_value, "raw_data", None) or []:
        value = child.get("value") or {}
        if child.get("type") == "relic_card":
            add(value.get("relic"))
        elif child.get("type") == "relic_grid":
            for item in value.get("relics") or []:
                add(item)
    return ids
