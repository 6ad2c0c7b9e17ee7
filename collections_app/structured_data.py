"""schema.org JSON-LD for search engines, in the language of the page that carries it.

A relic is a `VisualArtwork`, an exhibition an `ExhibitionEvent` (online, so a
`VirtualLocation`), a museum a `Museum`. Texts are the ones the page shows
(the visitor's language, or its fallback); `inLanguage` is the page's language.
Images reuse the rendition the page's Open Graph tags already made, so no
new image work is done for a crawler. Builders return plain dicts; the
`structured_data` template tag writes them into the page's head.
"""

from __future__ import annotations

import datetime
import json

from django.utils import translation
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from collections_app.site_url import absolute
from portal.languages import BY_CODE

CONTEXT = "https://schema.org"
#: The rendition link previews use (collections_app.templatetags.portal_tags.open_graph): made once, shared.
IMAGE_SPEC = "fill-1200x630-c50"
#: Characters that could end the script element or start markup, as JSON escapes.
_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def iso_year(year: int) -> str:
    """A historical year as an ISO 8601 year: there is no year 0, so 500 BCE (-500) is -0499."""
    astronomical = year if year > 0 else year + 1
    return f"{'-' if astronomical < 0 else ''}{abs(astronomical):04d}"


def temporal_coverage(earliest: int | None, latest: int | None) -> str | None:
    """The dating as an ISO 8601 interval of years ("-1199/-1099"), or one year."""
    if earliest is None and latest is None:
        return None
    if earliest is None or latest is None or earliest == latest:
        return iso_year(earliest if earliest is not None else latest)
    return f"{iso_year(earliest)}/{iso_year(latest)}"


def _image(image, request) -> str | None:
    return absolute(image.get_rendition(IMAGE_SPEC).url, request) if image is not None else None


def _museum(museum, request) -> dict:
    return {"@type": "Museum", "name": museum.title, "url": museum.get_full_url(request)}


def _clean(data: dict) -> dict:
    """Without empty values: a crawler reads a missing property better than an empty one."""
    return {key: value for key, value in data.items() if value not in (None, "", [], {})}


def relic(page, request) -> dict:
    materials = [str(material) for material in page.material_terms]
    place = page.find_spot
    location = None
    if place is not None:
        location = {"@type": "Place", "name": str(place)}
        if place.latitude is not None and place.longitude is not None:
            location["geo"] = {
                "@type": "GeoCoordinates",
                "latitude": float(place.latitude),
                "longitude": float(place.longitude),
            }
    return {
        "@type": "VisualArtwork",
        "name": page.title,
        "description": page.summary_text(),
        "identifier": {"@type": "PropertyValue", "propertyID": "accession number", "value": page.accession_number},
        "image": _image(page.first_image, request),
        "artform": str(page.object_type) if page.object_type_id else None,
        "artMedium": materials,
        "material": materials,
        # schema.org has no property for a culture or period: it is a keyword of the record, with the dating.
        "keywords": [str(page.culture)] if page.culture_id else [],
        "temporalCoverage": temporal_coverage(page.earliest_year, page.latest_year),
        "locationCreated": location,
        "provider": _museum(page.museum, request) if page.museum_id else None,
        "creditText": page.credit_line,
        "license": page.rights_uri,
    }


def exhibition(page, request) -> dict:
    closing = page.closing_date
    return {
        "@type": "ExhibitionEvent",
        "name": page.title,
        "description": page.summary_text(),
        "startDate": page.opening_date.isoformat() if isinstance(page.opening_date, datetime.date) else None,
        "endDate": closing.isoformat() if isinstance(closing, datetime.date) else None,
        "eventAttendanceMode": "https://schema.org/OnlineEventAttendanceMode",
        "location": {"@type": "VirtualLocation", "url": page.get_full_url(request)},
        "organizer": [_museum(museum, request) for museum in page.participating_museums.visible().order_by("path")],
        "image": _image(page.hero_image, request),
    }


def museum(page, request) -> dict:
    return {
        "@type": "Museum",
        "name": page.title,
        "description": page.summary_text(),
        "address": {"@type": "PostalAddress", "addressLocality": page.city, "addressCountry": page.country},
        "logo": _image(page.logo, request),
        "sameAs": [page.website] if page.website else [],
    }


def for_page(page, request) -> dict | None:
    """The page's JSON-LD, or None for a page type schema.org says nothing useful about here."""
    from collections_app.models import ExhibitionPage, MuseumPage, RelicPage

    page = page.specific
    builders = {RelicPage: relic, ExhibitionPage: exhibition, MuseumPage: museum}
    build = builders.get(type(page))
    if build is None:
        return None
    url = page.get_full_url(request)
    language = translation.get_language()
    data = {"@context": CONTEXT, **build(page, request), "@id": url, "url": url}
    if language in BY_CODE:
        data["inLanguage"] = BY_CODE[language].bcp47
    return _clean(data)


def script(data: dict) -> SafeString:
    """`<script type="application/ld+json">`, its JSON unable to close the element early."""
    text = json.dumps(data, ensure_ascii=False).translate(_SCRIPT_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))  # noqa: S308 (escaped above)
