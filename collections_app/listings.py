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


def paginate(request, items, per_page: int | None = None):
    """The requested page of `items`; a malformed or out-of-range number gives the nearest page."""
    return Paginator(items, per_page or RELICS_PER_PAGE).get_page(request.GET.get("page"))
