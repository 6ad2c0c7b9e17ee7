"""The museum's record list: relics with accession number, thumbnail, type, state and languages.

Wagtail 8 lets a page type bring its own listing into the page explorer: a
`PageViewSet` registered for `RelicPage` is used by `/admin/pages/<id>/` for
every parent page type that allows only relics below it
(`PageViewSet.parent_models`), which is `MuseumPage`. So the record list is
the explorer itself, where museum staff land: Wagtail's own rule of who sees
which page (only pages the user may explore; another museum's explorer is
refused by `collections_app.admin_access`), its search, bulk actions,
reordering and pagination all stay as they are. Only the columns, the
filters and the sorts are the registrar's. Every other relic view (edit,
history, …) is Wagtail's default view, unchanged.

The record columns cost the same number of queries whatever a page of
results lists: the object type, the gallery and its thumbnail renditions are
prefetched, and a language's completeness is read from the row's own
columns. (Wagtail's own row actions still ask, for a user without publish
permission, whether each row is live before offering "Move" and "Delete":
two small queries per row, as in every explorer listing.)

Searching from a museum's list searches its relics; "Search the whole site"
there searches every museum's relics the user may explore, not other page
types.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Case, CharField, Exists, F, IntegerField, OuterRef, Prefetch, Q, Value, When
from django.db.models.functions import Cast, Trim
from django.db.models.lookups import Exact
from django.forms import CheckboxSelectMultiple, RadioSelect
from django.templatetags.static import static
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.translation import gettext, gettext_lazy, pgettext
from django_filters import ChoiceFilter, ModelMultipleChoiceFilter
from modeltranslation.utils import build_localized_fieldname
from wagtail import hooks
from wagtail.admin.ui.tables import BaseColumn, Column, DateColumn
from wagtail.admin.ui.tables.pages import BulkActionsColumn, PageStatusColumn, PageTitleColumn
from wagtail.admin.views.pages.listing import ExplorableIndexView, PageFilterSet
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.models import Page, WorkflowState

from collections_app.languages import has_value, language_codes, native_name, value_in
from collections_app.listings import localized_order
from collections_app.models import CollectionRendition, ObjectType, RelicImage, RelicPage

#: The thumbnail's rendition: 80 px squares, shown at 40 CSS px (sharp on high-density screens).
THUMBNAIL = "fill-80x80"


# --- Which languages a record is complete in -------------------------------------------
#
# A reader of language L sees a field in L, or borrowed along L's fallback chain (and the
# page's fallback notice says so), or not at all when the chain has no text. The list
# calls a record complete in L when L's reader gets every text the record has in L itself:
# nothing borrowed, nothing hidden. The fields are those a visitor reads
# (`BasePage.translated_fields()`: the title and what `translation.py` registers).


def record_text_fields() -> tuple[str, ...]:
    return RelicPage.translated_fields()


def record_languages(relic) -> list[tuple[str, bool]]:
    """(language code, complete?) for every portal language, read from the row's own columns."""
    codes = language_codes()
    fields = [field for field in record_text_fields() if any(has_value(value_in(relic, field, code)) for code in codes)]
    return [(code, all(has_value(value_in(relic, field, code)) for field in fields)) for code in codes]


def _has_text(field: str, code: str) -> Q:
    """The database's version of `has_value` for one language column."""
    column = build_localized_fieldname(field, code)
    return Q(**{f"{column}__isnull": False}) & ~Q(Exact(Trim(column), ""))


def complete_in(code: str) -> Q:
    """Relics complete in `code` (see `record_languages`), as a filter."""
    condition = Q()
    for field in record_text_fields():
        elsewhere = Q()
        for other in language_codes():
            if other != code:
                elsewhere |= _has_text(field, other)
        condition &= _has_text(field, code) | ~elsewhere
    return condition


# --- Publication state ------------------------------------------------------------------

STATES = {
    "draft": gettext_lazy("Draft"),
    "moderation": gettext_lazy("In moderation"),
    "changed": gettext_lazy("Live, with unpublished changes"),
    "live": gettext_lazy("Live"),
}


def _in_moderation() -> Exists:
    """A workflow (the museum's moderation) is in progress on the page, as Wagtail's status says."""
    return Exists(
        WorkflowState.objects.filter(
            base_content_type=ContentType.objects.get_for_model(Page),
            object_id=Cast(OuterRef("pk"), output_field=CharField()),
            status=WorkflowState.STATUS_IN_PROGRESS,
        )
    )


