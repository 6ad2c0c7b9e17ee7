"""The exhibition builder: choosing relics for an exhibition.

Curators build an exhibition from several museums' relics. Wagtail's page
chooser opens on the page tree, where relics hide among museums and greyed-out
pages; the relic chooser opens instead on the most recently updated relics,
with a search box, and shows what tells two bronze mirrors apart: the first
gallery image, the title, the museum and the accession number. The chosen
relic shows the same in the narrative's relic cards and grids.

Which relics a user may choose is the page chooser's own rule, applied through
the same `construct_page_chooser_queryset` hooks (collections_app.wagtail_hooks:
published relics of every museum, drafts only under pages the user has
permissions on), so the two choosers never disagree.

The block made here (`relic_chooser.get_block_class()`, used in
collections_app.blocks) stores the relic's page id, exactly as the
PageChooserBlock it replaces did: existing narratives stay valid.

Helper module: the models are named by string and resolved when a view runs.
"""

from __future__ import annotations

from django import forms
from django.db.models import F
from django.http import Http404
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.staticfiles import versioned_static
from wagtail.admin.telepath import register as register_telepath_adapter
from wagtail.admin.ui.tables import BaseColumn, Column
from wagtail.admin.views.generic import chooser as generic
from wagtail.admin.viewsets.chooser import ChooserViewSet
from wagtail.admin.widgets import BaseChooser, BaseChooserAdapter
from wagtail.images.shortcuts import get_rendition_or_not_found

RELIC_MODEL = "collections_app.RelicPage"

#: The relic's thumbnail: the record list's rendition (staff_admin.records), so each image's is made once.
THUMBNAIL = "fill-80x80"

#: Wagtail's hook for the pages a chooser may offer; the relic chooser applies the same hooks.
PAGE_CHOOSER_HOOK = "construct_page_chooser_queryset"

SCRIPT = "staff_admin/js/exhibitions.js"
STYLESHEET = "staff_admin/css/exhibitions.css"


def choosable(relics, request):
    """The relics of `relics` that `request.user` may choose, by the page chooser's own hooks."""
    for hook in hooks.get_hooks(PAGE_CHOOSER_HOOK):
        relics = hook(relics, request)
    return relics


def thumbnail(relic) -> dict | None:
    image = relic.first_image
    if image is None:
        return None
    rendition = get_rendition_or_not_found(image, THUMBNAIL)
    return {"url": rendition.url, "width": rendition.width, "height": rendition.height}


def relic_summary(relic, user=None) -> dict:
    """What the chooser widget shows of a relic, for its template and its script alike (JSON-ready).

    The title and the museum's name are in the admin's language, falling back
    like the public site; the accession number is the museum's own.
    """
    museum = relic.museum
    return {
        "id": relic.pk,
        "title": relic.title,
        "edit_url": AdminURLFinder(user).get_edit_url(relic),
        "museum": museum.title if museum is not None else "",
        "accession_number": relic.accession_number,
        "thumbnail": thumbnail(relic),
    }


# --- The widget: Wagtail's chooser, with the relic's thumbnail, museum and number ----------


class RelicChooserWidget(BaseChooser):
    template_name = "staff_admin/exhibitions/relic_chooser_widget.html"
    classname = "relic-chooser"
    js_constructor = "RelicChooser"

    def get_value_data_from_instance(self, instance):
        return relic_summary(instance)

    def get_context(self, name, value_data, attrs):
        context = super().get_context(name, value_data, attrs)
        context.update(
            museum=value_data.get("museum", ""),
            accession_number=value_data.get("accession_number", ""),
            thumbnail=value_data.get("thumbnail"),
        )
        return context

    @property
    def media(self):
        return forms.Media(
            js=[versioned_static("wagtailadmin/js/chooser-widget.js"), SCRIPT],
            css={"all": [STYLESHEET]},
        )


class RelicChooserAdapter(BaseChooserAdapter):
    """The widget inside StreamField blocks: the same script, registered with telepath."""

    js_constructor = "staff_admin.RelicChooser"

    @cached_property
    def media(self):
        return forms.Media(
            js=[
                versioned_static("wagtailadmin/js/chooser-widget.js"),
                versioned_static("wagtailadmin/js/chooser-widget-telepath.js"),
                SCRIPT,
            ],
            css={"all": [STYLESHEET]},
        )


# Registered for the base class, so the viewset's generated widget class finds it.
register_telepath_adapter(RelicChooserAdapter(), RelicChooserWidget)


# --- The modal: recent relics first, searchable, with thumbnail, museum and number --------


class ThumbnailColumn(BaseColumn):
    cell_template_name = "staff_admin/exhibitions/thumbnail_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["thumbnail"] = thumbnail(instance)
        return context


class AccessionNumberColumn(Column):
    cell_template_name = "staff_admin/exhibitions/accession_number_cell.html"


class RelicListingMixin:
    # Latest updated first; relics never saved through the admin (imports) come last.
    ordering = [F("latest_revision_created_at").desc(nulls_last=True), "-pk"]

    def get_object_list(self):
        return choosable(self.model_class.objects.cards(), self.request)

    def can_create(self):
        return False  # relics are added under their museum, never from an exhibition

    @property
    def columns(self):
        return [
            ThumbnailColumn("thumbnail", label=_("Image"), width="1%"),
            self.title_column,
            Column("museum", label=_("Museum"), accessor="museum.title"),
            AccessionNumberColumn("accession_number", label=_("Accession number")),
        ]


class RelicChooseView(RelicListingMixin, generic.ChooseView):
    pass


class RelicChooseResultsView(RelicListingMixin, generic.ChooseResultsView):
    pass


class RelicChosenMixin:
    """A relic comes back only if the user may choose it: an id typed into the URL is no way round."""

    def get_object(self, pk):
        relic = choosable(self.model_class.objects.filter(pk=pk), self.request).select_related("museum").first()
        if relic is None:
            raise Http404
        return relic

    def get_objects(self, pks):
        return choosable(self.model_class.objects.filter(pk__in=pks), self.request).select_related("museum")

    def get_chosen_response_data(self, item):
        data = relic_summary(item, self.request.user)
        return {**data, "id": str(data["id"])}


class RelicChosenView(RelicChosenMixin, generic.ChosenView):
    pass


class RelicChosenMultipleView(RelicChosenMixin, generic.ChosenMultipleView):
    pass


class RelicChooserViewSet(ChooserViewSet):
    model = RELIC_MODEL
    icon = "image"
    choose_one_text = _("Choose a relic")
    choose_another_text = _("Choose another relic")
    edit_item_text = _("Edit this relic")
    per_page = 10
    base_widget_class = RelicChooserWidget
    # The widget serves the exhibition's blocks only; Wagtail's page chooser stays for page links.
    register_widget = False
    choose_view_class = RelicChooseView
    choose_results_view_class = RelicChooseResultsView
    chosen_view_class = RelicChosenView
    chosen_multiple_view_class = RelicChosenMultipleView

    def get_urlpatterns(self):
        # No "create" step: a relic belongs under its museum's page.
        return [pattern for pattern in super().get_urlpatterns() if pattern.name != "create"]


relic_chooser = RelicChooserViewSet("relic_chooser", url_prefix="relic-chooser")


@hooks.register("register_admin_viewset")
def register_relic_chooser():
    return relic_chooser
