"""The site's frame: home page, the two index pages and free-standing pages."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from collections_app.blocks import StandardBodyBlock
from collections_app.languages import language_codes
from collections_app.models.base import BasePage
from collections_app.models.exhibition import ExhibitionPage
from collections_app.models.museum import MuseumPage
from collections_app.models.relic import RelicPage
from portal.cache import shared

INTRO_FEATURES = ["bold", "italic", "link"]


class IntroPage(BasePage):
    """A page whose own content is a translated introduction above a listing."""

    intro = RichTextField(_("introduction"), blank=True, features=INTRO_FEATURES)

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]
    api_fields = [APIField("intro")]
    summary_field = "intro"

    class Meta:
        abstract = True


class HomePage(IntroPage):
    """The portal's root: shared exhibitions, member museums, recent relics."""

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "collections_app.MuseumIndexPage",
        "collections_app.ExhibitionIndexPage",
        "collections_app.StandardPage",
    ]
    max_count = 1

    class Meta:
        verbose_name = _("home page")

    def fill_fallback_slugs(self):
        """The site root keeps one slug in every language: translating it breaks child URLs."""
        english = getattr(self, "slug_en", None) or self.slug
        for lang in language_codes():
            setattr(self, build_localized_fieldname("slug", lang), english)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Current and coming exhibitions first; when none is open, the latest ones.
        exhibitions = ExhibitionPage.objects.visible().from_own_table().cards().order_by("-opening_date", "path")
        current = exhibitions.current()
        context["exhibitions"] = list(current[:4] if current.exists() else exhibitions[:4])
        context["museums"] = MuseumPage.objects.visible().in_tree_order()
        context["relic_total"] = shared("relic-total", RelicPage.objects.visible().count)
        context["museum_index"] = MuseumIndexPage.objects.child_of(self).visible().any_one()
        context["exhibition_index"] = ExhibitionIndexPage.objects.child_of(self).visible().any_one()
        # Newest first, read backwards from the first_published_at index (no NULLS LAST: it defeats the index).
        recent = RelicPage.objects.visible().filter(first_published_at__isnull=False)
        context["recent_relics"] = recent.cards().order_by("-first_published_at", "-id")[:8]
        return context


class MuseumIndexPage(IntroPage):
    """Lists the member museums."""

    parent_page_types = ["collections_app.HomePage"]
    subpage_types = ["collections_app.MuseumPage"]
    max_count = 1

    class Meta:
        verbose_name = _("museum index page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["museums"] = MuseumPage.objects.child_of(self).visible().select_related("logo").in_tree_order()
        return context


class ExhibitionIndexPage(IntroPage):
    """Lists the shared exhibitions, newest first."""

    parent_page_types = ["collections_app.HomePage"]
    subpage_types = ["collections_app.ExhibitionPage"]
    max_count = 1

    class Meta:
        verbose_name = _("exhibition index page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["exhibitions"] = (
            ExhibitionPage.objects.child_of(self).visible().from_own_table().cards().order_by("-opening_date", "path")
        )
        return context


class StandardPage(BasePage):
    """A free-standing page: about the alliance, terms of use, contact."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(StandardBodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro"), index.SearchField("body")]
    api_fields = [APIField("intro"), APIField("body")]
    summary_field = "intro"

    parent_page_types = ["collections_app.HomePage", "collections_app.StandardPage"]
    subpage_types = ["collections_app.StandardPage"]

    class Meta:
        verbose_name = _("standard page")
