"""The IIIF Image API 3.0 endpoints (wired in iiif/urls.py under /iiif/3/).

Only images the public site shows are served, by the one rule the site uses
(`CollectionImage.objects.publicly_shown()`); every other identifier is a 404,
so a draft relic's photograph is no easier to reach here than on its page.
Derivatives are written once to IIIF_CACHE_DIR, keyed by the image, the
version of its file and the canonical request, so a deep-zoom viewer asking
for the same tile again gets a file read, not a decode.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.http import FileResponse, HttpResponse
from django.urls import reverse
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe
from PIL import Image

from collections_app.models import CollectionImage
from collections_app.site_url import site_root_url
from iiif import image_api
from iiif.image_api import RequestError

# A derivative of a given file never changes (the cache key holds the file's version); info.json can, when
# the image is replaced or its rights change, so viewers and proxies re-read it daily.
IMAGE_MAX_AGE = 60 * 60 * 24 * 30
INFO_MAX_AGE = 60 * 60 * 24
JSON_LD = "application/ld+json"
_IDENTIFIER = re.compile(r"[1-9][0-9]{0,17}")


def limits() -> image_api.Limits:
    return image_api.Limits(settings.IIIF_MAX_WIDTH, settings.IIIF_MAX_HEIGHT, settings.IIIF_MAX_AREA)


def cache_dir() -> Path:
    """IIIF_CACHE_DIR, or iiif-cache/ in MEDIA_ROOT (read at request time, so test settings' MEDIA_ROOT applies)."""
    return Path(settings.IIIF_CACHE_DIR or Path(settings.MEDIA_ROOT) / "iiif-cache")


def public_image(identifier: str) -> CollectionImage:
    """The publicly shown image `identifier` names (a plain decimal id), or a 404."""
    image = None
    if _IDENTIFIER.fullmatch(identifier):
        image = CollectionImage.objects.publicly_shown().filter(pk=int(identifier)).first()
    if image is None:
        raise RequestError(_("There is no public image with this identifier."), status=404)
    return image


def source_version(image: CollectionImage) -> str:
    """A key that changes whenever the image's file is replaced (Wagtail stores a new file under a new name)."""
    key = f"{image.file.name}|{image.file_size}|{image.file_hash}"
    return hashlib.sha256(key.encode()).hexdigest()[:16]


def full_size(image: CollectionImage) -> tuple[int, int]:
    """The upright size of the image's file, remembered per file version so a cached tile needs no file access."""
    key = f"iiif:size:{image.pk}:{source_version(image)}"
    size = cache.get(key)
    if size is None:
        try:
            with image.open_file() as source:
                size = image_api.oriented_size(source)
        except Image.DecompressionBombError as error:
            raise RequestError(_("This image is too large to be served."), status=413) from error
        except OSError as error:  # missing file, or one Pillow cannot read
            raise RequestError(_("There is no public image with this identifier."), status=404) from error
        cache.set(key, size, None)
    return tuple(size)


def cache_path(image: CollectionImage, request: image_api.ImageRequest) -> Path:
    name = hashlib.sha256(request.canonical.encode()).hexdigest()[:32]
    return cache_dir() / str(image.pk) / source_version(image) / f"{name}.{request.format}"


def rendered(image: CollectionImage, request: image_api.ImageRequest, size: tuple[int, int]) -> Path:
    """The derivative's file in the disk cache, made first if missing.

    Written to a temporary file and renamed into place, so a concurrent
    request never reads half a tile.
    """
    path = cache_path(image, request)
    if path.exists():
        return path
    try:
        with image.open_file() as source:
            data = image_api.render(source, request, size)
    except Image.DecompressionBombError as error:
        raise RequestError(_("This image is too large to be served."), status=413) from error
    except OSError as error:  # the original went missing or is damaged since its size was read
        raise RequestError(_("There is no public image with this identifier."), status=404) from error
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".part")
    try:
        with os.fdopen(handle, "wb") as output:
            output.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return path


def _base_uri(request, identifier: str) -> str:
    """The image's IIIF base URI on the configured Site (collections_app.site_url), never the Host header."""
    return site_root_url(request) + reverse("iiif:base", args=[identifier])


def _protocol_headers(response: HttpResponse) -> HttpResponse:
    response["Access-Control-Allow-Origin"] = "*"
    return response


def _error(error: RequestError) -> HttpResponse:
    response = HttpResponse(f"{error.message}\n", status=error.status, content_type="text/plain; charset=utf-8")
    return _protocol_headers(response)


@require_safe
def base(request, identifier):
    """The base URI redirects to the image information (§2.1)."""
    try:
        public_image(identifier)
    except RequestError as error:
        return _error(error)
    response = HttpResponse(status=303)
    response["Location"] = reverse("iiif:info", args=[identifier])
    return _protocol_headers(response)


@require_safe
def info(request, identifier):
    """info.json: JSON-LD unless the Accept header prefers plain JSON (§5.1)."""
    try:
        image = public_image(identifier)
        size = full_size(image)
    except RequestError as error:
        return _error(error)
    document = image_api.information(
        _base_uri(request, identifier), size, limits(), settings.IIIF_TILE_SIZE, rights=image.rights_uri
    )
    if request.get_preferred_type([JSON_LD, "application/json"]) == "application/json":
        content_type = "application/json"
    else:
        content_type = f'{JSON_LD};profile="{image_api.CONTEXT}"'
    response = HttpResponse(json.dumps(document), content_type=content_type)
    patch_vary_headers(response, ["Accept"])
    patch_cache_control(response, public=True, max_age=INFO_MAX_AGE)
    response["Link"] = f'<{image_api.PROFILE_URI}>;rel="profile"'
    return _protocol_headers(response)


@require_safe
def image(request, identifier, region, size, rotation, quality_format):
    """`{region}/{size}/{rotation}/{quality}.{format}` (§4), from the disk cache when it was made before."""
    try:
        source = public_image(identifier)
        full = full_size(source)
        parsed = image_api.parse(region, size, rotation, quality_format, full, limits())
        path = rendered(source, parsed, full)
    except RequestError as error:
        return _error(error)
    response = FileResponse(path.open("rb"), content_type=parsed.media_type, filename=f"{identifier}.{parsed.format}")
    patch_cache_control(response, public=True, max_age=IMAGE_MAX_AGE)
    canonical = f"{_base_uri(request, identifier)}/{parsed.canonical}"
    response["Link"] = f'<{canonical}>;rel="canonical", <{image_api.PROFILE_URI}>;rel="profile"'
    return _protocol_headers(response)
