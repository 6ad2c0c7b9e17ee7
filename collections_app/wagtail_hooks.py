"""Admin registrations: the shared vocabularies as snippets."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from collections_app.models import Culture, Material, ObjectType, Place


class VocabularyViewSet(SnippetViewSet):
    list_display = ["name", "slug", "authority_uri"]
    search_fields = ["name", "slug"]
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
