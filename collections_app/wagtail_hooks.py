"""Admin registrations: the shared vocabularies as snippets; guards on page actions."""

from django.contrib import messages
from django.db.models import Q
from django.http import HttpResponseForbidden
from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.models import GroupPagePermission
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from collections_app.models import Culture, Material, ObjectType, Place, RelicPage
from collections_app.permissions import covers_whole_site, is_translator_only


class VocabularyViewSet(SnippetViewSet):
    list_display = ["name", "slug", "authority_uri"]
    # No search_fields: the admin searches the model's whole index, every language's name included.
    ordering = ["slug"]
    add_to_admin_menu = False


class ObjectTypeViewSet(VocabularyViewSet):
    model = ObjectType
    icon = "tag"


class MaterialViewSet(VocabularyViewSet):
    model = Material
    icon = "tag"


class CultureViewSet(VocabularyViewSet):
    model = Culture
    icon = "time"
    list_display = ["name", "slug", "earliest_year", "latest_year"]


class PlaceViewSet(VocabularyViewSet):
    model = Place
    icon = "site"
    list_display = ["name", "slug", "country"]
    list_filter = ["country"]


class VocabularyGroup(SnippetViewSetGroup):
    items = (ObjectTypeViewSet, MaterialViewSet, CultureViewSet, PlaceViewSet)
    menu_icon = "list-ul"
    menu_label = _("Vocabularies")
    menu_name = "vocabularies"


register_snippet(VocabularyGroup)


def _accession_taken(relic, museum_id, *, by_another=True) -> bool:
    """Whether the museum has a relic with this number (other than `relic` itself, for a move)."""
    clashes = RelicPage.objects.with_accession_number(museum_id, relic.accession_number)
    if by_another:
        clashes = clashes.exclude(pk=relic.pk)
    return clashes.exists()


def _refuse(request, relic, redirect_to):
    messages.error(
        request,
        _(
            "That museum already has a relic with accession number %(number)s. "
            "Choose another museum, or add a new relic with its own number."
        )
        % {"number": relic.accession_number},
    )
    return redirect(redirect_to)


@hooks.register("before_copy_page", order=-1)
def refuse_copying_a_relic_onto_a_taken_accession_number(request, page):
    """A copy keeps its accession number, which must stay unique within the museum.

    Without this guard, copying a relic into its own museum fails deep in the
    save with a server error; the editor gets the reason instead. Runs before
    wagtail-modeltranslation's own copy hook, which performs the copy.
    """
    if request.method != "POST" or not isinstance(page.specific, RelicPage):
        return None
    target = request.POST.get("new_parent_page")
    if target and _accession_taken(page.specific, target, by_another=False):
        return _refuse(request, page.specific, request.path)
    return None


@hooks.register("before_move_page")
def refuse_moving_a_relic_onto_a_taken_accession_number(request, page, destination):
    if isinstance(page, RelicPage) and _accession_taken(page, destination.pk):
        return _refuse(request, page, reverse("wagtailadmin_pages:move", args=[page.pk]))
    return None


# --- Translators change text, never the tree ---------------------------------------------
#
# Wagtail lets anyone with "change" delete or move an unpublished leaf page and
# copy pages; a translator needs "change" on every page to translate it, so
# these actions are refused for translator-only accounts before any view runs.


def _refuse_translator(request):
    if not is_translator_only(request.user):
        return None
    return HttpResponseForbidden(_("Translators can edit the text of their language only."))


@hooks.register("before_delete_page", order=-10)
def translators_do_not_delete(request, page):
    return _refuse_translator(request)


@hooks.register("before_move_page", order=-10)
def translators_do_not_move(request, page, destination):
    return _refuse_translator(request)


@hooks.register("before_copy_page", order=-10)
def translators_do_not_copy(request, page):
    return _refuse_translator(request)


@hooks.register("before_bulk_action", order=-10)
def translators_do_not_use_bulk_actions(request, action_type, objects, action_class_instance):
    return _refuse_translator(request)


@hooks.register("construct_page_chooser_queryset")
def chooser_shows_drafts_only_where_the_user_edits(pages, request):
    """Choosing a page to link or feature needs no edit right, but another museum's
    drafts are not the chooser's to reveal: non-live pages appear only under
    pages the user has permissions on."""
    user = request.user
    if user.is_superuser:
        return pages
    paths = GroupPagePermission.objects.filter(group__user=user).values_list("page__path", flat=True).distinct()
    own = Q()
    for path in paths:
        own |= Q(path__startswith=path)
    return pages.filter(Q(live=True) | own) if paths else pages.filter(live=True)


@hooks.register("insert_global_admin_css")
def portal_admin_css():
    return format_html('<link rel="stylesheet" href="{}">', static("css/admin.css"))


@hooks.register("construct_reports_menu")
def site_wide_reports_for_site_wide_roles(request, menu_items):
    """The page types report names the last edited page of each type anywhere on the site."""
    if not covers_whole_site(request.user):
        menu_items[:] = [item for item in menu_items if item.name != "page-types-usage"]
