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
from portal.cache import shared

RELICS_PER_PAGE = 24


def localized_order(field: str):
    """An ORDER BY expression for a translated field in the visitor's language, with fallbacks."""
    lang = translation.get_language()
    columns = [F(build_localized_fieldname(field, code)) for code in fallback_chain(lang)]
    return Coalesce(*columns) if len(columns) > 1 else columns[0]


class SharedCount:
    """A queryset as a paginator sees it, its `count()` shared until the published site changes.

    Counting a museum's 10,000 relics reads them all; the count is the same for
    every visitor, every sort and every page, so it is counted once
    (`portal.cache`).
    """

    def __init__(self, queryset, key: str):
        self.queryset, self.key = queryset, key

    def count(self) -> int:
        return shared(self.key, self.queryset.count)

    def __getitem__(self, window):
        return self.queryset[window]


def paginate(request, queryset, per_page: int | None = None, count_key: str | None = None):
    """The requested page of `queryset`; a malformed or out-of-range number gives the nearest page.

    The page is chosen on a narrow query (ids in the listing's order), then its
    rows are loaded whole, with their cards' relations, by id: sorting and
    skipping over thousands of rows eleven languages wide costs more than the
    extra query. With `count_key`, the total is counted once (SharedCount).
    """
    ids = queryset.values_list("pk", flat=True)
    page = Paginator(SharedCount(ids, count_key) if count_key else ids, per_page or RELICS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    ids = list(page.object_list)
    rows = queryset.filter(pk__in=ids).in_bulk() if ids else {}
    page.object_list = [rows[pk] for pk in ids if pk in rows]
    return page
