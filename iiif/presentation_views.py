"""The IIIF Presentation API 3.0 endpoints (wired in iiif/urls.py): a manifest per relic, a collection
per exhibition and per museum.

What is shown follows the public site's one rule (`visible()`): a draft,
unpublished or restricted page has no manifest or collection here either
(404). Collections are cached in the shared cache (`portal.cache.shared`),
which every publication invalidates, so a museum of 10,000 relics is built
once per change of the site, not per request.
"""

from __future__ import annotations

import json

from django.http import HttpResponse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from collections_app.models import ExhibitionPage, MuseumPage, RelicPage
from collections_app.site_url import site_root_url
from iiif import presentation
from portal.cache import shared

# Viewers and proxies may keep a document for an hour; the site's own cache follows publications at once.
MAX_AGE = 60 * 60


def _headers(response: HttpResponse) -> HttpResponse:
    response["Access-Control-Allow-Origin"] = "*"
    return response


def _document(document: dict) -> HttpResponse:
    response = HttpResponse(json.dumps(document, ensure_ascii=False), content_type=presentation.MEDIA_TYPE)
    patch_cache_control(response, public=True, max_age=MAX_AGE)
    return _headers(response)


def _not_found() -> HttpResponse:
    message = _("There is no public IIIF manifest or collection with this identifier.")
    return _headers(HttpResponse(f"{message}\n", status=404, content_type="text/plain; charset=utf-8"))


@require_safe
def relic_manifest(request, pk: int):
    relic = RelicPage.objects.visible().select_related("museum", "object_type", "culture", "find_spot").filter(pk=pk)
    relic = relic.first()
    if relic is None:
        return _not_found()
    document = presentation.relic_manifest(relic, site_root_url(request))
    if not document["items"]:
        return _not_found()
    return _document(document)


def _collection(request, model, pk: int, build):
    """A page's collection, built once per change of the published site (and per site address)."""
    page = model.objects.visible().filter(pk=pk).first()
    if page is None:
        return _not_found()
    root = site_root_url(request)
    key = f"iiif:{model._meta.model_name}-collection:{pk}:{root}"
    return _document(shared(key, lambda: build(page, root)))


@require_safe
def exhibition_collection(request, pk: int):
    return _collection(request, ExhibitionPage, pk, presentation.exhibition_collection)


@require_safe
def museum_collection(request, pk: int):
    return _collection(request, MuseumPage, pk, presentation.museum_collection)
