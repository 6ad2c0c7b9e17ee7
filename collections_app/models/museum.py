"""A member museum: its page is the root of its own relics."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.search import index

from collections_app.countries import MEMBER_STATES
from collections_app.listings import paginate
from collections_app.models.base import BasePage
from collections_app.models.relic import RELIC_SORTS, relic_sort


class MuseumPage(BasePage):
    """One of the alliance's national museums. Its relics are its child pages."""

    country = models.CharField(_("country"), max_length=2, choices=MEMBER_STATES)
    city = models.CharField(_("city"), max_length=120)
    website = models.URLField(_("website"), blank=True)
    logo = models.ForeignKey(
        "collections_app.CollectionImage",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Set when the museum is created (collections_app.permissions.setup_museum), never in the editor.
    collection = models.ForeignKey(
        "wagtailcore.Collection",
        verbose_name=_("image collection"),
        null=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    editors_group = models.ForeignKey(
        "auth.Group",
        verbose_name=_("editors' group"),
        null=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    moderators_group = models.ForeignKey(
        "auth.Group",
        verbose_name=_("moderators' group"),
        null=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    about = RichTextField(_("about the museum"), blank=True, features=["bold", "italic", "link", "ul", "ol"])

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("country"), FieldPanel("website")]), FieldPanel("city")],
            heading=_("Where"),
        ),
        FieldPanel("logo"),
        FieldPanel("about"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("city"),
        index.SearchField("about"),
        index.FilterField("country"),
    ]
    api_fields = [
        APIField("country"),
        APIField("city"),
        APIField("website"),
        APIField("about"),
    ]
    summary_field = "about"

    parent_page_types = ["collections_app.MuseumIndexPage"]
    subpage_types = ["collections_app.RelicPage"]

    class Meta:
        verbose_name = _("museum")
        verbose_name_plural = _("museums")

    def with_content_json(self, content):
        """Publishing or reverting to an old revision keeps the museum's groups and collection."""
        obj = super().with_content_json(content)
        obj.collection_id = self.collection_id
        obj.editors_group_id = self.editors_group_id
        obj.moderators_group_id = self.moderators_group_id
        return obj

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sort"] = relic_sort(request.GET.get("sort"))
        context["sorts"] = [(key, label) for key, (label, _order) in RELIC_SORTS.items()]
        # `relics` and `exhibitions` are the reverses of RelicPage.museum and ExhibitionPage.participating_museums.
        relics = self.relics.visible().cards().sorted_by(context["sort"])
        context["relics"] = paginate(request, relics, count_key=f"museum-relic-count-{self.pk}")
        context["relic_count"] = context["relics"].paginator.count
        context["exhibitions"] = self.exhibitions.visible().cards().order_by("-opening_date", "path")
        return context