def in_state(state: str) -> Q:
    moderation = _in_moderation()
    return {
        "draft": Q(live=False) & ~Q(moderation),
        "moderation": Q(moderation),
        "changed": Q(live=True, has_unpublished_changes=True) & ~Q(moderation),
        "live": Q(live=True, has_unpublished_changes=False) & ~Q(moderation),
    }[state]


def state_rank() -> Case:
    """The order of the states above: drafts first, the public record last."""
    return Case(
        *(When(in_state(state), then=Value(rank)) for rank, state in enumerate(STATES)),
        output_field=IntegerField(),
    )


# --- Filters ----------------------------------------------------------------------------


def _language_choices():
    # Each language by its own name, as in the language menu and the editor's picker.
    return [(code, native_name(code)) for code in language_codes()]


def _ids_matching(queryset, condition: Q):
    """Filter by id, so the admin's search backend sees a plain lookup whatever `condition` holds."""
    return queryset.filter(pk__in=RelicPage.objects.filter(condition).values("pk"))


class RecordFilterSet(PageFilterSet):
    object_type = ModelMultipleChoiceFilter(
        label=gettext_lazy("Object type"),
        queryset=lambda request: ObjectType.objects.order_by(localized_order("name"), "slug"),
        widget=CheckboxSelectMultiple,
    )
    state = ChoiceFilter(
        label=gettext_lazy("Publication state"),
        choices=list(STATES.items()),
        empty_label=gettext_lazy("Any"),
        widget=RadioSelect,
        method="filter_state",
    )
    complete_in = ChoiceFilter(
        label=gettext_lazy("Complete in language"),
        choices=_language_choices,
        empty_label=gettext_lazy("Any"),
        widget=RadioSelect,
        method="filter_complete_in",
    )
    missing = ChoiceFilter(
        label=gettext_lazy("Missing language"),
        choices=_language_choices,
        empty_label=gettext_lazy("Any"),
        widget=RadioSelect,
        method="filter_missing",
    )

    class Meta:
        model = RelicPage
        fields = []

    def filter_state(self, queryset, name, value):
        return _ids_matching(queryset, in_state(value)) if value in STATES else queryset

    def filter_complete_in(self, queryset, name, value):
        return _ids_matching(queryset, complete_in(value)) if value else queryset

    def filter_missing(self, queryset, name, value):
        return _ids_matching(queryset, ~complete_in(value)) if value else queryset


# A relic has no child pages and the portal has one site: those two of Wagtail's page
# filters say nothing here. The registrar's filters come first, then Wagtail's.
_OWN_FILTERS = ("object_type", "state", "complete_in", "missing")
RecordFilterSet.base_filters = {
    name: RecordFilterSet.base_filters[name]
    for name in (*_OWN_FILTERS, *RecordFilterSet.base_filters)
    if name not in ("site", "has_child_pages")
}


# --- Columns ----------------------------------------------------------------------------


class SortedUnlessSearching:
    """Search results are ordered by the search backend, which sorts only by indexed filter fields
    (not by these columns, nor by `title`, which wagtail-modeltranslation turns into `title_en`):
    these columns offer their sort while browsing and filtering, not while searching."""

    def get_header_context_data(self, parent_context):
        context = super().get_header_context_data(parent_context)
        if parent_context.get("is_searching"):
            context["is_orderable"] = False
        return context


class RecordTitleColumn(SortedUnlessSearching, PageTitleColumn):
    pass


class RecordColumn(SortedUnlessSearching, Column):
    pass


class RecordStatusColumn(SortedUnlessSearching, PageStatusColumn):
    pass


class ThumbnailColumn(BaseColumn):
    """The first gallery image as a small rendition (created once, then read from the prefetch)."""

    cell_template_name = "staff_admin/records/thumbnail_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["rendition"] = None
        first = next(iter(getattr(instance, "record_gallery", [])), None)
        if first is not None:
            try:
                context["rendition"] = first.image.get_rendition(THUMBNAIL)
            except OSError:  # Wagtail's SourceImageIOError included
                pass  # the file is missing or unreadable: the row stays usable without its picture
        return context


