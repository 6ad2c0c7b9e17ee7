"""The Wagtail API v2, answering in the language the client asks for, at any collection size.

`?lang=<code>` chooses the language (`zh-hans`, `kk`, also `zh-CN`-style
variants); without it the `Accept-Language` header decides, then English.
Every translated field, `title` and `meta.html_url` included, comes out in
that language with the portal's fallback chain. An unknown `lang` is a 400.

At 100,000 relics Wagtail's own listing would filter the site's pages with a
LIKE on the tree path, restrict a type with `pk IN (all visible pages)`,
count every row on each request and skip deep offsets over rows eleven
languages wide. Here the pages come from the portal's visibility rule and
tree ranges, the total is counted once per change of the published site
(`portal.cache`), and a page of results is chosen on ids before its rows
are loaded.
"""

import hashlib

from django.conf import settings
from django.db.models import QuerySet
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.module_loading import import_string
from wagtail.api.v2.filters import SearchFilter
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError, page_models_from_string
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Page, Site

from collections_app.languages import normalise
from collections_app.listings import SharedCount
from collections_app.models.base import visible
from collections_app.tree import descendants_q

PAGING_PARAMETERS = {"offset", "limit", "lang", "fields"}
MAX_OFFSET = 10_000


class LanguageAPIMixin:
    def initial(self, request, *args, **kwargs):
        requested = request.GET.get("lang")
        if requested is not None:
            language = normalise(requested)
            if language is None:
                raise BadRequestError(
                    f"lang={requested} is not one of this portal's languages: {', '.join(settings.LANGUAGE_CODES)}"
                )
        else:
            language = translation.get_language_from_request(request) or settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        super().initial(request, *args, **kwargs)

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        response["Content-Language"] = translation.get_language()
        patch_vary_headers(response, ["Accept-Language"])
        return response


class _NarrowWindow(SharedCount):
    """A queryset as Wagtail's paginator sees it: a shared count, and slices chosen on ids."""

    def __getitem__(self, window: slice):
        ids = list(self.queryset.values_list("pk", flat=True)[window])
        rows = self.queryset.filter(pk__in=ids).in_bulk()
        return [rows[pk] for pk in ids if pk in rows]


class NarrowPagination(WagtailPagination):
    def paginate_queryset(self, queryset, request, view=None):
        offset = request.GET.get("offset", "0")
        if offset.isdigit() and int(offset) > MAX_OFFSET:
            # Skipping costs as much as reading: deep pages are bounded, as search engines bound them.
            raise BadRequestError(
                f"offset cannot be higher than {MAX_OFFSET}: narrow the list with type, child_of or search, "
                "or harvest the whole collection through the sitemap"
            )
        if isinstance(queryset, QuerySet):  # search results keep Wagtail's own path
            params = sorted((key, value) for key, value in request.GET.items() if key not in PAGING_PARAMETERS)
            digest = hashlib.sha256(repr((request.path, params)).encode()).hexdigest()[:32]
            queryset = _NarrowWindow(queryset, f"api-count-{digest}")
        return super().paginate_queryset(queryset, request, view)


def _search_filter():
    """The search filter the settings name (the portal's own search), in place of Wagtail's."""
    name = getattr(settings, "PORTAL_API_SEARCH_FILTER", None)
    return import_string(name) if name else SearchFilter


class LocalizedPagesAPIViewSet(LanguageAPIMixin, PagesAPIViewSet):
    known_query_parameters = PagesAPIViewSet.known_query_parameters.union(["lang"])
    pagination_class = NarrowPagination
    filter_backends = [
        *(backend for backend in PagesAPIViewSet.filter_backends if backend is not SearchFilter),
        _search_filter(),
    ]

    def get_base_queryset(self):
        """The site's visible pages, by the portal's rule and a path range (Wagtail's own uses LIKE)."""
        site = Site.find_for_request(self.request)
        if "site" in self.request.GET or site is None:
            return super().get_base_queryset()
        return visible(Page.objects.filter(descendants_q(site.root_page, inclusive=True)))

    def get_queryset(self):
        models = page_models_from_string(self.request.GET["type"]) if self.request.GET.get("type") else []
        site = Site.find_for_request(self.request)
        if len(models) == 1 and hasattr(models[0].objects, "visible") and "site" not in self.request.GET and site:
            # One portal page type: its own visible pages under the site, without `pk IN (every page)`.
            return models[0].objects.visible().filter(descendants_q(site.root_page, inclusive=True))
        return super().get_queryset()


class LocalizedImagesAPIViewSet(LanguageAPIMixin, ImagesAPIViewSet):
    """Only images the public site shows: a museum's unpublished photographs stay private."""

    known_query_parameters = ImagesAPIViewSet.known_query_parameters.union(["lang"])
    body_fields = [*ImagesAPIViewSet.body_fields, "rights_uri", "credit", "is_illustration"]

    def get_queryset(self):
        return super().get_queryset().publicly_shown()


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", LocalizedPagesAPIViewSet)
api_router.register_endpoint("images", LocalizedImagesAPIViewSet)
