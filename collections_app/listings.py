"""Querysets for the public listings, each in a fixed number of queries.

A page that shows 5 relics must cost the same number of queries as one that
shows 50: cards carry their museum, first image and its renditions with them,
and exhibitions their participating museums, loaded in bulk.
"""

from __future__ import annotations

from django.core.paginator import Paginator
from django.db.models import F, Prefetch
from django.db.models.functions import Coalesce
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from collections_app.languages import fallback_chain

RELICS_PER_PAGE = 24


def relic_cards(queryset):
    """Relics with everything a card shows: museum, culture, first image and its renditions."""
    from collections_app.models import RelicImage

    images = RelicImage.objects.select_related("image").prefetch_related("image__renditions")
    return queryset.select_related("museum", "culture").prefetch_related(Prefetch("gallery_images", queryset=images))


def exhibition_cards(queryset):
    """Exhibitions with hero image renditions; call `attach_museums` on the evaluated list."""
    return queryset.select_related("hero_image").prefetch_related("hero_image__renditions")


def attach_museums(exhibitions) -> list:
    """Set `museums` on each exhibition (participating museums) with two queries in all."""
    from collections_app.models import ExhibitionCurator, ExhibitionRelic, MuseumPage

    exhibitions = list(exhibitions)
    ids = [exhibition.pk for exhibition in exhibitions]
    pairs = set(ExhibitionRelic.objects.filter(exhibition_id__in=ids).values_list("exhibition_id", "relic__museum_id"))
    pairs |= set(
        ExhibitionCurator.objects.filter(exhibition_id__in=ids, museum__isnull=False).values_list(
            "exhibition_id", "museum_id"
        )
    )
    museums = MuseumPage.objects.live().public().filter(pk__in={museum for _e, museum in pairs}).in_bulk()
    by_exhibition: dict[int, list] = {pk: [] for pk in ids}
    for exhibition_id, museum_id in pairs:
        if museum_id in museums:
            by_exhibition[exhibition_id].append(museums[museum_id])
    for exhibition in exhibitions:
        exhibition.museums = sorted(by_exhibition[exhibition.pk], key=lambda museum: museum.path)
    return exhibitions


def localized_order(field: str):
    """An ORDER BY expression for a translated field in the visitor's language, with fallbacks."""
    lang = translation.get_language()
    columns = [F(build_localized_fieldname(field, code)) for code in fallback_chain(lang)]
    return Coalesce(*columns) if len(columns) > 1 else columns[0]


# Sort keys a visitor can choose on a museum's relic list: key → (label, ordering).
RELIC_SORTS = {
    "date": (_("Date, oldest first"), lambda: [F("earliest_year").asc(nulls_last=True), "accession_number", "pk"]),
    "-date": (_("Date, newest first"), lambda: [F("latest_year").desc(nulls_last=True), "accession_number", "pk"]),
    "title": (_("Title"), lambda: [localized_order("title"), "pk"]),
    "number": (_("Accession number"), lambda: ["accession_number", "pk"]),
    "recent": (_("Recently added"), lambda: [F("first_published_at").desc(nulls_last=True), "pk"]),
}
DEFAULT_RELIC_SORT = "date"


def sorted_relics(queryset, sort: str | None):
    """Order relics by a visitor's choice; an unknown choice falls back to the default."""
    key = sort if sort in RELIC_SORTS else DEFAULT_RELIC_SORT
    return key, queryset.order_by(*RELIC_SORTS[key][1]())


def paginate(request, items, per_page: int | None = None):
    """The requested page of `items`; a malformed or out-of-range number gives the nearest page."""
    return Paginator(items, per_page or RELICS_PER_PAGE).get_page(request.GET.get("page"))


def neighbours(relic):
    """The previous and next published relic of the same museum, in the museum's default order."""
    from collections_app.models import RelicPage

    siblings = RelicPage.objects.live().public().filter(museum_id=relic.museum_id)
    ids = list(sorted_relics(siblings, DEFAULT_RELIC_SORT)[1].values_list("pk", flat=True))
    if relic.pk not in ids:
        return None, None
    index = ids.index(relic.pk)
    wanted = [ids[index - 1] if index > 0 else None, ids[index + 1] if index + 1 < len(ids) else None]
    found = {page.pk: page for page in RelicPage.objects.filter(pk__in=[pk for pk in wanted if pk])}
    return found.get(wanted[0]), found.get(wanted[1])