class LanguagesColumn(BaseColumn):
    """One badge per language, complete or missing, with the whole sentence for screen readers."""

    cell_template_name = "staff_admin/records/languages_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        languages = record_languages(instance)
        complete = [native_name(code) for code, done in languages if done]
        missing = [native_name(code) for code, done in languages if not done]
        # Translators: joins language names in a list, e.g. "English, Русский"; use your script's comma.
        separator = pgettext("list separator", ", ")
        if not missing:
            summary = gettext("Complete in every language: %(complete)s") % {"complete": separator.join(complete)}
        elif not complete:
            summary = gettext("Missing in every language: %(missing)s") % {"missing": separator.join(missing)}
        else:
            summary = gettext("Complete: %(complete)s; missing: %(missing)s") % {
                "complete": separator.join(complete),
                "missing": separator.join(missing),
            }
        context["summary"] = summary
        context["badges"] = [(code.split("-")[0].upper(), done) for code, done in languages]
        return context


class ObjectTypeColumn(RecordColumn):
    def get_value(self, instance):
        term = instance.object_type
        return str(term) if term is not None else ""


# --- The listing ------------------------------------------------------------------------

#: Sort keys of the record columns that Wagtail's page listing does not know, and their ORDER BY.
RECORD_SORTS = {
    "accession_number": lambda: F("accession_number"),
    # Admin listings show the English source title (`draft_title`, see BasePage.save): sort by what is shown.
    "title": lambda: F("draft_title"),
    "object_type": lambda: localized_order("object_type__name"),
    "state": state_rank,
}


class RecordIndexView(ExplorableIndexView):
    """The explorer's listing of a museum's relics."""

    base_columns = [
        BulkActionsColumn("bulk_actions"),
        RecordTitleColumn("title", label=gettext_lazy("Title"), sort_key="title", classname="title"),
        RecordColumn(
            "accession_number",
            label=gettext_lazy("Accession number"),
            sort_key="accession_number",
            classname="record-accession-number",
        ),
        ThumbnailColumn("thumbnail", label=gettext_lazy("Image"), classname="record-thumbnail"),
        ObjectTypeColumn("object_type", label=gettext_lazy("Object type"), sort_key="object_type"),
        DateColumn(
            "latest_revision_created_at",
            label=gettext_lazy("Updated"),
            sort_key="latest_revision_created_at",
        ),
        RecordStatusColumn("status", label=gettext_lazy("State"), sort_key="state"),
        LanguagesColumn("languages", label=gettext_lazy("Languages"), classname="record-languages-cell"),
    ]

    @cached_property
    def explorable_columns(self):
        # Relics have no child pages: no "explore" arrow, and no parent column beside the museum's own list.
        return [column for column in self.columns if column.name != "parent"]

    def get_valid_orderings(self):
        orderings = super().get_valid_orderings()
        if self.is_searching:  # see SortedUnlessSearching
            orderings = [ordering for ordering in orderings if ordering.removeprefix("-") not in RECORD_SORTS]
        return orderings

    def annotate_queryset(self, pages):
        gallery = RelicImage.objects.select_related("image").prefetch_related(
            Prefetch(
                "image__renditions",
                queryset=CollectionRendition.objects.filter(filter_spec=THUMBNAIL),
                to_attr="prefetched_renditions",
            )
        )
        return (
            super()
            .annotate_queryset(pages)
            .prefetch_related(
                "object_type",
                # Every gallery row (a few per relic) is read: modelcluster's relation cannot prefetch a slice.
                Prefetch("gallery_images", queryset=gallery.order_by("sort_order", "pk"), to_attr="record_gallery"),
            )
        )

    def order_queryset(self, queryset):
        key = (self.ordering or "").removeprefix("-")
        if self.is_searching or key not in RECORD_SORTS:
            return super().order_queryset(queryset)  # Wagtail's own orderings, and any while searching
        expression = RECORD_SORTS[key]()
        if self.ordering.startswith("-"):
            return queryset.order_by(expression.desc(), "-pk")
        return queryset.order_by(expression.asc(), "pk")


class RecordViewSet(PageViewSet):
    model = RelicPage
    icon = "doc-full"
    index_view_class = RecordIndexView
    filterset_class = RecordFilterSet


@hooks.register("register_admin_viewset")
def register_record_list():
    return RecordViewSet()


@hooks.register("insert_global_admin_css")
def record_list_css():
    return format_html('<link rel="stylesheet" href="{}">', static("staff_admin/css/records.css"))
