"""What every public listing shares, whatever it lists: paging and ordering by translated text.

The querysets of the listings themselves (relic cards, exhibition cards, the
relic sorts) belong to their models: `RelicPage.objects.visible().cards()`.
"""

from __future__ import annotations

from django.core.paginator import Paginator
from django.db.models import F
from django.db.models.functions import Coalesce
from django.utils import translation
from modeltranslation.utils import build_localized_fieldname

from collections_app.languages import fallback_chain

RELICS_PER_PAGE = 24


def localized_order(field: str):
    """An ORDER BY expression for a translated field in the visitor's language, with fallbacks."""
    lang = translation.get_language()
    columns = [F(build_localized_fieldname(field, code)) for code in fallback_chain(lang)]
    return Coalesce(*columns) if len(columns) > 1 else columns[0]


def paginate(request, queryset, per_page: int | None = None):
    """The requested page of `queryset`; a malformed or out-of-range number gives the nearest page.

    The page is chosen on a narrow query (ids in the listing's order), then its
    rows are loaded whole, with their cards' relations, by id: sorting and
    skipping over thousands of rows eleven languages wide costs more than the
    extra query.
    """
    page = Paginator(queryset.values_list("pk", flat=True), per_page or RELICS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    ids = list(page.object_list)
    rows = queryset.filter(pk__in=ids).in_bulk() if ids else {}
    page.object_list = [rows[pk] for pk in ids if pk in rows]
    return page
