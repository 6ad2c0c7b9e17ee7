"""A relic (collection object) and its image gallery."""

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.db.models import F, Prefetch, Q
from django.utils import timezone, translation
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Orderable, PageManager
from wagtail.search import index

from collections_app.forms import PortalPageForm
from collections_app.l10n import format_date, format_year_range
from collections_app.languages import shown_language
from collections_app.listings import localized_order
from collections_app.models.base import BasePage, PortalPageQuerySet
from collections_app.models.vocabularies import validate_year_range
from collections_app.panels import PortalInlinePanel
from collections_app.rights import RightsStatement, rights_field
from collections_app.serializers import GalleryField, TermField, TermListField
from staff_admin.cataloguing import AccessionNumberPanel, TermCheckboxes

language_tag_validator = RegexValidator(
    r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$",
    _("Enter a language tag such as “zh-hans”, “fa” or “sog”."),
)
_positive = [MinValueValidator(0)]

# Sort keys a visitor can choose on a museum's relic list: key → (label, ordering).
RELIC_SORTS = {
    "date": (_("Date, oldest first"), lambda: [F("earliest_year").asc(nulls_last=True), "accession_number", "pk"]),
    "-date": (_("Date, newest first"), lambda: [F("latest_year").desc(nulls_last=True), "accession_number", "pk"]),
    "title": (_("Title"), lambda: [localized_order("title"), "pk"]),
    "number": (_("Accession number"), lambda: ["accession_number", "pk"]),
    "recent": (_("Recently added"), lambda: [F("first_published_at").desc(nulls_last=True), "pk"]),
}
DEFAULT_RELIC_SORT = "date"


def relic_sort(key: str | None) -> str:
    """The visitor's sort key, or the default for an unknown one."""
    return key if key in RELIC_SORTS else DEFAULT_RELIC_SORT


class RelicPageQuerySet(PortalPageQuerySet):
    def cards(self):
        """Relics with everything a card shows: museum, culture, first image and its renditions,
        in a fixed number of queries however many relics are listed."""
        images = RelicImage.objects.select_related("image").prefetch_related("image__renditions")
        return self.select_related("museum", "culture").prefetch_related(Prefetch("gallery_images", queryset=images))

    def sorted_by(self, key: str | None):
        """In the order a visitor chose (see RELIC_SORTS); an unknown choice gives the default."""
        return self.order_by(*RELIC_SORTS[relic_sort(key)][1]())

    def with_accession_number(self, museum_id, number: str):
        """The museum's relics carrying this accession number (unique within a museum)."""
        return self.filter(museum_id=museum_id, accession_number=number)


