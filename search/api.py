"""`/api/v2/pages/?search=…&lang=…` with the public search's language behaviour (fallback chain, scripts).

Wired into the API by `settings.PORTAL_API_SEARCH_FILTER`, so the core's API does not import this app.
"""

from django.utils import translation
from rest_framework.filters import BaseFilterBackend
from wagtail.api.v2.utils import BadRequestError

from search import query


class PortalSearchFilter(BaseFilterBackend):
    def filter_queryset(self, request, queryset, view):
        if "search" not in request.GET:
            return queryset
        text = request.GET["search"]
        if len(text) > 500:
            raise BadRequestError("search is longer than 500 characters")
        documents = query.run(query.Search(q=text), translation.get_language())
        return queryset.filter(pk__in=documents.values("page_id"))
