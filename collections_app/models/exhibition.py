"""A shared online exhibition, co-curated by several museums."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Orderable, PageManager
from wagtail.search import index

from collections_app.blocks import NarrativeBlock, relic_ids_in
from collections_app.languages import language_codes, value_in
from collections_app.models.base import BasePage, PortalPageQuerySet
from collections_app.models.museum import MuseumPage
from collections_app.models.relic import RelicPage
from collections_app.panels import PortalInlinePanel
from collections_app.serializers import TermListField


class ExhibitionPageQuerySet(PortalPageQuerySet):
    def cards(self):
        """Exhibitions with what a card shows: hero image renditions and, as `museums`, the
        visible participating museums, in a fixed number of queries."""
        museums = MuseumPage.objects.visible().order_by("path")
        return self.select_related("hero_image").prefetch_related(
            "hero_image__renditions", Prefetch("participating_museums", queryset=museums, to_attr="museums")
        )

    def current(self, today=None):
        """Open today or opening later (no closing date: permanent)."""
        today = today or timezone.localdate()
        return self.filter(models.Q(closing_date__isnull=True) | models.Q(closing_date__gte=today))


class ExhibitionPage(BasePage):
    """A story told with relics from several member museums.

    Each language has its own narrative (`body_<lang>`): translators may
    rephrase and reorder freely, and a language left empty falls back as a
    whole, with a notice, to the next language of its chain. The relics placed
    in any language's narrative are indexed in `ExhibitionRelic` on save, so a
    relic page can list its exhibitions with one query.
    """

    subtitle = models.CharField(_("subtitle"), max_length=255, blank=True)
    introduction = models.TextField(
        _("introduction"), blank=True, help_text=_("One or two sentences shown on cards and in search results.")
    )
    opening_date = models.DateField(_("opening date"))
    closing_date = models.DateField(
        _("closing date"), null=True, blank=True, help_text=_("Leave empty for a permanent exhibition.")
    )
    hero_image = models.ForeignKey(
        "collections_app.CollectionImage",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(NarrativeBlock(), verbose_name=_("narrative"), blank=True)
    # Derived when the exhibition is saved (sync_links), never edited: which relics its
    # narratives place, and which museums take part (its relics' and its curators' museums).
    relics = models.ManyToManyField(
        RelicPage, through="ExhibitionRelic", related_name="exhibitions", blank=True, editable=False
    )
    participating_museums = models.ManyToManyField(
        MuseumPage, through="ExhibitionMuseum", related_name="exhibitions", blank=True, editable=False
    )

    objects = PageManager.from_queryset(ExhibitionPageQuerySet)()
    # Copies get their links from their own narratives when saved.
    exclude_fields_in_copy = ["relics", "participating_museums"]

    summary_field = "introduction"
    og_type = "article"
    content_panels = [
        *BasePage.content_panels,
        FieldPanel("subtitle"),
        FieldPanel("introduction"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("opening_date"), FieldPanel("closing_date")])],
            heading=_("Dates"),
        ),
        FieldPanel("hero_image"),
        PortalInlinePanel("curators", label=_("Curators"), heading=_("Curators")),
        FieldPanel("body"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("subtitle"),
        index.SearchField("introduction"),
        index.SearchField("body"),
        index.FilterField("opening_date"),
    ]
    api_fields = [
        APIField("subtitle"),
        APIField("introduction"),
        APIField("opening_date"),
        APIField("closing_date"),
        APIField("hero_image"),
        APIField("curators"),
        APIField("participating_museums", serializer=TermListField(order_by="path")),
        APIField("body"),
    ]

    parent_page_types = ["collections_app.ExhibitionIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("exhibition")
        verbose_name_plural = _("exhibitions")

    def clean(self):
        super().clean()
        if self.closing_date and self.opening_date and self.closing_date < self.opening_date:
            raise ValidationError({"closing_date": _("The exhibition cannot close before it opens.")})

    def save(self, *args, **kwargs):
        result = super().save(*args, **kwargs)
        update_fields = kwargs.get("update_fields")
        if update_fields is None:
            self.sync_links()
        return result

    @property
    def og_image(self):
        return self.hero_image

    def summary_text(self, length: int = 300) -> str:
        return super().summary_text(length) or Truncator(self.subtitle or "").chars(length)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Every relic card and grid of the narrative reads from here (see `card_relics`).
        context["relic_cards"] = RelicPage.objects.visible().cards().in_bulk(self.relic_ids())
        context["curators"] = list(self.curators.select_related("museum"))
        context["museums"] = self.participating_museums.visible().in_tree_order()
        return context

    def relic_ids(self) -> list[int]:
        """Relics placed in any language's narrative, English first."""
        ids: list[int] = []
        for lang in language_codes():
            for pk in relic_ids_in(value_in(self, "body", lang)):
                if pk not in ids:
                    ids.append(pk)
        return ids

    def sync_links(self) -> None:
        """Record which relics the narratives place and which museums take part, for one-query listings."""
        ids = self.relic_ids()
        relics = dict(RelicPage.objects.filter(pk__in=ids).values_list("pk", "museum_id"))
        ExhibitionRelic.objects.filter(exhibition=self).delete()
        ExhibitionRelic.objects.bulk_create(
            ExhibitionRelic(exhibition=self, relic_id=pk, sort_order=position)
            for position, pk in enumerate(ids)
            if pk in relics
        )
        museums = {museum for museum in relics.values() if museum} | {
            curator.museum_id for curator in self.curators.all() if curator.museum_id
        }
        ExhibitionMuseum.objects.filter(exhibition=self).delete()
        ExhibitionMuseum.objects.bulk_create(ExhibitionMuseum(exhibition=self, museum_id=pk) for pk in sorted(museums))


class ExhibitionCurator(Orderable):
    exhibition = ParentalKey(ExhibitionPage, on_delete=models.CASCADE, related_name="curators")
    name = models.CharField(pgettext_lazy("person", "name"), max_length=200)
    role = models.CharField(_("role"), max_length=200, blank=True)
    museum = models.ForeignKey(
        "collections_app.MuseumPage",
        verbose_name=_("museum"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="curators",
    )

    panels = [FieldPanel("name"), FieldPanel("role"), FieldPanel("museum")]
    api_fields = [APIField("name"), APIField("role"), APIField("museum_id")]

    class Meta(Orderable.Meta):
        verbose_name = _("curator")
        verbose_name_plural = _("curators")


class ExhibitionRelic(models.Model):
    """Which relics an exhibition shows; derived from its narratives, never edited."""

    exhibition = models.ForeignKey(ExhibitionPage, on_delete=models.CASCADE, related_name="relic_links")
    relic = models.ForeignKey(RelicPage, on_delete=models.CASCADE, related_name="exhibition_links")
    sort_order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["sort_order"]
        constraints = [models.UniqueConstraint(fields=["exhibition", "relic"], name="unique_relic_per_exhibition")]

    def __str__(self) -> str:
        return f"{self.exhibition_id} → {self.relic_id}"


class ExhibitionMuseum(models.Model):
    """Which museums take part in an exhibition: its relics' and its curators' museums; derived, never edited."""

    exhibition = models.ForeignKey(ExhibitionPage, on_delete=models.CASCADE, related_name="museum_links")
    museum = models.ForeignKey(MuseumPage, on_delete=models.CASCADE, related_name="exhibition_links")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["exhibition", "museum"], name="unique_museum_per_exhibition")]

    def __str__(self) -> str:
        return f"{self.exhibition_id} → {self.museum_id}"