class RelicPageForm(PortalPageForm):
    """Checks what needs the parent museum, which a new page does not know yet."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        rights = self.fields.get("rights_uri")
        if rights is not None and self.instance.pk is None and not rights.disabled:
            # A new relic's rights statement is chosen on purpose, never left at the model's
            # default ("Copyright Not Evaluated", which imports keep); existing relics keep theirs.
            rights.choices = [("", _("Choose the rights statement…")), *RightsStatement.choices]
            self.initial["rights_uri"] = ""

    def clean(self):
        cleaned = super().clean()
        accession = (cleaned.get("accession_number") or "").strip()
        museum = self.parent_page if self.instance.pk is None else self.instance.get_parent()
        if accession and museum is not None:
            clash = RelicPage.objects.with_accession_number(museum.pk, accession).exclude(pk=self.instance.pk)
            if clash.exists():
                self.add_error(
                    "accession_number",
                    # Translators: number is a museum inventory number such as "NM 7323".
                    _("This museum already has a relic with accession number %(number)s.") % {"number": accession},
                )
        return cleaned


class RelicPage(BasePage):
    """A collection object, published by the museum it belongs to (its parent page).

    `museum` repeats the parent so relics can be filtered, counted and kept
    unique per museum with plain indexed queries; it is set on every save and
    after a move, never by hand.
    """

    museum = models.ForeignKey(
        "collections_app.MuseumPage",
        verbose_name=_("museum"),
        null=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="relics",
    )
    accession_number = models.CharField(
        _("accession number"),
        max_length=64,
        help_text=_("The museum's inventory number, unique within the museum."),
    )
    original_title = models.CharField(
        _("original title"),
        max_length=255,
        blank=True,
        help_text=_("The object's name in its own language or script, if it has one."),
    )
    original_title_language = models.CharField(
        _("language of the original title"),
        max_length=35,
        blank=True,
        validators=[language_tag_validator],
        help_text=_("A language tag (BCP 47), e.g. “zh-hans”, “fa”, “sa”."),
    )
    object_type = models.ForeignKey(
        "collections_app.ObjectType",
        verbose_name=_("object type"),
        on_delete=models.PROTECT,
        related_name="relics",
    )
    culture = models.ForeignKey(
        "collections_app.Culture",
        verbose_name=_("culture or period"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="relics",
    )
    period_label = models.CharField(
        _("date"),
        max_length=255,
        blank=True,
        help_text=_("The date as a reader should see it, e.g. “Tang dynasty, 8th century”."),
    )
    earliest_year = models.IntegerField(
        _("earliest year"), null=True, blank=True, help_text=_("For sorting and filtering. Years BCE are negative.")
    )
    latest_year = models.IntegerField(
        _("latest year"), null=True, blank=True, help_text=_("For sorting and filtering. Years BCE are negative.")
    )
    materials = ParentalManyToManyField("collections_app.Material", verbose_name=_("materials"), blank=True)
    technique = models.CharField(_("technique"), max_length=255, blank=True)
    height_cm = models.DecimalField(
        _("height (cm)"), max_digits=8, decimal_places=2, null=True, blank=True, validators=_positive
    )
    width_cm = models.DecimalField(
        _("width (cm)"), max_digits=8, decimal_places=2, null=True, blank=True, validators=_positive
    )
    depth_cm = models.DecimalField(
        _("depth (cm)"), max_digits=8, decimal_places=2, null=True, blank=True, validators=_positive
    )
    diameter_cm = models.DecimalField(
        _("diameter (cm)"), max_digits=8, decimal_places=2, null=True, blank=True, validators=_positive
    )
    weight_kg = models.DecimalField(
        _("weight (kg)"), max_digits=10, decimal_places=3, null=True, blank=True, validators=_positive
    )
    dimensions_note = models.CharField(_("note on dimensions"), max_length=255, blank=True)
    find_spot = models.ForeignKey(
        "collections_app.Place",
        verbose_name=_("find spot"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="relics",
    )
    provenance = models.TextField(_("provenance"), blank=True)
    description = RichTextField(_("description"), blank=True, features=["bold", "italic", "link", "ol", "ul"])
    credit_line = models.CharField(_("credit line"), max_length=255, blank=True)
    rights_uri = rights_field(help_text=_("Rights statement for this object's record."))

    objects = PageManager.from_queryset(RelicPageQuerySet)()

    base_form_class = RelicPageForm
    summary_field = "description"
    og_type = "article"

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [
                AccessionNumberPanel("accession_number"),
                FieldRowPanel([FieldPanel("original_title"), FieldPanel("original_title_language")]),
                FieldRowPanel([FieldPanel("object_type"), FieldPanel("culture")]),
            ],
            heading=_("Identification"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("period_label"),
                FieldRowPanel([FieldPanel("earliest_year"), FieldPanel("latest_year")]),
            ],
            heading=pgettext_lazy("relic dating", "Date"),
        ),
        MultiFieldPanel(
            [FieldPanel("materials", widget=TermCheckboxes), FieldPanel("technique")],
            heading=_("Materials and technique"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("height_cm"), FieldPanel("width_cm"), FieldPanel("depth_cm")]),
                FieldRowPanel([FieldPanel("diameter_cm"), FieldPanel("weight_kg")]),
                FieldPanel("dimensions_note"),
            ],
            heading=_("Dimensions"),
        ),
        FieldPanel("description"),
        PortalInlinePanel(
            "gallery_images",
            label=_("Images"),
            heading=_("Image gallery"),
            help_text=_(
                "Readers of this relic's page get the alt text of each row, in their language (a language "
                "left empty falls back like the rest of the page). The image's own default alt text is never "
                "shown here: it only fills in the English alt text of a new row, as a start."
            ),
        ),
        MultiFieldPanel(
            [
                FieldPanel("find_spot"),
                FieldPanel("provenance"),
                FieldPanel("credit_line"),
                # Required for a draft too: a relic never holds an empty rights statement.
                FieldPanel("rights_uri", required_on_save=True),
            ],
            heading=_("Provenance and rights"),
        ),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("accession_number"),
        index.AutocompleteField("accession_number"),
        index.SearchField("original_title"),
        index.SearchField("period_label"),
        index.SearchField("technique"),
        index.SearchField("description"),
        index.SearchField("provenance"),
        index.FilterField("museum"),
        index.FilterField("object_type"),
        index.FilterField("culture"),
        index.FilterField("earliest_year"),
        index.FilterField("latest_year"),
    ]
    api_fields = [
        APIField("museum", serializer=TermField()),
        APIField("accession_number"),
        APIField("original_title"),
        APIField("original_title_language"),
        APIField("object_type", serializer=TermField()),
        APIField("culture", serializer=TermField()),
        APIField("period_label"),
        APIField("earliest_year"),
        APIField("latest_year"),
        APIField("materials", serializer=TermListField()),
        APIField("technique"),
        APIField("height_cm"),
        APIField("width_cm"),
        APIField("depth_cm"),
        APIField("diameter_cm"),
        APIField("weight_kg"),
        APIField("dimensions_note"),
        APIField("find_spot", serializer=TermField()),
        APIField("provenance"),
        APIField("description"),
        APIField("credit_line"),
        APIField("rights_uri"),
        APIField("gallery", serializer=GalleryField(source="gallery_images")),
    ]

    parent_page_types = ["collections_app.MuseumPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("relic")
        verbose_name_plural = _("relics")
        constraints = [
            models.UniqueConstraint(
                fields=["museum", "accession_number"],
                condition=~Q(accession_number=""),
                name="unique_accession_number_per_museum",
                violation_error_message=_("This museum already has a relic with this accession number."),
            )
        ]
        # The museum's listing in its default order and the previous/next relic read this index.
        indexes = [
            models.Index(fields=["museum", "earliest_year", "accession_number"], name="relic_museum_year_number")
        ]

    def clean(self):
        super().clean()
        validate_year_range(self.earliest_year, self.latest_year)
        if self.original_title and not self.original_title_language:
            raise ValidationError(
                {"original_title_language": _("Say which language the original title is written in.")}
            )

    def save(self, *args, **kwargs):
        parent = self.get_parent() if self.path else None
        if parent is not None:
            self.museum_id = parent.pk
        return super().save(*args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # `exhibitions`: the reverse of ExhibitionPage.relics (through ExhibitionRelic).
        context["exhibitions"] = self.exhibitions.visible().order_by("-opening_date", "path")
        context["gallery"] = list(
            self.gallery_images.select_related("image").prefetch_related("image__renditions").order_by("sort_order")
        )
        context["previous_relic"], context["next_relic"] = self.neighbours()
        context["materials"] = self.material_terms
        context["year_range"] = format_year_range(self.earliest_year, self.latest_year)
        return context

    @property
    def og_image(self):
        return self.first_image

    def neighbours(self):
        """The previous and next visible relic of the same museum, in the museum's default order
        (year, oldest first and undated last; accession number; id), each by a few indexed queries."""
        siblings = RelicPage.objects.visible().filter(museum_id=self.museum_id)
        return self._neighbour(siblings, forward=False), self._neighbour(siblings, forward=True)

    def _neighbour(self, siblings, *, forward: bool):
        year, number, pk = self.earliest_year, self.accession_number, self.pk
        if forward:
            after = Q(accession_number__gt=number) | Q(accession_number=number, pk__gt=pk)
            order = ("accession_number", "pk")
        else:
            after = Q(accession_number__lt=number) | Q(accession_number=number, pk__lt=pk)
            order = ("-accession_number", "-pk")
        same_year = siblings.filter(earliest_year=year) if year is not None else siblings.filter(earliest_year=None)
        found = same_year.filter(after).order_by(*order).first()
        if found is not None:
            return found
        if forward:
            if year is None:
                return None
            later = siblings.filter(earliest_year__gt=year).order_by("earliest_year", *order).first()
            return later or siblings.filter(earliest_year=None).order_by(*order).first()
        earlier = siblings.filter(earliest_year__lt=year) if year is not None else siblings.exclude(earliest_year=None)
        return earlier.order_by("-earliest_year", *order).first()

    def fallback_languages(self, language: str | None = None) -> dict[str, str]:
        """The record's own fields plus the museum and vocabulary terms its facts table shows."""
        borrowed = super().fallback_languages(language)
        language = language or translation.get_language()
        terms = [("object_type", self.object_type), ("culture", self.culture), ("find_spot", self.find_spot)]
        terms += [(f"material:{material.pk}", material) for material in self.material_terms]
        related = [("museum", self.museum, "title")] + [(key, term, "name") for key, term in terms]
        for key, instance, field in related:
            shown = shown_language(instance, field, language) if instance is not None else None
            if shown and shown != language:
                borrowed[key] = shown
        return borrowed

    @cached_property
    def material_terms(self) -> list:
        """The relic's materials, loaded once per request for the facts table and the fallback notice."""
        return list(self.materials.all())

    def citation(self, url: str) -> str:
        """A plain-text reference to this record in the visitor's language."""
        museum = self.museum.title if self.museum_id else ""
        # Translators: how to cite a relic's record. title, museum and number are the record's;
        # site is the portal's name; url its address; date today's date in your language's format.
        return _("%(title)s. %(museum)s, %(number)s. %(site)s, %(url)s (accessed %(date)s).") % {
            "title": self.title,
            "museum": museum,
            "number": self.accession_number,
            "site": _("SCO Museum Alliance"),
            "url": url,
            "date": format_date(timezone.localdate()),
        }

    @property
    def first_image(self):
        item = next(iter(self.gallery_images.all()), None)
        return item.image if item else None


class RelicImage(Orderable):
    """One image in a relic's gallery, with alt text and caption in every language."""

    page = ParentalKey(RelicPage, on_delete=models.CASCADE, related_name="gallery_images")
    image = models.ForeignKey(
        "collections_app.CollectionImage",
        verbose_name=_("image"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    alt_text = models.CharField(
        _("alt text"),
        max_length=255,
        help_text=_("What the image shows, for readers who cannot see it."),
    )
    caption = models.CharField(_("caption"), max_length=500, blank=True)

    panels = [
        FieldPanel(
            "image",
            help_text=_(
                "Choosing an image fills an empty English alt text with the image's default alt text; "
                "rewrite it for this relic. The row's alt text wins wherever this gallery is shown."
            ),
        ),
        FieldPanel("alt_text"),
        FieldPanel("caption"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("gallery image")
        verbose_name_plural = _("gallery images")
